package vn.gems.reporting.rest;

import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.reporting.Fixtures.ADMIN;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.HEALTH;
import static vn.gems.reporting.Fixtures.PLANNING;
import static vn.gems.reporting.Fixtures.QNG;

/** Due-date extensions (gia hạn nộp báo cáo): who may grant them, validation, timeliness after them, regeneration. */
@QuarkusTest
class ExtensionTest {

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void agencies() {
        Fixtures.agencies(fake);
    }

    static Response extend(String caller, long obligation, String ifMatch, String body) {
        var req = given().contentType(ContentType.JSON).body(body);
        if (caller != null) {
            req.header("Authorization", caller);
        }
        if (ifMatch != null) {
            req.header("If-Match", ifMatch);
        }
        return req.post("/api/reports/obligations/" + obligation + "/extension");
    }

    static String body(Object dueDate, String reason) {
        return new JsonObject().put("dueDate", dueDate == null ? null : dueDate.toString()).put("reason", reason).encode();
    }

    static String etag(String caller, long obligation) {
        return given().header("Authorization", caller).get("/api/reports/obligations/" + obligation).then().statusCode(200)
                .extract().header("ETag");
    }

    @Test
    void theReceivingAgencyExtendsAnOverdueObligationAndTheReportIsOnTime() {
        // The annual report fell due 5 days ago.
        LocalDate today = Fixtures.today();
        LocalDate due = today.minusDays(5);
        String period = String.valueOf(due.getYear());
        fake.plan(8001, 1, Fixtures.seed003("T-8001", due.getYear(), due.getYear(), due.getDayOfMonth(), due.getMonthValue()));
        Fixtures.event(8001, 1, "ISSUED").then().statusCode(200);
        long obligation = Fixtures.obligation(HEALTH, 8001, period, "R2");
        String etag = given().header("Authorization", HEALTH).get("/api/reports/obligations/" + obligation).then().statusCode(200)
                .body("status", equalTo("OVERDUE")).body("late", equalTo(true)).body("daysLate", equalTo(5))
                .body("originalDueDate", nullValue()).body("extensionReason", nullValue()).extract().header("ETag");
        LocalDate extended = today.plusDays(10);
        String ok = body(extended, "Chờ số liệu tuyến xã sau sáp nhập đơn vị hành chính");

        // Who may grant it: the receiving agency's reviewers (and admins), nobody else.
        extend(null, obligation, etag, ok).then().statusCode(401).contentType("application/problem+json");
        extend(HEALTH, obligation, etag, ok).then().statusCode(403).contentType("application/problem+json");
        extend(QNG, obligation, etag, ok).then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("NOT_YOUR_RECEIVING_AGENCY"));
        extend(ADMIN, 987654, "\"0\"", ok).then().statusCode(404);

        // Optimistic locking, as for every update.
        extend(DOLISA, obligation, null, ok).then().statusCode(428).body("code", equalTo("IF_MATCH_REQUIRED"));
        extend(DOLISA, obligation, "\"99\"", ok).then().statusCode(412).body("code", equalTo("STALE_VERSION"));

        // Validation names the offending field.
        extend(DOLISA, obligation, etag, body(null, "x")).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("dueDate"));
        extend(DOLISA, obligation, etag, body(extended, null)).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem("reason"));
        extend(DOLISA, obligation, etag, body(extended, "  ")).then().statusCode(400).body("errors.field", hasItem("reason"));
        extend(DOLISA, obligation, etag, body(extended, "x".repeat(1001))).then().statusCode(400).body("errors.field", hasItem("reason"));
        extend(DOLISA, obligation, etag, "{\"dueDate\":\"2026-13-45\",\"reason\":\"x\"}").then().statusCode(400)
                .body("errors.field", hasItem("dueDate"));
        extend(DOLISA, obligation, etag, body(due, "x")).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("DUE_DATE_NOT_LATER")).body("errors[0].field", equalTo("dueDate"));
        extend(DOLISA, obligation, etag, body(today.minusDays(1), "x")).then().statusCode(422)
                .body("code", equalTo("DUE_DATE_IN_PAST")).body("errors[0].field", equalTo("dueDate"));
        assertEquals(0, db.count("select count(*) from obligation where id = ? and original_due_date is not null", obligation));

        String newTag = extend(DOLISA, obligation, etag, ok).then().statusCode(200).header("ETag", not(equalTo(etag)))
                .body("dueDate", equalTo(extended.toString())).body("originalDueDate", equalTo(due.toString()))
                .body("extensionReason", equalTo("Chờ số liệu tuyến xã sau sáp nhập đơn vị hành chính"))
                .body("status", equalTo("UPCOMING")).body("daysUntilDue", equalTo(10)).body("late", nullValue())
                .extract().header("ETag");
        // The ETag read before the extension is stale now.
        extend(DOLISA, obligation, etag, body(extended.plusDays(1), "x")).then().statusCode(412);
        assertEquals(newTag, etag(HEALTH, obligation));
        // Recorded in the audit trail and told to the agency.
        assertEquals(1, db.count("select count(*) from report_event where obligation_id = ? and report_id is null "
                + "and action = 'DUE_DATE_EXTENDED' and actor = 'dolisa.officer'", obligation));
        given().header("Authorization", HEALTH).get("/api/reports/notifications?kind=DUE_DATE_EXTENDED").then().statusCode(200)
                .body("items.obligationId", hasItem((int) obligation));
        given().header("Authorization", DOLISA).get("/api/reports/obligations?view=received&planId=8001&period=" + period + "&status=OVERDUE")
                .then().statusCode(200).body("items.findAll { it.ruleKey == 'R2' }.agency", not(hasItem("TTH-DOH")))
                .body("items.findAll { it.ruleKey == 'R2' }.agency", hasItem("TTH-DOHA"));

        // Submitted after the original date, before the extended one: on time.
        long report = Fixtures.start(HEALTH, obligation, Fixtures.healthReport(7000, 7700, "16"));
        given().header("Authorization", HEALTH).post("/api/reports/submissions/" + report + "/submit").then().statusCode(200)
                .body("late", equalTo(false)).body("daysLate", equalTo(0));
        given().header("Authorization", HEALTH).get("/api/reports/submissions/" + report + "/versions").then().statusCode(200)
                .body("[0].late", equalTo(false)).body("[0].daysLate", equalTo(0));
        given().header("Authorization", HEALTH).get("/api/reports/obligations/" + obligation).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("late", equalTo(false)).body("daysLate", equalTo(0));
        JsonPath c = given().header("Authorization", DOLISA).get("/api/reports/plans/8001/consolidation?rule=R2&period=" + period)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("ON_TIME", c.getString("agencies.find { it.agency == 'TTH-DOH' }.timeliness"));
        assertEquals("MISSING", c.getString("agencies.find { it.agency == 'TTH-DOHA' }.timeliness"));
        assertEquals(1, c.getInt("completeness.onTime"));
        assertEquals(0, c.getInt("completeness.late"));

        // Once submitted, timeliness is settled: no more extensions.
        extend(DOLISA, obligation, etag(DOLISA, obligation), body(extended.plusDays(5), "x")).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ALREADY_SUBMITTED"));
    }

    @Test
    void regenerationKeepsTheExtensionUntilThePlanAllowsMoreTime() {
        // Far in the future, so the dates do not depend on today.
        JsonObject v1 = Fixtures.seed003("T-8002", 2030, 2030, 30, 11);
        fake.plan(8002, 1, v1);
        Fixtures.event(8002, 1, "ISSUED").then().statusCode(200);
        long dpi = Fixtures.obligation(PLANNING, 8002, "2030", "R2");
        long doh = Fixtures.obligation(HEALTH, 8002, "2030", "R2");
        extend(ADMIN, dpi, etag(ADMIN, dpi), body("2030-12-20", "Chờ số liệu điều tra doanh nghiệp")).then().statusCode(200)
                .body("dueDate", equalTo("2030-12-20")).body("originalDueDate", equalTo("2030-11-30"));

        // An admin's regeneration from the same version changes nothing.
        given().header("Authorization", ADMIN).post("/api/reports/plans/8002/obligations/regeneration").then().statusCode(200)
                .body("updated", equalTo(0)).body("created", equalTo(0));
        given().header("Authorization", PLANNING).get("/api/reports/obligations/" + dpi).then().statusCode(200)
                .body("dueDate", equalTo("2030-12-20")).body("originalDueDate", equalTo("2030-11-30"));

        // v2 moves the annual report to 15/11 and drops the mid-term review: the extension stays, its original follows the plan.
        fake.plan(8002, 2, withRules(v1, 15, 11, true));
        Fixtures.event(8002, 2, "AMENDED").then().statusCode(200);
        given().header("Authorization", PLANNING).get("/api/reports/obligations/" + dpi).then().statusCode(200)
                .body("dueDate", equalTo("2030-12-20")).body("originalDueDate", equalTo("2030-11-15"))
                .body("extensionReason", equalTo("Chờ số liệu điều tra doanh nghiệp"));
        given().header("Authorization", HEALTH).get("/api/reports/obligations/" + doh).then().statusCode(200)
                .body("dueDate", equalTo("2030-11-15")).body("originalDueDate", nullValue());
        given().header("Authorization", ADMIN).post("/api/reports/plans/8002/obligations/regeneration").then().statusCode(200)
                .body("updated", equalTo(0));
        given().header("Authorization", PLANNING).get("/api/reports/obligations/" + dpi).then().statusCode(200)
                .body("dueDate", equalTo("2030-12-20"));

        // A cancelled obligation cannot be extended.
        long review = db.count("select id from obligation where plan_id = 8002 and rule_key = 'R4' and state = 'CANCELLED'");
        extend(ADMIN, review, etag(ADMIN, review), body("2031-02-01", "x")).then().statusCode(409)
                .body("code", equalTo("OBLIGATION_CANCELLED"));

        // v3 gives everyone until 25/12, later than the extension: the plan's date supersedes it.
        fake.plan(8002, 3, withRules(v1, 25, 12, true));
        Fixtures.event(8002, 3, "AMENDED").then().statusCode(200);
        given().header("Authorization", PLANNING).get("/api/reports/obligations/" + dpi).then().statusCode(200)
                .body("dueDate", equalTo("2030-12-25")).body("originalDueDate", nullValue()).body("extensionReason", nullValue());
    }

    /** The plan with the annual reports due {@code day/month}, optionally without the mid-term review. */
    private static JsonObject withRules(JsonObject plan, int day, int month, boolean dropReview) {
        JsonObject copy = plan.copy();
        JsonArray rules = new JsonArray();
        for (Object o : plan.getJsonArray("reportingRules")) {
            JsonObject r = ((JsonObject) o).copy();
            if (dropReview && r.getString("key").equals("R4")) {
                continue;
            }
            if (r.getString("key").equals("R2")) {
                r.put("dueDay", day).put("dueMonth", month);
            }
            rules.add(r);
        }
        return copy.put("reportingRules", rules);
    }
}
