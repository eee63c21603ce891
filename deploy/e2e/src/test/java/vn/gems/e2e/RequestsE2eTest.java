package vn.gems.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * On-request reports (báo cáo chuyên đề, đột xuất khi có yêu cầu) through the gateway with real tokens: DOLISA issues
 * seed 003 with a thematic rule on request, asks Health and Education for a thematic report (a retry with the same
 * Idempotency-Key changes nothing), Health is told and files it by reference (period REQ-n) on time, DOLISA accepts
 * it and withdraws the request before its due date: Education's unsubmitted obligation is cancelled, Health's kept.
 * Another province's reviewer and a reporter are refused; no token is 401. The class sets up everything it asserts.
 */
@ExtendWith(E2eSuite.class)
class RequestsE2eTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static RequestSpecification as(String user) {
        RequestSpecification r = given().contentType(ContentType.JSON);
        return user == null ? r : r.header("Authorization", bearer(user));
    }

    /** Seed 003 under a fresh code, with R22: a thematic report on request from Health and Education to DOLISA; issued. */
    static long issuedPlan(String code) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Path.of(System.getProperty("gems.root", "../.."), "deploy/demo/plans/tth-2021-2025.json").toFile());
        doc.put("code", code);
        doc.withArray("reportingRules").add(JSON.readTree("""
                {"key":"R22","kind":"THEMATIC","title":"Báo cáo chuyên đề khi có yêu cầu",
                 "submitters":{"mode":"EXPLICIT","agencies":["TTH-DOH","TTH-DOET","TTH-DOLISA"]},
                 "receivingAgency":"TTH-DOLISA","coverage":"NARRATIVE_ONLY"}"""));
        Response created = as("dolisa.officer").body(doc.toString()).post(gateway() + "/api/plans");
        assertEquals(201, created.statusCode(), created.asString());
        long id = created.jsonPath().getLong("id");
        as("dolisa.officer").header("If-Match", created.header("ETag")).body("{\"documentNumber\":\"" + code + "/KH-UBND\",\"issueDate\":\"2021-05-10\"}")
                .post(gateway() + "/api/plans/" + id + "/issue").then().statusCode(200);
        // plans-service tells reporting-service from its outbox: the dated obligations show that it has arrived.
        E2eSuite.await("the plan's obligations", Duration.ofSeconds(90), () -> as("health.reporter")
                .get(gateway() + "/api/reports/obligations?planId=" + id).then().extract().jsonPath().getList("items").size() > 0);
        return id;
    }

    static String body(long plan, LocalDate due) {
        return """
                {"planId":%d,"ruleKey":"R22","subject":"Báo cáo chuyên đề về phòng, chống bạo lực gia đình",
                 "instructions":"Nêu số vụ phát hiện, xử lý và mô hình hỗ trợ nạn nhân.","dueDate":"%s",
                 "recipients":["TTH-DOH","TTH-DOET"],"targetKeys":["O4-T1"]}""".formatted(plan, due);
    }

    @Test
    void aThematicReportIsAskedFiledOnTimeAndTheRequestWithdrawn() throws Exception {
        String code = "E2E-REQ-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        long plan = issuedPlan(code);
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(20);
        String post = gateway() + "/api/reports/requests";

        // Who may ask: the rule's receiving agency's reviewers; nobody without a token.
        as(null).body(body(plan, due)).post(post).then().statusCode(401);
        as("health.reporter").body(body(plan, due)).post(post).then().statusCode(403).contentType("application/problem+json");
        as("qng.officer").body(body(plan, due)).post(post).then().statusCode(403).body("code", equalTo("NOT_YOUR_RECEIVING_AGENCY"));
        // A recipient outside the rule's submitters is named.
        as("dolisa.officer").body(body(plan, due).replace("\"TTH-DOET\"", "\"TTH-DPI\"")).post(post).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("NOT_A_SUBMITTER")).body("errors[0].field", equalTo("recipients[1]"));

        Response issued = as("dolisa.officer").header("Idempotency-Key", code).body(body(plan, due)).post(post);
        assertEquals(201, issued.statusCode(), issued.asString());
        long id = issued.jsonPath().getLong("id");
        assertTrue(issued.header("Location").endsWith("/api/reports/requests/" + id), issued.header("Location"));
        as("dolisa.officer").header("Idempotency-Key", code).body(body(plan, due)).post(post).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) id));
        as("dolisa.officer").header("Idempotency-Key", code).body(body(plan, due.plusDays(1))).post(post).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        as("dolisa.officer").get(gateway() + "/api/reports/requests?planId=" + plan).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].obligations.assignedAgency", containsInAnyOrder("TTH-DOH", "TTH-DOET"));

        // Health is told and sees the obligation with the request's subject; Home Affairs, not asked, sees nothing.
        String period = "REQ-" + id;
        as("health.reporter").get(gateway() + "/api/reports/notifications?kind=REPORT_REQUESTED").then().statusCode(200)
                .body("items.message", hasItem(containsString("phòng, chống bạo lực gia đình")));
        JsonPath mine = as("health.reporter").get(gateway() + "/api/reports/obligations?planId=" + plan + "&period=" + period).then()
                .statusCode(200).body("items[0].requestSubject", equalTo("Báo cáo chuyên đề về phòng, chống bạo lực gia đình"))
                .body("items[0].status", equalTo("UPCOMING")).extract().jsonPath();
        assertEquals(id, mine.getLong("items[0].requestId"));
        as("homeaffairs.reporter").get(gateway() + "/api/reports/requests/" + id).then().statusCode(403).body("code", equalTo("NOT_YOUR_REQUEST"));

        // Filed by reference and submitted at once: the listed target's figures are asked for, on time.
        Response filed = as("health.reporter").body("""
                {"planCode":"%s","ruleKey":"R22","period":"%s","submit":true,
                 "content":{"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Đã tiếp nhận và xử lý các vụ việc."}],
                            "values":[{"measureKey":"O4-T1-M1","female":7000,"male":7700}]}}""".formatted(code, period))
                .post(gateway() + "/api/reports/submissions");
        assertEquals(201, filed.statusCode(), filed.asString());
        long report = filed.jsonPath().getLong("id");
        String etag = as("dolisa.officer").get(gateway() + "/api/reports/submissions/" + report).then().statusCode(200).extract().header("ETag");
        as("dolisa.officer").header("If-Match", etag).body("{}").post(gateway() + "/api/reports/submissions/" + report + "/accept")
                .then().statusCode(200);

        // Withdrawn before the due date: Education's unsubmitted report is cancelled, Health's accepted one kept.
        String requestEtag = as("dolisa.officer").get(gateway() + "/api/reports/requests/" + id).then().statusCode(200)
                .body("counts.submitted", equalTo(1)).body("counts.onTime", equalTo(1)).extract().header("ETag");
        String withdraw = gateway() + "/api/reports/requests/" + id + "/withdraw";
        String reason = "{\"reason\":\"Nội dung đã được tổng hợp trong báo cáo năm\"}";
        as("qng.officer").header("If-Match", requestEtag).body(reason).post(withdraw).then().statusCode(403);
        as("dolisa.officer").body(reason).post(withdraw).then().statusCode(428);
        as("dolisa.officer").header("If-Match", requestEtag).body(reason).post(withdraw).then().statusCode(200)
                .body("state", equalTo("WITHDRAWN")).body("counts.cancelled", equalTo(1)).body("counts.submitted", equalTo(1))
                .body("history.action", contains("ISSUED", "WITHDRAWN")).body("history.actor", hasItem("dolisa.officer"));
        as("education.reporter").get(gateway() + "/api/reports/obligations?planId=" + plan + "&period=" + period).then().statusCode(200)
                .body("items", hasSize(0));
        as("education.reporter").get(gateway() + "/api/reports/obligations?planId=" + plan + "&period=" + period + "&status=CANCELLED").then()
                .statusCode(200).body("items[0].requestId", equalTo((int) id));
        as("education.reporter").get(gateway() + "/api/reports/notifications?kind=REQUEST_WITHDRAWN").then().statusCode(200)
                .body("items.message", hasItem(containsString("phòng, chống bạo lực gia đình")));
        as("health.reporter").get(gateway() + "/api/reports/obligations?planId=" + plan + "&period=" + period).then().statusCode(200)
                .body("items[0].status", equalTo("ACCEPTED"));
        OpenApiResponses.assertMatchesSchema("GET", "/api/reports/requests/" + id,
                as("dolisa.officer").get(gateway() + "/api/reports/requests/" + id));
    }
}
