package vn.gems.reporting.service;

import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.reporting.Fixtures.ADMIN;
import static vn.gems.reporting.Fixtures.event;

@QuarkusTest
@QuarkusTestResource(FakePeers.class)
class ObligationGenerationTest {

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void agencies() {
        Fixtures.agencies(fake);
    }

    private long count(long plan, String where, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = plan;
        System.arraycopy(params, 0, all, 1, params.length);
        return db.count("select count(*) from obligation where plan_id = ? " + (where.isEmpty() ? "" : "and " + where), all);
    }

    @Test
    void seed003RegimeBecomesObligations() {
        fake.plan(1001, 1, Fixtures.seed003("T-1001", 2021, 2025, 30, 11));
        event(1001, 1, "ISSUED").then().statusCode(200)
                .body("created", equalTo(61)).body("cancelled", equalTo(0)).body("unchanged", equalTo(0));
        // 9 own plans (2021) + 9 agencies x 5 annual reports + 5 consolidated reports + mid-term + final review: of the
        // 10 assigned agencies DOLISA receives R1 and R2 and never owes itself a report (issue 13).
        assertEquals(61, count(1001, ""));
        assertEquals(9, count(1001, "rule_key = 'R1' and due_date = '2021-06-25' and receiving_agency = 'TTH-DOLISA'"));
        assertEquals(45, count(1001, "rule_key = 'R2' and kind = 'ANNUAL' and receiving_agency = 'TTH-DOLISA'"));
        assertEquals(0, count(1001, "agency = 'TTH-DOLISA' and receiving_agency = 'TTH-DOLISA'"));
        assertEquals(1, count(1001, "rule_key = 'R2' and agency = 'TTH-DOH' and period = '2024' and due_date = '2024-11-30' and unit_code = 'VN-46'"));
        assertEquals(1, count(1001, "rule_key = 'R3' and period = '2024' and due_date = '2024-12-10' and receiving_agency = 'VN-MOLISA' and consolidates = 'R2'"));
        // The ministry was retired on 2025-02-28: the 2025 consolidated report goes to its successor.
        assertEquals(1, count(1001, "rule_key = 'R3' and period = '2025' and receiving_agency = 'VN-MOHA'"));
        assertEquals(1, count(1001, "rule_key = 'R4' and kind = 'MID_TERM_REVIEW' and due_date = '2022-12-31' and receiving_agency = 'TTH-PC'"));
        assertEquals(1, count(1001, "rule_key = 'R5' and kind = 'FINAL_REVIEW' and due_date = '2025-12-31'"));
        assertEquals(1, db.count("select count(*) from plan_ref where plan_id = 1001 and lead_agency = 'TTH-DOLISA' and unit_code = 'VN-46'"));
    }

    @Test
    void generationIsIdempotent() {
        fake.plan(1002, 1, Fixtures.seed003("T-1002", 2021, 2025, 30, 11));
        String first = event(1002, 1, "ISSUED").then().statusCode(200).body("created", equalTo(61)).extract().asString();
        // plans-service's outbox retrying the same event: the first answer is replayed, nothing is generated twice.
        String again = event(1002, 1, "ISSUED").then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, again);
        // Another key for the same version (e.g. an admin's regeneration) finds everything in place.
        given().header("Authorization", ADMIN).post("/api/reports/plans/1002/obligations/regeneration").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(61));
        assertEquals(61, count(1002, ""));
    }

    @Test
    void amendmentAddsCancelsAndKeepsSubmitted() {
        int y = Fixtures.today().getYear();
        JsonObject v1 = Fixtures.seed003("T-1003", y, y + 1, 30, 12);
        fake.plan(1003, 1, v1);
        event(1003, 1, "ISSUED").then().statusCode(200).body("created", equalTo(9 + 18 + 2 + 1 + 1));

        // Finance (no measures) submits its narrative-only annual report for this year.
        String finance = TestTokens.bearer("finance.reporter", "TTH-DOF", "reporter");
        long obligation = given().header("Authorization", finance).get("/api/reports/obligations?planId=1003&period=" + y)
                .then().statusCode(200).extract().jsonPath().getLong("items.find { it.ruleKey == 'R2' }.id");
        long report = given().header("Authorization", finance).contentType(ContentType.JSON)
                .body("{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Đã bố trí kinh phí theo kế hoạch.\"}]}")
                .post("/api/reports/obligations/" + obligation + "/report").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", finance).post("/api/reports/submissions/" + report + "/submit").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));

        // v2: Finance is no longer assigned, the mid-term review is dropped, the annual due date moves, a thematic report is added.
        JsonObject v2 = v1.copy();
        v2.put("assignedAgencies", new JsonArray(Fixtures.SEED3_ASSIGNED.stream().filter(a -> !a.equals("TTH-DOF")).toList()));
        JsonArray rules = new JsonArray();
        for (Object o : v1.getJsonArray("reportingRules")) {
            JsonObject r = ((JsonObject) o).copy();
            if (r.getString("key").equals("R4")) {
                continue;
            }
            if (r.getString("key").equals("R2")) {
                r.put("dueDay", 15);
            }
            rules.add(r);
        }
        rules.add(Fixtures.rule("R6", "THEMATIC", 1, 3, y + 1, null, null, "EXPLICIT", List.of("TTH-DOH", "TTH-DCS"), "TTH-DOLISA", "NARRATIVE_ONLY", null));
        v2.put("reportingRules", rules);
        fake.plan(1003, 2, v2);
        event(1003, 2, "AMENDED").then().statusCode(200)
                .body("created", equalTo(2))
                // Finance's own plan and next year's annual report, and the mid-term review.
                .body("cancelled", equalTo(3))
                // Finance's submitted report stays.
                .body("kept", equalTo(1))
                // The 16 remaining annual reports (8 agencies, DOLISA receiving, x 2 years) take the new due date; the
                // other 11 (8 own plans, 2 consolidated reports, the final review) stay as they were.
                .body("updated", equalTo(16)).body("unchanged", equalTo(11));
        assertEquals(1, count(1003, "agency = 'TTH-DOF' and state = 'SUBMITTED' and period = ?", String.valueOf(y)));
        assertEquals(2, count(1003, "agency = 'TTH-DOF' and state = 'CANCELLED'"));
        assertEquals(1, count(1003, "rule_key = 'R4' and state = 'CANCELLED'"));
        assertEquals(16, count(1003, "rule_key = 'R2' and state = 'OPEN' and extract(day from due_date) = 15"));
        assertEquals(2, count(1003, "rule_key = 'R6' and due_date = ?", LocalDate.of(y + 1, 3, 1)));

        // An event for the older version arriving late changes nothing.
        given().header("Authorization", Fixtures.SERVICE).header("Idempotency-Key", "plan-1003-v1-AMENDED").contentType(ContentType.JSON)
                .body("{\"planId\":1003,\"planVersion\":1,\"event\":\"AMENDED\"}")
                .post("/api/reports/plan-events").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("PLAN_EVENT_SUPERSEDED"));

        // Closing the plan cancels what is not due yet and was never submitted; the submitted report stays.
        event(1003, 2, "CLOSED").then().statusCode(200).body("event", equalTo("CLOSED"));
        assertEquals(0, count(1003, "state = 'OPEN' and due_date > current_date"));
        assertEquals(1, count(1003, "state = 'SUBMITTED'"));
        given().header("Authorization", finance).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/obligations/" + givenCancelled(1003) + "/report").then().statusCode(409)
                .body("code", equalTo("OBLIGATION_CANCELLED"));
    }

    private long givenCancelled(long plan) {
        return db.count("select min(id) from obligation where plan_id = ? and state = 'CANCELLED' and agency = 'TTH-DOF'", plan);
    }

    @Test
    void reportsCanBeFiledByReferenceEvenBeforeThePlanEventArrives() {
        int y = Fixtures.today().getYear();
        LocalDate due = Fixtures.today().plusDays(40);
        fake.plan(1020, 1, Fixtures.seed003("T-1020", y, y + 1, due.getDayOfMonth(), due.getMonthValue()));
        String body = """
                {"planCode":"T-1020","ruleKey":"R2","period":"%d","submit":true,
                 "content":{"sections":[{"kind":"RESULTS","objectiveKey":"O1","text":"Đạt 52%%."}],
                            "values":[{"measureKey":"O1-T1-M1","value":52}]}}""".formatted(due.getYear());
        given().header("Authorization", Fixtures.HOME_AFFAIRS).contentType(ContentType.JSON).body(body)
                .post("/api/reports/submissions").then().statusCode(201).body("state", equalTo("SUBMITTED"))
                .body("receivingAgency", equalTo("TTH-DOLISA")).body("lastVersionNo", equalTo(1));
        // The plan was pulled from plans-service and its obligations generated; the event arriving later changes nothing.
        assertEquals(31, count(1020, ""));
        event(1020, 1, "ISSUED").then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(31));
        given().header("Authorization", Fixtures.HOME_AFFAIRS).contentType(ContentType.JSON).body(body)
                .post("/api/reports/submissions").then().statusCode(409).body("code", equalTo("REPORT_EXISTS"));
        given().header("Authorization", Fixtures.QNG).contentType(ContentType.JSON).body(body)
                .post("/api/reports/submissions").then().statusCode(404);
        given().header("Authorization", Fixtures.HOME_AFFAIRS).contentType(ContentType.JSON).body(body.replace("T-1020", "NO-SUCH-PLAN"))
                .post("/api/reports/submissions").then().statusCode(404);
        given().header("Authorization", Fixtures.HOME_AFFAIRS).contentType(ContentType.JSON).body(body.replace("\"R2\"", "\"R2\",\"x\":1"))
                .post("/api/reports/submissions").then().statusCode(400);
        given().header("Authorization", Fixtures.DOLISA).contentType(ContentType.JSON).body(body.replace("\"period\":\"" + due.getYear(), "\"period\":\"soon"))
                .post("/api/reports/submissions").then().statusCode(400).body("errors[0].field", equalTo("period"));
    }

    @Test
    void seed001SixMonthAndAnnualReportsForEachAgency() {
        fake.plan(1005, 1, Fixtures.seed001(2020));
        event(1005, 1, "ISSUED").then().statusCode(200).body("created", equalTo(24));
        assertEquals(12, count(1005, "kind = 'SIX_MONTH' and period = '2020S1' and due_date = '2020-06-10' and receiving_agency = 'HT-DOLISA'"));
        assertEquals(12, count(1005, "kind = 'ANNUAL' and period = '2020' and due_date = '2020-11-10'"));
        assertEquals(2, count(1005, "agency = 'HT-A7'"));
    }

    @Test
    void planEventsNeedTheServiceRole() {
        fake.plan(1007, 1, Fixtures.seed001(2021));
        String body = "{\"planId\":1007,\"planVersion\":1,\"event\":\"ISSUED\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/reports/plan-events").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", Fixtures.HEALTH).contentType(ContentType.JSON).body(body).post("/api/reports/plan-events")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", Fixtures.SERVICE).contentType(ContentType.JSON).body("{\"planId\":0,\"event\":\"PUBLISHED\"}")
                .post("/api/reports/plan-events").then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, count(1007, ""));
    }

    @Test
    void plansServiceDownIs503AndNothingIsWritten() {
        fake.plan(1006, 1, Fixtures.seed001(2022));
        fake.plansDown(true);
        try {
            event(1006, 1, "ISSUED").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("code", equalTo("PLANS_SERVICE_UNAVAILABLE"));
        } finally {
            fake.plansDown(false);
        }
        assertEquals(0, count(1006, ""));
        // plans-service's outbox retries the same event: now it goes through.
        event(1006, 1, "ISSUED").then().statusCode(200).body("created", equalTo(24));
    }

    @Test
    void unknownPlanVersionIs422() {
        event(1999, 4, "ISSUED").then().statusCode(422).body("code", equalTo("UNKNOWN_PLAN_VERSION"));
    }

    @Test
    void childPlanAddsItsAgencyToTheParentsChildPlansRule() {
        int y = Fixtures.today().getYear();
        JsonObject province = new JsonObject().put("status", "ISSUED").put("code", "QNG-BDG").put("title", "Kế hoạch tỉnh Quảng Ngãi")
                .put("issuingAgency", "QNG-PC").put("leadAgency", "QNG-DOLISA").put("unitCode", "VN-51").put("periodFrom", y).put("periodTo", y)
                .put("objectives", new JsonArray()).put("childPlans", new JsonArray())
                .put("reportingRules", new JsonArray().add(Fixtures.rule("R1", "ANNUAL", 30, 12, null, y, y, "CHILD_PLANS", List.of(),
                        "QNG-DOLISA", "NARRATIVE_ONLY", null)));
        fake.plan(1010, 1, province);
        event(1010, 1, "ISSUED").then().statusCode(200).body("created", equalTo(0));
        JsonObject district = new JsonObject().put("status", "ISSUED").put("code", "STI-BDG").put("title", "Kế hoạch huyện Sơn Tịnh")
                .put("issuingAgency", "STI-PC").put("leadAgency", "STI-LABOUR").put("unitCode", "VN-51-STI").put("parentPlanId", 1010)
                .put("periodFrom", y).put("periodTo", y).put("objectives", new JsonArray()).put("childPlans", new JsonArray())
                .put("reportingRules", new JsonArray().add(Fixtures.rule("R1", "OWN_PLAN", 10, 5, y, null, null, "EXPLICIT",
                        List.of("STI-LABOUR"), "STI-PC", "NARRATIVE_ONLY", null)));
        fake.plan(1011, 1, district);
        event(1011, 1, "ISSUED").then().statusCode(200).body("created", equalTo(1));
        assertEquals(1, count(1010, "agency = 'STI-LABOUR' and receiving_agency = 'QNG-DOLISA'"));
    }

    @Test
    void retiredAgencyHandsItsOpenObligationsToItsSuccessor() {
        int y = Fixtures.today().getYear();
        fake.agency("HT-OLD", "Cơ quan cũ", "VN-42", "HT-PC", null);
        fake.agency("HT-NEW", "Cơ quan mới", "VN-42", "HT-PC", null);
        JsonObject plan = Fixtures.seed001(y + 1);
        plan.getJsonArray("reportingRules").forEach(r -> ((JsonObject) r).getJsonObject("submitters").put("agencies", new JsonArray().add("HT-OLD")));
        fake.plan(1012, 1, plan);
        event(1012, 1, "ISSUED").then().statusCode(200).body("created", equalTo(2));
        // Plans-service retires the agency today, naming its successor.
        fake.agency("HT-OLD", "Cơ quan cũ", "VN-42", "HT-PC", Fixtures.today().minusDays(2).toString(), "HT-NEW");
        given().header("Authorization", Fixtures.HEALTH).post("/api/reports/obligations/handover").then().statusCode(403);
        given().header("Authorization", ADMIN).post("/api/reports/obligations/handover?agency=HT-OLD").then().statusCode(200)
                .body("obligationsMoved", equalTo(2));
        assertEquals(2, count(1012, "agency = 'HT-NEW' and assigned_agency = 'HT-OLD' and handed_over_from = 'HT-OLD'"));
        assertEquals(1, db.count("select count(*) from notification where agency = 'HT-NEW' and kind = 'HANDED_OVER' and obligation_id in "
                + "(select id from obligation where plan_id = 1012 and kind = 'ANNUAL')"));
        String successor = TestTokens.bearer("new.reporter", "HT-NEW", "reporter");
        given().header("Authorization", successor).get("/api/reports/obligations?planId=1012").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].handedOverFrom", equalTo("HT-OLD"));
    }
}
