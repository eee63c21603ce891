package vn.gems.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;
import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.reporting.Fixtures.ADMIN;
import static vn.gems.reporting.Fixtures.AUDITOR;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.EDUCATION;
import static vn.gems.reporting.Fixtures.HEALTH;
import static vn.gems.reporting.Fixtures.QNG;

/**
 * On-request reports (báo cáo chuyên đề, đột xuất khi có yêu cầu): issuing under a dateless thematic rule, who may,
 * validation, idempotency, the obligations and notices it makes, filing against them, timeliness, withdrawal, audit.
 */
@QuarkusTest
class RequestTest {

    private static final String CULTURE = "TTH-DCS";
    private static final String CULTURE_REPORTER = TestTokens.bearer("culture.reporter", CULTURE, "reporter");

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void agencies() {
        Fixtures.agencies(fake);
    }

    /** Seed 003 with R6: a thematic report on request (no due date) from Health, Culture and DOLISA itself, to DOLISA. */
    static void plan(FakePeers fake, long id) {
        JsonObject doc = Fixtures.seed003("T-" + id, 2026, 2030, 30, 11);
        doc.getJsonArray("reportingRules").add(new JsonObject().put("key", "R6").put("kind", "THEMATIC").put("title", "Báo cáo chuyên đề")
                .put("submitters", new JsonObject().put("mode", "EXPLICIT").put("agencies", new JsonArray(List.of("TTH-DOH", CULTURE, "TTH-DOLISA"))))
                .put("receivingAgency", "TTH-DOLISA").put("copyTo", new JsonArray()).put("coverage", "NARRATIVE_ONLY"));
        fake.plan(id, 1, doc);
        Fixtures.event(id, 1, "ISSUED").then().statusCode(200);
    }

    static String body(long plan, String rule, LocalDate due, List<String> recipients, List<String> targets, List<String> indicators) {
        return new JsonObject().put("planId", plan).put("ruleKey", rule).put("subject", "Báo cáo chuyên đề về sức khỏe bà mẹ")
                .put("instructions", "Nêu tình hình tử vong mẹ và các giải pháp.").put("dueDate", due == null ? null : due.toString())
                .put("recipients", recipients == null ? null : new JsonArray(recipients))
                .put("targetKeys", targets == null ? null : new JsonArray(targets))
                .put("indicatorCodes", indicators == null ? null : new JsonArray(indicators)).encode();
    }

    static RequestSpecification as(String caller) {
        RequestSpecification r = given().contentType(ContentType.JSON);
        return caller == null ? r : r.header("Authorization", caller);
    }

    static long issue(String caller, String body) {
        return as(caller).body(body).post("/api/reports/requests").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String etag(String caller, long request) {
        return as(caller).get("/api/reports/requests/" + request).then().statusCode(200).extract().header("ETag");
    }

    void sql(String statement, Object... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void aRequestMakesObligationsThatAreFiledLikeAnyOtherAndCountedForTimeliness() {
        plan(fake, 9301);
        LocalDate due = Fixtures.today().plusDays(10);
        String ok = body(9301, "R6", due, List.of("TTH-DOH", CULTURE), List.of("O4-T2"), null);

        // Idempotent: the same key and body give the same request; the key with another body is refused.
        var first = as(DOLISA).header("Idempotency-Key", "req-9301-a").body(ok).post("/api/reports/requests").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("state", equalTo("OPEN")).body("kind", equalTo("THEMATIC")).body("receivingAgency", equalTo("TTH-DOLISA"))
                .body("recipients", contains("TTH-DOH", CULTURE)).body("targetKeys", contains("O4-T2"))
                .body("dueDate", equalTo(due.toString())).body("counts.total", equalTo(2)).body("counts.submitted", equalTo(0))
                .body("obligations.status", contains("UPCOMING", "UPCOMING"))
                .body("history.action", contains("ISSUED")).body("history[0].actor", equalTo("dolisa.officer"))
                .extract();
        long id = first.jsonPath().getLong("id");
        assertTrue(first.header("Location").endsWith("/api/reports/requests/" + id), first.header("Location"));
        assertEquals("REQ-" + id, first.jsonPath().getString("period"));
        as(DOLISA).header("Idempotency-Key", "req-9301-a").body(ok).post("/api/reports/requests").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) id));
        as(DOLISA).header("Idempotency-Key", "req-9301-a").body(body(9301, "R6", due.plusDays(1), List.of("TTH-DOH"), null, null))
                .post("/api/reports/requests").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, db.count("select count(*) from report_request where plan_id = 9301"));
        assertEquals(2, db.count("select count(*) from obligation where request_id = ? and period = ? and due_date = ?", id, "REQ-" + id, due));
        assertEquals(1, db.count("select count(*) from report_event where request_id = ? and report_id is null and obligation_id is null and action = 'ISSUED' and actor = 'dolisa.officer'", id));
        assertEquals(2, db.count("select count(*) from report_event where action = 'REQUESTED' and obligation_id in "
                + "(select id from obligation where request_id = ?)", id));

        // The recipients are told, and see it in their workspace list with its subject; others see nothing of it.
        given().header("Authorization", HEALTH).get("/api/reports/notifications?kind=REPORT_REQUESTED").then().statusCode(200)
                .body("items.message", hasItem(containsString("Báo cáo chuyên đề về sức khỏe bà mẹ")));
        JsonPath mine = given().header("Authorization", HEALTH).get("/api/reports/obligations?planId=9301&period=REQ-" + id).then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].requestId", equalTo((int) id))
                .body("items[0].requestSubject", equalTo("Báo cáo chuyên đề về sức khỏe bà mẹ")).body("items[0].ruleKey", equalTo("R6"))
                .extract().jsonPath();
        long obligation = mine.getLong("items[0].id");
        as(HEALTH).get("/api/reports/requests/" + id).then().statusCode(200).body("obligations.agency", contains("TTH-DOH"));
        as(EDUCATION).get("/api/reports/requests/" + id).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("NOT_YOUR_REQUEST"));
        as(EDUCATION).get("/api/reports/requests").then().statusCode(200).body("items.id", not(hasItem((int) id)));
        as(HEALTH).get("/api/reports/requests?planId=9301").then().statusCode(200).body("items.id", hasItem((int) id));
        as(AUDITOR).get("/api/reports/requests?planId=9301&state=OPEN").then().statusCode(200).body("items.id", hasItem((int) id));
        as(DOLISA).get("/api/reports/requests?planId=9301&state=WITHDRAWN").then().statusCode(200).body("items", hasSize(0));

        // Regenerating the plan's dated obligations leaves the request's alone.
        as(ADMIN).post("/api/reports/plans/9301/obligations/regeneration").then().statusCode(200);
        assertEquals(2, db.count("select count(*) from obligation where request_id = ? and state = 'OPEN'", id));

        // The report must cover the listed target (the rule alone is narrative only).
        String narrative = """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tử vong mẹ giảm."}]}""";
        long report = Fixtures.start(HEALTH, obligation, narrative);
        given().header("Authorization", HEALTH).post("/api/reports/submissions/" + report + "/submit").then().statusCode(422)
                .body("code", equalTo("REPORT_INCOMPLETE")).body("errors.field", hasItem("values[O4-T2-M1]"));
        Fixtures.put(HEALTH, report, """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tử vong mẹ giảm."}],
                 "values":[{"measureKey":"O4-T2-M1","value":14}]}""");
        given().header("Authorization", HEALTH).post("/api/reports/submissions/" + report + "/submit").then().statusCode(200)
                .body("late", equalTo(false));
        Fixtures.accept(DOLISA, report);
        // An on-request report's figures stay in the report: REQ-n is no statistical period.
        assertEquals(0, db.count("select count(*) from outbox_message where payload like ?", "%REQ-" + id + "%"));

        // Filed by reference too (plan code, rule, period REQ-n), like any report.
        as(CULTURE_REPORTER).body(new JsonObject().put("planCode", "T-9301").put("ruleKey", "R6").put("period", "REQ-" + id).put("submit", true)
                        .put("content", new JsonObject("""
                                {"sections":[{"kind":"RESULTS","text":"Đã lồng ghép nội dung."}],"values":[{"measureKey":"O4-T2-M1","value":15}]}"""))
                        .encode())
                .post("/api/reports/submissions").then().statusCode(201).body("state", equalTo("SUBMITTED"));
        as(CULTURE_REPORTER).body(new JsonObject().put("planCode", "T-9301").put("ruleKey", "R6").put("period", "REQ-x").encode())
                .post("/api/reports/submissions").then().statusCode(400).body("errors.field", hasItem("period"));

        // Timeliness like any obligation: both on time.
        as(DOLISA).get("/api/reports/requests/" + id).then().statusCode(200)
                .body("counts.submitted", equalTo(2)).body("counts.onTime", equalTo(2)).body("counts.late", equalTo(0))
                .body("obligations.find { it.agency == 'TTH-DOH' }.status", equalTo("ACCEPTED"))
                .body("obligations.find { it.agency == 'TTH-DOH' }.reportId", equalTo((int) report))
                .body("obligations.find { it.agency == 'TTH-DCS' }.status", equalTo("SUBMITTED"));
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        plan(fake, 9302);
        LocalDate due = Fixtures.today().plusDays(5);
        String post = "/api/reports/requests";
        as(null).body(body(9302, "R6", due, null, null, null)).post(post).then().statusCode(401);
        as(HEALTH).body(body(9302, "R6", due, null, null, null)).post(post).then().statusCode(403).contentType("application/problem+json");
        as(QNG).body(body(9302, "R6", due, null, null, null)).post(post).then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_RECEIVING_AGENCY"));
        as(DOLISA).body(body(999999, "R6", due, null, null, null)).post(post).then().statusCode(422)
                .body("code", equalTo("UNKNOWN_PLAN")).body("errors[0].field", equalTo("planId"));
        as(DOLISA).body(body(9302, "R9", due, null, null, null)).post(post).then().statusCode(422)
                .body("code", equalTo("UNKNOWN_RULE")).body("errors[0].field", equalTo("ruleKey"));
        as(DOLISA).body(body(9302, "R2", due, null, null, null)).post(post).then().statusCode(422)
                .body("code", equalTo("RULE_NOT_ON_REQUEST")).body("errors[0].field", equalTo("ruleKey"));
        as(DOLISA).body(body(9302, "R6", Fixtures.today(), null, null, null)).post(post).then().statusCode(422)
                .body("code", equalTo("DUE_DATE_NOT_IN_FUTURE")).body("errors[0].field", equalTo("dueDate"));
        as(DOLISA).body(body(9302, "R6", due, List.of("TTH-DOH", "TTH-DPI", "TTH-DOLISA"), null, null)).post(post).then().statusCode(422)
                .body("code", equalTo("NOT_A_SUBMITTER")).body("errors.field", contains("recipients[1]", "recipients[2]"));
        as(DOLISA).body(body(9302, "R6", due, null, List.of("O4-T2", "O9-T9"), List.of("BIRTHS", "GDP"))).post(post).then().statusCode(422)
                .body("errors.field", contains("targetKeys[1]", "indicatorCodes[1]"))
                .body("errors.code", contains("UNKNOWN_TARGET", "UNKNOWN_INDICATOR"));
        as(DOLISA).body(new JsonObject().put("planId", 9302).put("ruleKey", "R6").put("dueDate", due.toString()).encode()).post(post).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("subject"))
                .body("errors.field", hasItem("instructions"));
        as(DOLISA).body("{\"planId\":9302,\"ruleKey\":\"R6\",\"subject\":\"x\",\"instructions\":\"y\",\"dueDate\":\"2026-02-31\"}")
                .post(post).then().statusCode(400).body("errors.field", hasItem("dueDate"));
        as(DOLISA).body("{not json").post(post).then().statusCode(400).contentType("application/problem+json");
        as(DOLISA).body("{\"planId\":9302,\"ruleKey\":\"R6\",\"subject\":\"x\",\"instructions\":\"y\",\"dueDate\":\"" + due
                + "\",\"recipients\":[\"\"]}").post(post).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        as(DOLISA).get(post + "?state=BOGUS").then().statusCode(400).body("code", equalTo("INVALID_STATE"))
                .body("errors[0].field", equalTo("state"));
        as(DOLISA).get(post + "?size=0").then().statusCode(400);
        as(null).get(post).then().statusCode(401);
        as(DOLISA).get(post + "/987654").then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, db.count("select count(*) from report_request where plan_id = 9302"));

        // Without recipients: all of the rule's submitters but the receiving agency itself.
        long id = issue(DOLISA, body(9302, "R6", due, null, null, null));
        as(DOLISA).get(post + "/" + id).then().statusCode(200).body("recipients", contains("TTH-DOH", CULTURE))
                .body("obligations.assignedAgency", containsInAnyOrder("TTH-DOH", CULTURE));
        // An admin may issue too.
        long byAdmin = issue(ADMIN, body(9302, "R6", due, List.of(CULTURE), null, List.of("BIRTHS")));
        as(ADMIN).get(post + "/" + byAdmin).then().statusCode(200).body("recipients", contains(CULTURE)).body("indicatorCodes", contains("BIRTHS"));
    }

    @Test
    void withdrawingBeforeTheDueDateCancelsWhatWasNotSubmittedAndIsAudited() throws SQLException {
        plan(fake, 9303);
        long id = issue(DOLISA, body(9303, "R6", Fixtures.today().plusDays(7), null, null, null));
        long health = given().header("Authorization", HEALTH).get("/api/reports/obligations?planId=9303&period=REQ-" + id).then()
                .statusCode(200).extract().jsonPath().getLong("items[0].id");
        long report = Fixtures.start(HEALTH, health, """
                {"sections":[{"kind":"RESULTS","text":"Đã triển khai."}]}""");
        Fixtures.submit(HEALTH, report);

        String path = "/api/reports/requests/" + id + "/withdraw";
        String reason = "{\"reason\":\"Nội dung đã có trong báo cáo năm\"}";
        String tag = etag(DOLISA, id);
        as(null).header("If-Match", tag).body(reason).post(path).then().statusCode(401);
        as(HEALTH).header("If-Match", tag).body(reason).post(path).then().statusCode(403);
        as(QNG).header("If-Match", tag).body(reason).post(path).then().statusCode(403).body("code", equalTo("NOT_YOUR_RECEIVING_AGENCY"));
        as(DOLISA).body(reason).post(path).then().statusCode(428);
        as(DOLISA).header("If-Match", "\"99\"").body(reason).post(path).then().statusCode(412);
        as(DOLISA).header("If-Match", tag).body("{\"reason\":\" \"}").post(path).then().statusCode(400).body("errors.field", hasItem("reason"));
        as(DOLISA).header("If-Match", "\"0\"").body(reason).post("/api/reports/requests/987654/withdraw").then().statusCode(404);

        String after = as(DOLISA).header("If-Match", tag).body(reason).post(path).then().statusCode(200)
                .body("state", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo("dolisa.officer"))
                .body("withdrawalReason", equalTo("Nội dung đã có trong báo cáo năm"))
                .body("counts.cancelled", equalTo(1)).body("counts.submitted", equalTo(1))
                .body("obligations.find { it.agency == 'TTH-DOH' }.state", equalTo("SUBMITTED"))
                .body("obligations.find { it.agency == 'TTH-DCS' }.state", equalTo("CANCELLED"))
                .body("history.action", contains("ISSUED", "WITHDRAWN")).body("history[1].actor", equalTo("dolisa.officer"))
                .extract().header("ETag");
        assertNotEquals(tag, after);
        assertEquals(1, db.count("select count(*) from notification where agency = 'TTH-DCS' and kind = 'REQUEST_WITHDRAWN'"
                + " and obligation_id in (select id from obligation where request_id = ?)", id));
        assertEquals(0, db.count("select count(*) from notification where agency = 'TTH-DOH' and kind = 'REQUEST_WITHDRAWN'"
                + " and obligation_id in (select id from obligation where request_id = ?)", id));
        assertEquals(1, db.count("select count(*) from report_event where action = 'REQUEST_WITHDRAWN' and actor = 'dolisa.officer'"
                + " and obligation_id in (select id from obligation where request_id = ?)", id));
        // The submitted report goes on through review; the cancelled one can no longer be started.
        Fixtures.accept(DOLISA, report);
        long culture = db.count("select id from obligation where request_id = ? and agency = 'TTH-DCS'", id);
        given().header("Authorization", CULTURE_REPORTER).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/obligations/" + culture + "/report").then().statusCode(409).body("code", equalTo("OBLIGATION_CANCELLED"));
        as(DOLISA).header("If-Match", after).body(reason).post(path).then().statusCode(409).body("code", equalTo("REQUEST_WITHDRAWN"));
        as(DOLISA).get("/api/reports/requests?planId=9303&state=WITHDRAWN").then().statusCode(200).body("items.id", contains((int) id));

        // On or after its due date a request stands: its reports are owed and counted.
        long due = issue(DOLISA, body(9303, "R6", Fixtures.today().plusDays(3), List.of(CULTURE), null, null));
        sql("update report_request set due_date = ? where id = ?", Fixtures.today(), due);
        as(DOLISA).header("If-Match", etag(DOLISA, due)).body(reason).post("/api/reports/requests/" + due + "/withdraw").then()
                .statusCode(409).body("code", equalTo("REQUEST_DUE"));
        assertEquals(1, db.count("select count(*) from obligation where request_id = ? and state = 'OPEN'", due));
        // Past its date, the unsubmitted report is overdue like any other; filed now, it counts late.
        sql("update obligation set due_date = ? where request_id = ?", Fixtures.today().minusDays(2), due);
        as(DOLISA).get("/api/reports/requests/" + due).then().statusCode(200).body("counts.overdue", equalTo(1))
                .body("obligations[0].status", equalTo("OVERDUE")).body("obligations[0].daysLate", equalTo(2));
        long lateObligation = db.count("select id from obligation where request_id = ?", due);
        long late = Fixtures.start(CULTURE_REPORTER, lateObligation, """
                {"sections":[{"kind":"RESULTS","text":"Nộp muộn."}]}""");
        given().header("Authorization", CULTURE_REPORTER).post("/api/reports/submissions/" + late + "/submit").then().statusCode(200)
                .body("late", equalTo(true)).body("daysLate", equalTo(2));
        as(DOLISA).get("/api/reports/requests/" + due).then().statusCode(200).body("counts.late", equalTo(1)).body("counts.overdue", equalTo(0));
    }
}
