package vn.gems.reporting.rest;

import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.reporting.Fixtures.HEALTH;
import static vn.gems.reporting.Fixtures.measure;
import static vn.gems.reporting.Fixtures.objective;
import static vn.gems.reporting.Fixtures.rule;
import static vn.gems.reporting.Fixtures.target;

/**
 * Issue 13.4: the chain commune → province → ministry, and 13.5: the hand-over of a retired department's receiving
 * role. Agencies of their own (communes XA/XB/XC, Cần Thơ's departments) so no other class sees them retired.
 */
@QuarkusTest
class ChainTest {

    static final String MOHA = TestTokens.bearer("moha.reviewer", "VN-MOHA", "reviewer");
    static final String DOHA = TestTokens.bearer("doha.reviewer", "TTH-DOHA", "reviewer", "reporter");
    static final String QNG_DOLISA = TestTokens.bearer("qng.reviewer", "QNG-DOLISA", "reviewer", "reporter");
    static final String XA = TestTokens.bearer("xa.officer", "CH-PC-XA", "reporter");

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void agencies() {
        Fixtures.agencies(fake);
        fake.agency("VN-GOV", "Chính phủ", "VN", null, null);
        fake.unitParent("VN-46", "VN");
        fake.unitParent("VN-51", "VN");
    }

    private static JsonObject plan(String code, String issuer, String lead, String unit, Long parent, int year, JsonArray objectives,
                                   JsonArray rules, JsonArray children) {
        return new JsonObject().put("status", "ISSUED").put("current", true).put("code", code).put("documentNumber", code)
                .put("title", "Bình đẳng giới " + code).put("kind", "ANNUAL_PLAN").put("issuingAgency", issuer).put("leadAgency", lead)
                .put("unitCode", unit).put("periodFrom", year).put("periodTo", year).put("parentPlanId", parent).putNull("parentPlan")
                .put("assignedAgencies", new JsonArray()).put("childPlans", children).put("objectives", objectives).put("reportingRules", rules);
    }

    private static JsonObject child(long id, String code, String issuer, String lead, String unit) {
        return new JsonObject().put("id", id).put("code", code).put("status", "ISSUED").put("issuingAgency", issuer)
                .put("leadAgency", lead).put("unitCode", unit);
    }

    private void moveDue(long obligationId, LocalDate due) throws Exception {
        try (var c = db.connect(); var st = c.prepareStatement("update obligation set due_date = ? where id = ?")) {
            st.setObject(1, due);
            st.setLong(2, obligationId);
            st.executeUpdate();
        }
    }

    @Test
    void provinceConsolidationIsItsReportToTheMinistry() throws Exception {
        // A past year: every due date has passed, so what was never submitted is MISSING.
        int y = Fixtures.today().getYear() - 1;
        String period = String.valueOf(y);
        // Communes of Huế: XB merged into XA before the due date (30/11), XC after it.
        fake.agency("CH-PC-XA", "UBND xã A", "VN-46", "TTH-PC", null);
        fake.agency("CH-PC-XB", "UBND xã B", "VN-46", "TTH-PC", y + "-06-30", "CH-PC-XA");
        fake.agency("CH-PC-XC", "UBND xã C", "VN-46", "TTH-PC", y + "-12-31", "CH-PC-XA");

        // The national plan (Government, lead: the Ministry of Home Affairs): each province's plan reports by 15/12.
        JsonArray national = new JsonArray().add(objective("O4", "4", "Y tế", target("O4-T1", "1", "Tỷ số giới tính khi sinh 109",
                measure("O4-T1-M1", "BIRTHS", "MALE_TO_FEMALE_X100", "ABOUT", null, null, 109, 2030, null, Map.of()))));
        JsonArray nationalRules = new JsonArray().add(rule("R1", "ANNUAL", 15, 12, null, y, y, "CHILD_PLANS", List.of(), "VN-MOHA", "ALL_TARGETS", null))
                // the same duty with the provinces named (EXPLICIT): still the province's consolidated report
                .add(rule("R2", "ANNUAL", 15, 12, null, y, y, "EXPLICIT", List.of("QNG-DOLISA"), "VN-MOHA", "ALL_TARGETS", null));
        JsonArray children = new JsonArray().add(child(6102, "CH-TTH", "TTH-PC", "TTH-DOHA", "VN-46"))
                .add(child(6103, "CH-QNG", "QNG-PC", "QNG-DOLISA", "VN-51"));
        fake.plan(6101, 1, plan("CH-VN", "VN-GOV", "VN-MOHA", "VN", null, y, national, nationalRules, children));
        // Huế: its own key for the same indicator (the prefill matches them by indicator).
        JsonArray hue = new JsonArray().add(objective("O1", "1", "Y tế", target("O1-T1", "1", "Tỷ số giới tính khi sinh",
                measure("O1-T1-M1", "BIRTHS", "MALE_TO_FEMALE_X100", "ABOUT", null, null, 109, y, null, Map.of(), "TTH-DOH"))));
        fake.plan(6102, 1, plan("CH-TTH", "TTH-PC", "TTH-DOHA", "VN-46", 6101L, y, hue, new JsonArray().add(rule("R1", "ANNUAL", 30, 11, null, y, y,
                "EXPLICIT", List.of("TTH-DOH", "CH-PC-XA", "CH-PC-XB", "CH-PC-XC"), "TTH-DOHA", "RESPONSIBLE_TARGETS", null)), new JsonArray()));
        fake.plan(6103, 1, plan("CH-QNG", "QNG-PC", "QNG-DOLISA", "VN-51", 6101L, y, new JsonArray(), new JsonArray().add(rule("R1", "ANNUAL", 30, 11,
                null, y, y, "EXPLICIT", List.of("QNG-PC"), "QNG-DOLISA", "NARRATIVE_ONLY", null)), new JsonArray()));
        Fixtures.event(6101, 1, "ISSUED").then().statusCode(200).body("created", equalTo(3));
        Fixtures.event(6102, 1, "ISSUED").then().statusCode(200).body("created", equalTo(4));
        Fixtures.event(6103, 1, "ISSUED").then().statusCode(200).body("created", equalTo(1));

        // XB's obligation went to XA (merged before the due date); XC's stays XC's (merged after it).
        assertEquals(1, db.count("select count(*) from obligation where plan_id = 6102 and assigned_agency = 'CH-PC-XB' and agency = 'CH-PC-XA'"));
        assertEquals(1, db.count("select count(*) from obligation where plan_id = 6102 and assigned_agency = 'CH-PC-XC' and agency = 'CH-PC-XC'"));

        // Health: on time (its due date moved ahead), accepted; commune A: late; commune C: missing.
        long dohObligation = Fixtures.obligation(HEALTH, 6102, period, "R1");
        moveDue(dohObligation, Fixtures.today().plusDays(5));
        long doh = Fixtures.start(HEALTH, dohObligation, """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O1","text":"Tỷ số giới tính khi sinh giảm."}],
                 "values":[{"measureKey":"O1-T1-M1","female":1000,"male":1100}]}""");
        Fixtures.submit(HEALTH, doh);
        Fixtures.accept(DOHA, doh);
        long xaObligation = given().header("Authorization", XA).get("/api/reports/obligations?planId=6102&period=" + period).then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.assignedAgency == 'CH-PC-XA' }.id");
        long xa = Fixtures.start(XA, xaObligation, "{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Xã A (gồm xã B cũ): 4 hội nghị.\"}]}");
        Fixtures.submit(XA, xa);
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.batches().containsKey("reporting-submission-" + doh + "-v1"));

        // Huế: 4 obligations, 3 counted (XB's counts as XA's): on time DOH, late XA, missing XC.
        JsonPath hueC = given().header("Authorization", DOHA).get("/api/reports/plans/6102/consolidation?period=" + period).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, hueC.getInt("completeness.expected"));
        assertEquals(2, hueC.getInt("completeness.submitted"));
        assertEquals(1, hueC.getInt("completeness.onTime"));
        assertEquals(1, hueC.getInt("completeness.late"));
        assertEquals(1, hueC.getInt("completeness.missing"));
        assertEquals(3, hueC.getList("agencies").size());
        assertEquals(List.of("CH-PC-XA"), hueC.getList("countedAsSuccessor.agency"));
        assertEquals("MISSING", hueC.getString("agencies.find { it.agency == 'CH-PC-XC' }.timeliness"));

        // Huế's report to the ministry starts from its consolidation: Health's narrative and the births mapped by indicator.
        long dohaToMinistry = Fixtures.obligation(DOHA, 6101, period, "R1");
        // Its consolidation lists that report upward, though it lives in the national plan: not started yet.
        assertEquals(List.of(dohaToMinistry), hueC.getList("upward.obligationId", Long.class));
        assertEquals(6101, hueC.getLong("upward[0].planId"));
        assertEquals("VN-MOHA", hueC.getString("upward[0].receivingAgency"));
        assertNull(hueC.get("upward[0].reportId"));
        JsonPath prefilled = given().header("Authorization", DOHA).contentType(ContentType.JSON)
                .post("/api/reports/obligations/" + dohaToMinistry + "/report").then().statusCode(201).extract().jsonPath();
        long toMinistry = prefilled.getLong("id");
        given().header("Authorization", DOHA).get("/api/reports/plans/6102/consolidation?period=" + period).then().statusCode(200)
                .body("upward[0].reportId", equalTo((int) toMinistry)).body("upward.size()", equalTo(1));
        assertEquals(1000, prefilled.getInt("draft.values.find { it.measureKey == 'O4-T1-M1' }.female"));
        assertEquals(1100, prefilled.getInt("draft.values.find { it.measureKey == 'O4-T1-M1' }.male"));
        assertTrue(prefilled.getString("draft.sections[0].text").startsWith("[Sở Y tế"));
        // The province's own objective key is not the national plan's: the section is kept without it.
        assertEquals(null, prefilled.getString("draft.sections[0].objectiveKey"));
        Fixtures.submit(DOHA, toMinistry);
        Fixtures.accept(MOHA, toMinistry);
        // Accepted at the ministry: its figures are Huế's roll-ups, never sent back to indicators-service.
        assertFalse(fake.batches().containsKey("reporting-submission-" + toMinistry + "-v1"));

        // The ministry: two provinces owe it; Huế submitted late (after 15/12), Quảng Ngãi is missing.
        JsonPath nat = given().header("Authorization", MOHA).get("/api/reports/plans/6101/consolidation?rule=R1&period=" + period).then().statusCode(200)
                .body("receivingAgency", equalTo("VN-MOHA")).extract().jsonPath();
        assertEquals(2, nat.getInt("completeness.expected"));
        assertEquals(1, nat.getInt("completeness.late"));
        assertEquals(1, nat.getInt("completeness.missing"));
        assertEquals(1, nat.getInt("completeness.accepted"));
        // Per province: its communes' and departments' completeness, and its own report's timeliness.
        assertEquals(3, nat.getInt("children.find { it.planId == 6102 }.completeness.expected"));
        assertEquals(2, nat.getInt("children.find { it.planId == 6102 }.completeness.submitted"));
        assertEquals("LATE", nat.getString("children.find { it.planId == 6102 }.submission.timeliness"));
        assertEquals(1, nat.getInt("children.find { it.planId == 6103 }.completeness.missing"));
        assertEquals("MISSING", nat.getString("children.find { it.planId == 6103 }.submission.timeliness"));
        // The national roll-up of the national target: the units below VN, and the provinces' sum.
        assertEquals(1000, nat.getInt("objectives[0].rows[0].female"));
        assertEquals(1100, nat.getInt("objectives[0].rows[0].male"));
        assertEquals(1000, nat.getInt("childrenRollup[0].female"));
        assertEquals(List.of("VN-46"), nat.getList("childrenRollup[0].contributingUnits"));

        // Named in an EXPLICIT rule, Quảng Ngãi's reporting agency files its consolidated report: no national figure is
        // required of it (its own submitters' values are already in indicators-service).
        long qngToMinistry = Fixtures.obligation(QNG_DOLISA, 6101, period, "R2");
        long qngReport = Fixtures.start(QNG_DOLISA, qngToMinistry, "{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Sở Y tế chưa báo cáo.\"}]}");
        Fixtures.submit(QNG_DOLISA, qngReport);

        // Who reads it: the ministry and auditors, not a province.
        given().header("Authorization", DOHA).get("/api/reports/plans/6101/consolidation?period=" + period + "&receivingAgency=VN-MOHA")
                .then().statusCode(403).body("code", equalTo("NOT_YOUR_CONSOLIDATION"));
        given().get("/api/reports/plans/6101/consolidation?period=" + period).then().statusCode(401);
        given().header("Authorization", MOHA).get("/api/reports/plans/6101/consolidation?period=20x6").then().statusCode(400)
                .body("code", equalTo("INVALID_PERIOD"));
    }

    @Test
    void figuresCountTheTerritoryOfTheDueDate() throws Exception {
        // A past year, due 30/11. Commune C1 lay in province 97 on the due date; on 1/12 a merger moved it to province 98.
        int y = Fixtures.today().getYear() - 1;
        String period = String.valueOf(y);
        fake.unit("VN-97", "VN-98", "VN-97-C1");
        fake.unitParent("VN-97", "VN");
        fake.unitParent("VN-98", "VN");
        fake.unitParent("VN-97-C1", "VN-97");
        fake.unitMoved("VN-97-C1", "VN-98", y + "-12-01");
        fake.push("BIRTHS", "VN-97-C1", period, "FEMALE", java.math.BigDecimal.valueOf(500), "STATISTICS", "p97-" + y, "P97-STATS");
        fake.push("BIRTHS", "VN-97-C1", period, "MALE", java.math.BigDecimal.valueOf(540), "STATISTICS", "p97-" + y, "P97-STATS");
        fake.agency("P97-PC", "UBND tỉnh 97", "VN-97", null, null);
        fake.agency("P97-DOHA", "Sở Nội vụ tỉnh 97", "VN-97", "P97-PC", null);
        fake.agency("P97-DOH", "Sở Y tế tỉnh 97", "VN-97", "P97-PC", null);
        String doha = TestTokens.bearer("p97.doha", "P97-DOHA", "reviewer");
        JsonArray objectives = new JsonArray().add(objective("O1", "1", "Y tế", target("O1-T1", "1", "Tỷ số giới tính khi sinh",
                measure("O1-T1-M1", "BIRTHS", "MALE_TO_FEMALE_X100", "ABOUT", null, null, 109, y, null, Map.of(), "P97-DOH"))));
        fake.plan(6301, 1, plan("CH-P97", "P97-PC", "P97-DOHA", "VN-97", null, y, objectives, new JsonArray().add(rule("R1", "ANNUAL", 30, 11,
                null, y, y, "EXPLICIT", List.of("P97-DOH"), "P97-DOHA", "RESPONSIBLE_TARGETS", null)), new JsonArray()));
        Fixtures.event(6301, 1, "ISSUED").then().statusCode(200).body("created", equalTo(1));
        // Health's due date extended past today: its own timeliness moves, the plan's due date (the territory's) does not.
        try (var c = db.connect(); var st = c.prepareStatement("update obligation set original_due_date = due_date, due_date = ? where plan_id = 6301")) {
            st.setObject(1, Fixtures.today().plusDays(5));
            st.executeUpdate();
        }

        // No asOf: timeliness as of today (Health pending), figures over province 97 as it stood on 30/11, C1 in it.
        JsonPath c = given().header("Authorization", doha).get("/api/reports/plans/6301/consolidation?period=" + period).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Fixtures.today().toString(), c.getString("asOf"));
        assertEquals(y + "-11-30", c.getString("territoryAsOf"));
        assertEquals(1, c.getInt("completeness.pending"));
        assertEquals(500, c.getInt("objectives[0].rows[0].female"));
        assertEquals(540, c.getInt("objectives[0].rows[0].male"));
        assertEquals(List.of("VN-97-C1"), c.getList("objectives[0].rows[0].contributingUnits"));
        assertEquals(y + "-11-30", fake.rollupAsOfs().getLast());

        // An explicit asOf is the date of both: province 97 of today no longer holds C1, so no figure.
        String today = Fixtures.today().toString();
        JsonPath now = given().header("Authorization", doha).get("/api/reports/plans/6301/consolidation?period=" + period + "&asOf=" + today)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(today, now.getString("territoryAsOf"));
        assertNull(now.get("objectives[0].rows[0].female"));
        assertEquals("NO_DATA", now.getString("objectives[0].rows[0].status"));
    }

    @Test
    void retiredDepartmentHandsOverItsReceivingRole() {
        int y = Fixtures.today().getYear() + 1;
        String period = String.valueOf(y);
        fake.agency("CT-PC", "UBND thành phố Cần Thơ", "VN-92", null, null);
        fake.agency("CT-DOLISA", "Sở Lao động - Thương binh và Xã hội Cần Thơ", "VN-92", "CT-PC", null);
        fake.agency("CT-DOHA", "Sở Nội vụ Cần Thơ", "VN-92", "CT-PC", null);
        fake.agency("CT-DOH", "Sở Y tế Cần Thơ", "VN-92", "CT-PC", null);
        fake.agency("CT-DPI", "Sở Kế hoạch và Đầu tư Cần Thơ", "VN-92", "CT-PC", null);
        fake.agency("CT-DOF", "Sở Tài chính Cần Thơ", "VN-92", "CT-PC", null);
        String dolisa = TestTokens.bearer("ct.dolisa", "CT-DOLISA", "reviewer");
        String doha = TestTokens.bearer("ct.doha", "CT-DOHA", "reviewer");
        String health = TestTokens.bearer("ct.health", "CT-DOH", "reporter");
        String planning = TestTokens.bearer("ct.planning", "CT-DPI", "reporter");
        fake.plan(6201, 1, plan("CH-CT", "CT-PC", "CT-DOLISA", "VN-92", null, y, new JsonArray(), new JsonArray().add(rule("R1", "ANNUAL", 30, 11,
                null, y, y, "EXPLICIT", List.of("CT-DOH", "CT-DPI", "CT-DOF"), "CT-DOLISA", "NARRATIVE_ONLY", null)), new JsonArray()));
        Fixtures.event(6201, 1, "ISSUED").then().statusCode(200).body("created", equalTo(3));
        String narrative = "{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Đã thực hiện.\"}]}";
        long dohReport = Fixtures.start(health, Fixtures.obligation(health, 6201, period, "R1"), narrative);
        Fixtures.submit(health, dohReport);
        Fixtures.accept(dolisa, dohReport);
        long dpiObligation = Fixtures.obligation(planning, 6201, period, "R1");
        long dpiReport = Fixtures.start(planning, dpiObligation, narrative);
        Fixtures.submit(planning, dpiReport);

        // The labour department is retired (2025 reform) with Home Affairs as holder; the hand-over runs.
        fake.agency("CT-DOLISA", "Sở Lao động - Thương binh và Xã hội Cần Thơ", "VN-92", "CT-PC", Fixtures.today().minusDays(1).toString(), "CT-DOHA");
        given().header("Authorization", Fixtures.ADMIN).post("/api/reports/obligations/handover?agency=CT-DOLISA").then().statusCode(200)
                .body("receiversMoved", equalTo(2));
        // Idempotent: nothing left to move.
        given().header("Authorization", Fixtures.ADMIN).post("/api/reports/obligations/handover?agency=CT-DOLISA").then().statusCode(200)
                .body("receiversMoved", equalTo(0));

        // The pending review (Planning) and the report still to come (Finance) are Home Affairs' now, with their history.
        given().header("Authorization", doha).get("/api/reports/obligations/" + dpiObligation).then().statusCode(200)
                .body("receivingAgency", equalTo("CT-DOHA")).body("receiverHandedOverFrom", equalTo("CT-DOLISA"));
        assertEquals(1, db.count("select count(*) from obligation where plan_id = 6201 and assigned_agency = 'CT-DOF' "
                + "and receiving_agency = 'CT-DOHA' and receiver_handed_over_from = 'CT-DOLISA'"));
        assertEquals(2, db.count("select count(*) from report_event e join obligation o on o.id = e.obligation_id "
                + "where o.plan_id = 6201 and e.action = 'RECEIVER_HANDED_OVER'"));
        assertEquals(1, db.count("select count(*) from notification where agency = 'CT-DOHA' and kind = 'HANDED_OVER'"));
        // The retired department no longer reviews it; its holder does.
        given().header("Authorization", dolisa).header("If-Match", Fixtures.etag(doha, dpiReport)).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + dpiReport + "/accept").then().statusCode(403);
        Fixtures.accept(doha, dpiReport);
        given().header("Authorization", doha).get("/api/reports/submissions/" + dpiReport).then().statusCode(200)
                .body("receivingAgency", equalTo("CT-DOHA")).body("receiverHandedOverFrom", equalTo("CT-DOLISA"));

        // What the labour department already received stays attributed to it; Home Affairs reads it as its holder.
        given().header("Authorization", health).get("/api/reports/submissions/" + dohReport).then().statusCode(200)
                .body("receivingAgency", equalTo("CT-DOLISA")).body("receiverHandedOverFrom", equalTo(null));
        given().header("Authorization", doha).get("/api/reports/plans/6201/consolidation?period=" + period + "&receivingAgency=CT-DOLISA")
                .then().statusCode(200).body("completeness.expected", equalTo(1)).body("agencies[0].agency", startsWith("CT-DOH"));
        given().header("Authorization", doha).get("/api/reports/plans/6201/consolidation?period=" + period + "&receivingAgency=CT-DOHA")
                .then().statusCode(200).body("completeness.expected", equalTo(2)).body("completeness.accepted", equalTo(1));
    }
}
