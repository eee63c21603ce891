package vn.gems.reporting.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;
import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.rest.ConsolidationView;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.event;
import static vn.gems.reporting.Fixtures.rule;

/**
 * Issue 13.2: who owes a report under each submitter mode, as things stand on the due date; required vs invited;
 * the receiving agency never owing itself; a rule consolidating several rules.
 */
@QuarkusTest
@QuarkusTestResource(FakePeers.class)
class SubmitterSelectionTest {

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        Fixtures.agencies(fake);
        // Huế: two districts until the 2025 reform; after it, communes directly under the province. An Hòa (a 2025
        // commune) was merged into Kim Long on 2026-04-01, before the 2026 due date.
        fake.datedUnit("VN-46", "PROVINCE", null, "1976-01-01", null);
        fake.datedUnit("VN-46-HUE", "DISTRICT", "VN-46", "1990-01-01", "2025-06-30");
        fake.datedUnit("VN-46-PHONGDIEN", "DISTRICT", "VN-46", "1990-01-01", "2025-06-30");
        fake.datedUnit("VN-46-HUE-PHUHOI", "COMMUNE", "VN-46-HUE", "1990-01-01", "2025-06-30");
        fake.datedUnit("VN-46-THUANHOA", "COMMUNE", "VN-46", "2025-07-01", null);
        fake.datedUnit("VN-46-KIMLONG", "COMMUNE", "VN-46", "2025-07-01", null);
        fake.datedUnit("VN-46-ANHOA", "COMMUNE", "VN-46", "2025-07-01", "2026-03-31");
        fake.datedUnit("VN-51-X", "COMMUNE", "VN-51", "2025-07-01", null);
        for (String u : List.of("VN-46-HUE", "VN-46-PHONGDIEN", "VN-46-THUANHOA", "VN-46-KIMLONG")) {
            fake.agency("PC-" + u, "UBND " + u, u, "TTH-PC", null);
        }
        fake.agency("PC-VN-46-ANHOA", "UBND An Hòa", "VN-46-ANHOA", "TTH-PC", "2026-03-31", "PC-VN-46-KIMLONG");
        fake.agency("TTH-WU", "Hội Liên hiệp Phụ nữ tỉnh", "VN-46", null, null);
        fake.agency("TTH-CFAW", "Ban vì sự tiến bộ của phụ nữ tỉnh", "VN-46", "TTH-PC", null);
    }

    private static JsonObject plan(String code, int from, int to, JsonArray rules) {
        return new JsonObject().put("code", code).put("title", code).put("status", "ISSUED").put("issuingAgency", "TTH-PC")
                .put("leadAgency", "TTH-DOLISA").put("unitCode", "VN-46").put("periodFrom", from).put("periodTo", to)
                .put("objectives", new JsonArray()).put("assignedAgencies", new JsonArray()).put("childPlans", new JsonArray())
                .put("assignments", new JsonArray()).put("reportingRules", rules);
    }

    private static JsonObject committees(String key, int year, String level) {
        JsonObject r = rule(key, "ANNUAL", 30, 11, null, year, year, "UNIT_COMMITTEES", List.of(), "TTH-DOLISA", "NARRATIVE_ONLY", null);
        r.getJsonObject("submitters").put("unit", "VN-46").put("level", level);
        return r;
    }

    @Inject
    ConsolidationService consolidations;

    @Inject
    PlanStore plans;

    private List<String> agencies(long plan, String where) {
        return strings("select agency from obligation where plan_id = " + plan + " and " + where + " order by agency");
    }

    private List<String> strings(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Test
    void unitCommitteesAreTheUnitsOfTheDueDateOneCallPerRuleAndPeriod() {
        // a 2019 rule names the districts of 2019, a 2026 rule the communes of 2026
        fake.plan(2101, 1, plan("T-SEL-UNITS", 2019, 2026, new JsonArray()
                .add(committees("R1", 2019, "DISTRICT")).add(committees("R2", 2026, "COMMUNE"))));
        int calls = fake.territoryCalls();
        event(2101, 1, "ISSUED").then().statusCode(200).body("created", equalTo(4));
        assertEquals(List.of("PC-VN-46-HUE", "PC-VN-46-PHONGDIEN"), agencies(2101, "rule_key = 'R1' and period = '2019'"));
        // An Hòa was merged into Kim Long before 30/11/2026: Kim Long's committee owes once, An Hòa's nothing.
        assertEquals(List.of("PC-VN-46-KIMLONG", "PC-VN-46-THUANHOA"), agencies(2101, "rule_key = 'R2' and period = '2026'"));
        assertEquals(2, fake.territoryCalls() - calls, "one call to indicators-service per rule and period, not per unit");
        assertEquals(1, db.count("select count(*) from obligation where plan_id = 2101 and agency = 'PC-VN-46-THUANHOA' "
                + "and unit_code = 'VN-46-THUANHOA' and required and receiving_agency = 'TTH-DOLISA' and due_date = '2026-11-30'"));
    }

    @Test
    void indicatorsServiceDownIsA503AndNothingIsWritten() throws Exception {
        fake.plan(2102, 1, plan("T-SEL-DOWN", 2026, 2026, new JsonArray().add(committees("R1", 2026, "COMMUNE"))));
        fake.stopIndicators();
        try {
            event(2102, 1, "ISSUED").then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("INDICATORS_SERVICE_UNAVAILABLE"));
        } finally {
            fake.startIndicators();
        }
        assertEquals(0, db.count("select count(*) from obligation where plan_id = 2102"));
    }

    @Test
    void bodyMembersOnTheDueDateAndTheReceiverNeverOwesItself() {
        fake.members("TTH-CFAW", new JsonArray()
                .add(new JsonObject().put("agency", "TTH-DOLISA").put("from", "2015-01-01").putNull("to"))
                .add(new JsonObject().put("agency", "TTH-DOH").put("from", "2015-01-01").put("to", "2024-12-31"))
                .add(new JsonObject().put("agency", "TTH-DOHA").put("from", "2025-01-01").putNull("to")));
        JsonObject r = rule("R1", "ANNUAL", 10, 12, null, 2024, 2025, "BODY_MEMBERS", List.of(), "TTH-DOLISA", "NARRATIVE_ONLY", null);
        r.getJsonObject("submitters").put("body", "TTH-CFAW");
        fake.plan(2103, 1, plan("T-SEL-BODY", 2024, 2025, new JsonArray().add(r)));
        event(2103, 1, "ISSUED").then().statusCode(200).body("created", equalTo(2));
        // DOLISA, a member, is the receiving agency: it owes itself nothing
        assertEquals(List.of("TTH-DOH"), agencies(2103, "period = '2024'"));
        assertEquals(List.of("TTH-DOHA"), agencies(2103, "period = '2025'"));
    }

    @Test
    void allAssignedTakesResponsibleInvitesRequestedAndLeavesCooperatingOut() {
        JsonObject doc = plan("T-SEL-ROLES", 2024, 2024, new JsonArray()
                .add(rule("R1", "ANNUAL", 30, 11, null, 2024, 2024, "ALL_ASSIGNED", List.of(), "TTH-DOLISA", "NARRATIVE_ONLY", null)));
        doc.getJsonArray("reportingRules").getJsonObject(0).getJsonObject("submitters").put("invited", new JsonArray().add("TTH-DCS").add("TTH-DOET"));
        doc.put("assignments", new JsonArray()
                .add(new JsonObject().put("key", "A1").put("agencies", new JsonArray().add("TTH-DOH").add("TTH-DOLISA")).put("role", "RESPONSIBLE"))
                .add(new JsonObject().put("key", "A2").put("agencies", new JsonArray().add("TTH-WU")).put("role", "REQUESTED"))
                .add(new JsonObject().put("key", "A3").put("agencies", new JsonArray().add("TTH-DOJ")).put("role", "COOPERATING"))
                // no role: responsible; but also invited by the rule, so invited
                .add(new JsonObject().put("key", "A4").put("agencies", new JsonArray().add("TTH-DOET").add("TTH-STATS"))));
        fake.plan(2104, 1, doc);
        event(2104, 1, "ISSUED").then().statusCode(200).body("created", equalTo(5));
        assertEquals(List.of("TTH-DOH", "TTH-STATS"), agencies(2104, "required"));
        assertEquals(List.of("TTH-DCS", "TTH-DOET", "TTH-WU"), agencies(2104, "not required"));
        given().header("Authorization", TestTokens.bearer("wu.officer", "TTH-WU", "reporter")).get("/api/reports/obligations?planId=2104")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].required", equalTo(false));
    }

    @Test
    void invitedReportsAreListedApartAndNeverLowerCompleteness() {
        JsonObject r = rule("R1", "ANNUAL", 30, 11, null, 2024, 2024, "EXPLICIT", List.of("TTH-DOH", "TTH-DCS"), "TTH-DOLISA", "NARRATIVE_ONLY", null);
        r.getJsonObject("submitters").put("invited", new JsonArray().add("TTH-WU"));
        fake.plan(2105, 1, plan("T-SEL-INVITED", 2024, 2024, new JsonArray().add(r)));
        event(2105, 1, "ISSUED").then().statusCode(200).body("created", equalTo(3));
        String wu = TestTokens.bearer("wu.officer", "TTH-WU", "reporter");
        long obligation = given().header("Authorization", wu).get("/api/reports/obligations?planId=2105").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        long report = given().header("Authorization", wu).contentType(ContentType.JSON)
                .body("{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Hội đã tổ chức 12 buổi truyền thông về bình đẳng giới.\"}]}")
                .post("/api/reports/obligations/" + obligation + "/report").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", wu).post("/api/reports/submissions/" + report + "/submit").then().statusCode(200);

        JsonPath c = given().header("Authorization", DOLISA).get("/api/reports/plans/2105/consolidation?period=2024&asOf=2024-12-31")
                .then().statusCode(200).extract().jsonPath();
        // two required reports, both missing on 31/12/2024; the invited Women's Union's report is counted apart
        assertEquals(2, c.getInt("completeness.expected"));
        assertEquals(0, c.getInt("completeness.submitted"));
        assertEquals(2, c.getInt("completeness.missing"));
        assertEquals(List.of("TTH-DCS", "TTH-DOH"), c.getList("agencies.agency"));
        assertEquals(1, c.getInt("invited.invited"));
        assertEquals(1, c.getInt("invited.submitted"));
        assertEquals("TTH-WU", c.getString("invited.agencies[0].agency"));
    }

    @Test
    void aRuleConsolidatesSeveralRules() {
        JsonArray rules = new JsonArray()
                .add(rule("R1", "SIX_MONTH", 10, 6, null, 2024, 2024, "EXPLICIT", List.of("TTH-DOH"), "TTH-DOLISA", "NARRATIVE_ONLY", null))
                .add(rule("R2", "THEMATIC", 30, 9, 2024, null, null, "EXPLICIT", List.of("TTH-DCS"), "TTH-DOLISA", "NARRATIVE_ONLY", null))
                .add(rule("R3", "ANNUAL", 10, 12, null, 2024, 2024, "EXPLICIT", List.of("TTH-DOLISA"), "TTH-PC", "NARRATIVE_ONLY", null)
                        .put("consolidates", new JsonArray().add("R1").add("R2")));
        fake.plan(2106, 1, plan("T-SEL-CONSOL", 2024, 2024, rules));
        event(2106, 1, "ISSUED").then().statusCode(200).body("created", equalTo(3));
        given().header("Authorization", DOLISA).get("/api/reports/obligations?planId=2106").then().statusCode(200)
                .body("items.find { it.ruleKey == 'R3' }.consolidates", equalTo("R1,R2"));
        // what prefills DOLISA's R3 report reads both rules: the 6-month (2024S1) and the thematic (2024) report
        PlanRef ref = plans.ref(2106).orElseThrow();
        ConsolidationView c = consolidations.build(ref, plans.model(ref), "2024", "TTH-DOLISA", List.of("R1", "R2"), LocalDate.of(2024, 12, 31), null);
        assertEquals(List.of("TTH-DCS:R2", "TTH-DOH:R1"), c.agencies().stream().map(l -> l.agency() + ":" + l.ruleKey()).toList());
        assertEquals(2, c.completeness().missing());
    }
}
