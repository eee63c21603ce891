package vn.gems.reporting.rest;

import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.EDUCATION;
import static vn.gems.reporting.Fixtures.HEALTH;
import static vn.gems.reporting.Fixtures.QNG;

/** draft → submitted → returned → resubmitted → accepted, with every 401/403/404/409/412/422/428 on the way. */
@QuarkusTest
class ReportLifecycleTest {

    static final long PLAN = 2001;

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    int year;

    @BeforeEach
    void plan() {
        Fixtures.agencies(fake);
        LocalDate due = Fixtures.today().plusDays(20);
        year = due.getYear();
        fake.plan(PLAN, 1, Fixtures.seed003("T-2001", year, year + 1, due.getDayOfMonth(), due.getMonthValue()));
        Fixtures.event(PLAN, 1, "ISSUED").then().statusCode(200);
    }

    @Test
    void fullLifecycle() {
        long obligation = Fixtures.obligation(HEALTH, PLAN, String.valueOf(year), "R2");
        given().header("Authorization", HEALTH).get("/api/reports/obligations/" + obligation).then().statusCode(200)
                .body("agency", equalTo("TTH-DOH")).body("receivingAgency", equalTo("TTH-DOLISA"))
                .body("status", equalTo("UPCOMING")).body("daysUntilDue", equalTo(20)).body("reportId", nullValue());

        // Another agency can neither see nor start Health's report (BOLA).
        given().header("Authorization", EDUCATION).get("/api/reports/obligations/" + obligation).then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_OBLIGATION"));
        given().header("Authorization", EDUCATION).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/obligations/" + obligation + "/report").then().statusCode(403).body("code", equalTo("NOT_YOUR_REPORT"));
        given().contentType(ContentType.JSON).body("{}").post("/api/reports/obligations/" + obligation + "/report").then().statusCode(401);

        var created = given().header("Authorization", HEALTH).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/obligations/" + obligation + "/report").then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", equalTo("\"0\""))
                .body("state", equalTo("DRAFT")).body("draft.values.size()", equalTo(0)).extract();
        long report = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/reports/submissions/" + report));
        given().header("Authorization", HEALTH).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/obligations/" + obligation + "/report").then().statusCode(409).body("code", equalTo("REPORT_EXISTS"));

        // Drafts are private: the receiving agency, another agency and an auditor cannot read it yet.
        given().header("Authorization", DOLISA).get("/api/reports/submissions/" + report).then().statusCode(403)
                .body("code", equalTo("DRAFT_IS_PRIVATE"));
        given().header("Authorization", EDUCATION).get("/api/reports/submissions/" + report).then().statusCode(403);
        given().header("Authorization", QNG).get("/api/reports/submissions/" + report).then().statusCode(403);
        given().header("Authorization", Fixtures.AUDITOR).get("/api/reports/submissions/" + report).then().statusCode(403);

        // Optimistic locking on drafts.
        String content = Fixtures.healthReport(7000, 7700, "16");
        given().header("Authorization", HEALTH).contentType(ContentType.JSON).body(content)
                .put("/api/reports/submissions/" + report).then().statusCode(428).body("code", equalTo("IF_MATCH_REQUIRED"));
        given().header("Authorization", HEALTH).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(content)
                .put("/api/reports/submissions/" + report).then().statusCode(412).body("code", equalTo("STALE_VERSION"));
        // Values must fit the plan: unknown measure, another agency's measure, parts above their total.
        given().header("Authorization", HEALTH).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"values\":[{\"measureKey\":\"O9-T9-M9\",\"value\":1},{\"measureKey\":\"O2-T1-M1\",\"female\":1,\"male\":2},"
                        + "{\"measureKey\":\"O4-T1-M1\",\"female\":10,\"male\":10,\"total\":5}]}")
                .put("/api/reports/submissions/" + report).then().statusCode(422).body("code", equalTo("INVALID_REPORT_CONTENT"))
                .body("errors.field", hasItems("values[0].measureKey", "values[1].measureKey", "values[2].total"))
                .body("errors.code", hasItems("UNKNOWN_MEASURE", "NOT_YOUR_MEASURE", "TOTAL_BELOW_PARTS"));
        given().header("Authorization", HEALTH).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"sections\":[{\"kind\":\"GOSSIP\",\"text\":\"x\"}]}")
                .put("/api/reports/submissions/" + report).then().statusCode(400).body("code", equalTo("INVALID_VALUE"));
        given().header("Authorization", HEALTH).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"\"}],\"values\":[{\"measureKey\":\"O4-T1-M1\",\"female\":-1}]}")
                .put("/api/reports/submissions/" + report).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("sections[0].text", "values[0].female"));

        // An incomplete draft cannot be submitted; the error names every missing part; nothing is written.
        given().header("Authorization", HEALTH).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"values\":[{\"measureKey\":\"O4-T1-M1\",\"female\":7000}]}")
                .put("/api/reports/submissions/" + report).then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().header("Authorization", HEALTH).post("/api/reports/submissions/" + report + "/submit").then().statusCode(422)
                .body("code", equalTo("REPORT_INCOMPLETE"))
                .body("errors.field", hasItems("sections", "values[O4-T1-M1].male", "values[O4-T2-M1]", "values[O4-T3-M1]", "values[O4-T4-M1]"));
        assertEquals(0, db.count("select count(*) from report_version where report_id = ?", report));

        given().header("Authorization", HEALTH).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(content)
                .put("/api/reports/submissions/" + report).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("draft.values.size()", equalTo(4));

        // Submit with an Idempotency-Key: a retry replays the answer, no second version.
        var submitted = given().header("Authorization", HEALTH).header("Idempotency-Key", "submit-" + report + "-a")
                .post("/api/reports/submissions/" + report + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED")).body("lastVersionNo", equalTo(1)).body("late", equalTo(false))
                .body("daysLate", equalTo(0)).extract();
        String replay = given().header("Authorization", HEALTH).header("Idempotency-Key", "submit-" + report + "-a")
                .post("/api/reports/submissions/" + report + "/submit").then().statusCode(200)
                .header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(submitted.asString(), replay);
        assertEquals(1, db.count("select count(*) from report_version where report_id = ?", report));
        given().header("Authorization", HEALTH).post("/api/reports/submissions/" + report + "/submit").then().statusCode(409)
                .body("code", equalTo("ALREADY_SUBMITTED"));
        given().header("Authorization", HEALTH).header("If-Match", etag(HEALTH, report)).contentType(ContentType.JSON).body(content)
                .put("/api/reports/submissions/" + report).then().statusCode(409).body("code", equalTo("REPORT_UNDER_REVIEW"));
        given().header("Authorization", HEALTH).get("/api/reports/obligations/" + obligation).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("late", equalTo(false)).body("reportId", equalTo((int) report));

        // The receiving agency now reads the submitted version, never the draft.
        given().header("Authorization", DOLISA).get("/api/reports/submissions/" + report).then().statusCode(200)
                .body("draft", nullValue()).body("state", equalTo("SUBMITTED"));
        given().header("Authorization", DOLISA).get("/api/reports/submissions/" + report + "/versions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].content.values.find { it.measureKey == 'O4-T1-M1' }.female", equalTo(7000));
        given().header("Authorization", DOLISA).get("/api/reports/obligations?view=received&planId=" + PLAN + "&status=SUBMITTED")
                .then().statusCode(200).body("items.id", hasItem((int) obligation));
        given().header("Authorization", Fixtures.AUDITOR).get("/api/reports/submissions/" + report + "/versions/1").then().statusCode(200);
        given().header("Authorization", EDUCATION).get("/api/reports/submissions/" + report + "/versions").then().statusCode(403);

        // Only reviewers of the receiving agency review.
        given().header("Authorization", HEALTH).header("If-Match", etag(HEALTH, report)).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + report + "/accept").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", QNG).header("If-Match", "*").contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + report + "/accept").then().statusCode(403).body("code", equalTo("NOT_YOUR_REVIEW"));

        // Returned with comments per section and per value.
        String review = """
                {"summary":"Đề nghị bổ sung số liệu","comments":[
                  {"sectionKind":"RESULTS","objectiveKey":"O4","text":"Nêu rõ nguồn số liệu"},
                  {"measureKey":"O4-T2-M1","text":"Kiểm tra lại mẫu số"}]}""";
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(review)
                .post("/api/reports/submissions/" + report + "/return").then().statusCode(428);
        given().header("Authorization", DOLISA).header("If-Match", etag(DOLISA, report)).contentType(ContentType.JSON)
                .body("{\"comments\":[{\"measureKey\":\"O7-T1-M1\",\"text\":\"?\"}]}")
                .post("/api/reports/submissions/" + report + "/return").then().statusCode(422).body("errors[0].code", equalTo("UNKNOWN_MEASURE"));
        given().header("Authorization", DOLISA).header("If-Match", etag(DOLISA, report)).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + report + "/return").then().statusCode(422).body("code", equalTo("REVIEW_COMMENT_REQUIRED"));
        given().header("Authorization", DOLISA).header("If-Match", etag(DOLISA, report)).contentType(ContentType.JSON).body(review)
                .post("/api/reports/submissions/" + report + "/return").then().statusCode(200).body("state", equalTo("RETURNED"));
        given().header("Authorization", HEALTH).get("/api/reports/submissions/" + report).then().statusCode(200)
                .body("state", equalTo("RETURNED")).body("lastReview.outcome", equalTo("RETURNED"))
                .body("lastReview.review.comments.size()", equalTo(2)).body("lastReview.review.comments[1].measureKey", equalTo("O4-T2-M1"));
        given().header("Authorization", DOLISA).header("If-Match", etag(DOLISA, report)).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + report + "/accept").then().statusCode(409).body("code", equalTo("NOT_UNDER_REVIEW"));

        // Corrected and resubmitted; the diff shows what changed between versions.
        Fixtures.put(HEALTH, report, Fixtures.healthReport(7000, 7700, "14.9"));
        Fixtures.submit(HEALTH, report);
        given().header("Authorization", DOLISA).get("/api/reports/submissions/" + report + "/diff").then().statusCode(200)
                .body("from", equalTo("1")).body("to", equalTo("2")).body("count", equalTo(1))
                .body("changes[0].path", equalTo("values[O4-T2-M1].value")).body("changes[0].from", equalTo("16"))
                .body("changes[0].to", equalTo("14.9"));
        given().header("Authorization", DOLISA).get("/api/reports/submissions/" + report + "/diff?from=1&to=draft").then().statusCode(403);

        // Accepted: stale If-Match is 412; then the values go to indicators-service through the outbox.
        given().header("Authorization", DOLISA).header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + report + "/accept").then().statusCode(412);
        Fixtures.accept(DOLISA, report);
        given().header("Authorization", HEALTH).get("/api/reports/obligations/" + obligation).then().body("status", equalTo("ACCEPTED"));
        String key = "reporting-submission-" + report + "-v2";
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.batches().containsKey(key));
        JsonObject batch = fake.batches().get(key);
        assertEquals("REPORT", batch.getJsonObject("source").getString("kind"));
        assertEquals("submission:" + report + ":v2", batch.getJsonObject("source").getString("reference"));
        assertEquals("TTH-DOH", batch.getJsonObject("source").getString("agency"));
        Map<String, Object> rows = new HashMap<>();
        JsonArray values = batch.getJsonArray("values");
        for (int i = 0; i < values.size(); i++) {
            JsonObject v = values.getJsonObject(i);
            assertEquals("VN-46", v.getString("unitCode"));
            assertEquals(String.valueOf(year), v.getString("period"));
            assertEquals("FINAL", v.getString("status"));
            rows.put(v.getString("indicatorCode") + "/" + v.getString("sex"), v.getValue("value"));
        }
        // Rows as indicators-service keeps them: births by sex (it derives the total), the others without sex.
        assertEquals(Map.of("BIRTHS/FEMALE", 7000, "BIRTHS/MALE", 7700, "MATERNAL_MORTALITY_RATIO/null", 14.9,
                "ADOLESCENT_BIRTH_RATE/null", 22, "LGBT_PILOT_FACILITIES/null", 1), normalise(rows));
        // The outbox marks the message delivered in its own transaction, just after indicators-service answered.
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count("select count(*) from outbox_message where idem_key = ? and status = 'DELIVERED'", key) == 1);

        // After acceptance a correction can be drafted; the report counts the changes since the accepted version.
        given().header("Authorization", HEALTH).get("/api/reports/submissions/" + report).then().body("changesSinceAcceptance", equalTo(0));
        Fixtures.put(HEALTH, report, Fixtures.healthReport(7001, 7700, "14.9"));
        given().header("Authorization", DOLISA).get("/api/reports/submissions/" + report).then().statusCode(200)
                .body("state", equalTo("ACCEPTED")).body("acceptedVersionNo", equalTo(2)).body("changesSinceAcceptance", equalTo(1));
        given().header("Authorization", HEALTH).get("/api/reports/submissions/" + report + "/diff?from=2&to=draft").then().statusCode(200)
                .body("count", equalTo(1)).body("changes[0].path", equalTo("values[O4-T1-M1].female"));

        // Notices went both ways.
        given().header("Authorization", DOLISA).get("/api/reports/notifications?kind=SUBMITTED").then().statusCode(200)
                .body("items.reportId", hasItem((int) report));
        given().header("Authorization", HEALTH).get("/api/reports/notifications").then().statusCode(200)
                .body("items.kind", hasItems("RETURNED", "ACCEPTED"));
        given().header("Authorization", HEALTH).get("/api/reports/notifications?agency=TTH-DOLISA").then().statusCode(403);
        given().header("Authorization", Fixtures.AUDITOR).get("/api/reports/notifications?agency=TTH-DOH").then().statusCode(200);
        assertEquals(4, db.count("select count(*) from report_event where report_id = ? and action in ('SUBMITTED','RETURNED','ACCEPTED')", report));
    }

    private static Map<String, Object> normalise(Map<String, Object> rows) {
        Map<String, Object> out = new HashMap<>();
        rows.forEach((k, v) -> out.put(k, v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? (Object) n.intValue()
                : v instanceof Number n ? (Object) n.doubleValue() : v));
        return out;
    }

    private static String etag(String caller, long report) {
        return Fixtures.etag(caller, report);
    }

    @Test
    void unknownThingsAre404AndNoTokenIs401() {
        given().header("Authorization", HEALTH).get("/api/reports/submissions/987654").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", HEALTH).get("/api/reports/obligations/987654").then().statusCode(404);
        given().header("Authorization", HEALTH).contentType(ContentType.JSON).body("{}").post("/api/reports/obligations/987654/report")
                .then().statusCode(404);
        given().get("/api/reports/obligations").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/reports").then().statusCode(401);
        given().header("Authorization", HEALTH).get("/api/reports/obligations?status=SOMEDAY").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().header("Authorization", HEALTH).get("/api/reports/obligations?view=all").then().statusCode(403);
        given().header("Authorization", HEALTH).get("/api/reports/obligations?view=received").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("nobody", null, "reporter")).get("/api/reports/obligations").then().statusCode(403)
                .body("code", equalTo("NO_AGENCY"));
    }

    @Test
    void overviewCountsMyAgencysObligations() {
        given().header("Authorization", EDUCATION).get("/api/reports").then().statusCode(200)
                .body("agency", equalTo("TTH-DOET")).body("owed.UPCOMING", notNullValue());
        List<Integer> ids = given().header("Authorization", EDUCATION).get("/api/reports/obligations?planId=" + PLAN + "&status=UPCOMING")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(ids.size() >= 1);
    }
}
