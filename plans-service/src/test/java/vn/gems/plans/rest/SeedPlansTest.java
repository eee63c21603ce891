package vn.gems.plans.rest;

import vn.gems.plans.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.plans.TestData.ADMIN;
import static vn.gems.plans.TestData.AUDITOR;
import static vn.gems.plans.TestData.DISTRICT;
import static vn.gems.plans.TestData.DOLISA;
import static vn.gems.plans.TestData.JSON;

/** The seed plans of deploy/demo/plans load through the API and come back without loss. */
@QuarkusTest
class SeedPlansTest {

    @BeforeEach
    void load() {
        TestData.seeds();
    }

    @Test
    void seed003RoundTripsFieldByField() throws Exception {
        JsonNode fixture = TestData.plan("tth-2021-2025");
        JsonNode stored = JSON.readTree(given().header("Authorization", DOLISA).get("/api/plans/" + TestData.TTH_2021)
                .then().statusCode(200).extract().asString());
        List<String> differences = new ArrayList<>();
        compare("", fixture, stored, differences);
        assertEquals(List.of(), differences, "every field of the fixture comes back unchanged");

        JsonNode exported = JSON.readTree(given().header("Authorization", DOLISA).get("/api/plans/" + TestData.TTH_2021 + "/export")
                .then().statusCode(200).header("Content-Disposition", startsWith("attachment")).extract().asString());
        differences.clear();
        compare("", fixture, exported, differences);
        assertEquals(List.of(), differences, "the export is the fixture");
        differences.clear();
        compare("", exported, fixture, differences);
        assertEquals(List.of(), differences, "and nothing more");
    }

    @Test
    void seed003HoldsSixObjectivesTwentyTargetsAndEveryMeasure() {
        var plan = given().header("Authorization", DOLISA).get("/api/plans/" + TestData.TTH_2021).then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("version", equalTo(1))
                .body("objectives.size()", equalTo(6))
                .body("objectives.key", contains("O1", "O2", "O3", "O4", "O5", "O6"))
                // The seed letters two objectives "d": labels are kept, keys do not depend on them.
                .body("objectives[3].label", startsWith("d)")).body("objectives[4].label", startsWith("d)"))
                .body("objectives.collect { it.targets.size() }.sum()", equalTo(20))
                .body("objectives.collect { o -> o.targets.collect { it.measures.size() }.sum() }.sum()", equalTo(25))
                .extract().jsonPath();
        // "adolescent birth rate from 23 down to 18 per 1,000 women"
        Map<String, Object> abr = measure(plan, "O4", "O4-T3", "O4-T3-M1");
        assertEquals("ADOLESCENT_BIRTH_RATE", abr.get("indicatorCode"));
        assertEquals("REDUCE_TO", abr.get("comparator"));
        assertEquals(23, abr.get("baselineValue"));
        assertEquals(18, abr.get("targetValue"));
        // "women's unpaid hours down to 2 × men's"
        Map<String, Object> care = measure(plan, "O3", "O3-T1", "O3-T1-M1");
        assertEquals("FEMALE_TO_MALE_RATIO", care.get("figure"));
        assertEquals(2, care.get("targetValue"));
        assertEquals("TTH-STATS", plan.getString("objectives[2].targets[0].measures[0].responsibleAgencies[0].agency"));
        // "80% of victims … and 50% of perpetrators …": two measures, two agencies each with its scope
        assertEquals(2, plan.getList("objectives[2].targets[1].measures").size());
        assertEquals(List.of("TTH-DOLISA", "TTH-DCS"), plan.getList("objectives[2].targets[1].measures[1].responsibleAgencies.agency"));
        assertEquals("số liệu về bạo lực gia đình", plan.getString("objectives[2].targets[1].measures[0].responsibleAgencies[1].scope"));
        // "≥ 1 facility"
        Map<String, Object> lgbt = measure(plan, "O4", "O4-T4", "O4-T4-M1");
        assertEquals("COUNT", lgbt.get("figure"));
        assertEquals("AT_LEAST", lgbt.get("comparator"));
        assertEquals(1, lgbt.get("targetValue"));
        // "gender content taught from 2025" (milestone)
        Map<String, Object> curriculum = measure(plan, "O5", "O5-T1", "O5-T1-M1");
        assertEquals("MILESTONE", curriculum.get("figure"));
        assertEquals(2025, curriculum.get("fromYear"));
        // sex ratio at birth: male-to-female × 100, about 109
        Map<String, Object> srb = measure(plan, "O4", "O4-T1", "O4-T1-M1");
        assertEquals("MALE_TO_FEMALE_X100", srb.get("figure"));
        assertEquals(109, srb.get("targetValue"));
        // ethnic-minority completion: a disaggregation selector
        assertEquals(Map.of("ethnicity", "MINORITY"), measure(plan, "O5", "O5-T2", "O5-T2-M3").get("dimensions"));
        // reporting regime: own plans by 25/6/2021, yearly by 30/11, DOLISA to the ministry by 10/12, reviews
        assertEquals(List.of("OWN_PLAN", "ANNUAL", "ANNUAL", "ANNUAL", "MID_TERM_REVIEW", "FINAL_REVIEW", "AD_HOC"),
                plan.getList("reportingRules.kind"));
        assertEquals(List.of(25, 6, 2021), List.of(plan.getInt("reportingRules[0].dueDay"), plan.getInt("reportingRules[0].dueMonth"),
                plan.getInt("reportingRules[0].dueYear")));
        assertEquals("VN-MOLISA", plan.getString("reportingRules[3].receivingAgency"));
        assertEquals(List.of("R2"), plan.getList("reportingRules[3].consolidates"));
        assertEquals("CHILD_PLANS", plan.getString("reportingRules[2].submitters.mode"));
        assertTrue(plan.getList("assignedAgencies").containsAll(List.of("TTH-DOLISA", "TTH-DOH", "TTH-DOHA", "TTH-DPI", "TTH-DCS",
                "TTH-DIC", "TTH-DOET", "TTH-STATS")));
    }

    @Test
    void everySeedIsHeldWithItsRegime() {
        given().header("Authorization", AUDITOR).queryParam("size", 500).get("/api/plans").then().statusCode(200)
                .body("items.code", hasItem("TTH-34-KH-UBND-2018")).body("items.code", hasItem("HTI-1458-UBND-VX1-2020"))
                .body("items.code", hasItem("HNI-BDG-2018")).body("items.code", hasItem(TestData.STI_2024))
                .body("items.code", hasItem(TestData.QNG_72)).body("items.code", hasItem(TestData.TTH_2021));
        given().header("Authorization", AUDITOR).get("/api/plans/TTH-34-KH-UBND-2018").then().statusCode(200)
                .body("documentNumber", equalTo("34/KH-UBND")).body("issueDate", equalTo("2018-02-26"))
                .body("reportingRules.dueDay", contains(10, 10, 15, null)).body("reportingRules.dueMonth", contains(3, 12, 12, null));
        given().header("Authorization", AUDITOR).get("/api/plans/HTI-1458-UBND-VX1-2020").then().statusCode(200)
                .body("kind", equalTo("OFFICIAL_LETTER")).body("documentNumber", equalTo("1458/UBND-VX1"))
                .body("reportingRules.kind", contains("SIX_MONTH", "ANNUAL", "THEMATIC", "SIX_MONTH", "ANNUAL"))
                .body("reportingRules[0].dueDay", equalTo(10)).body("reportingRules[0].dueMonth", equalTo(6))
                .body("reportingRules[2].dueDay", nullValue());
        given().header("Authorization", AUDITOR).get("/api/plans/HNI-BDG-2018").then().statusCode(200)
                .body("reportingRules[0].dueMonth", equalTo(3)).body("reportingRules[0].dueDay", equalTo(20))
                .body("reportingRules[1].dueDay", equalTo(30)).body("reportingRules[1].dueMonth", equalTo(5))
                .body("assignments[7].agencies", contains("HNI-STATS"));
        given().header("Authorization", AUDITOR).get("/api/plans/" + TestData.STI_2024).then().statusCode(200)
                .body("reportingRules[0].dueYear", equalTo(2024)).body("reportingRules[0].dueMonth", equalTo(5))
                .body("reportingRules[3].receivingAgency", equalTo("QNG-PC"));
    }

    @Test
    void seed002IsADistrictPlanUnderTheQuangNgaiPlan() {
        given().header("Authorization", DISTRICT).get("/api/plans/" + TestData.STI_2024 + "/tree").then().statusCode(200)
                .body("ancestors.code", contains(TestData.QNG_72))
                .body("ancestors[0].documentNumber", equalTo("72/KH-UBND"))
                .body("plan.unitCode", equalTo("VN-51-STI")).body("children", Matchers.empty());
        long parentId = given().header("Authorization", AUDITOR).get("/api/plans/" + TestData.QNG_72).then().statusCode(200)
                .body("childPlans.code", contains(TestData.STI_2024)).extract().jsonPath().getLong("id");
        given().header("Authorization", AUDITOR).get("/api/plans/" + TestData.STI_2024).then().statusCode(200)
                .body("parentPlanId", equalTo((int) parentId)).body("parentPlan", equalTo(TestData.QNG_72))
                .body("legalBases[0].planCode", equalTo(TestData.QNG_72));
        given().header("Authorization", AUDITOR).queryParam("parent", parentId).get("/api/plans").then().statusCode(200)
                .body("items.code", contains(TestData.STI_2024));
    }

    @Test
    void exportedDocumentImportsAsAnIdenticalPlan() throws Exception {
        ObjectNode exported = (ObjectNode) JSON.readTree(given().header("Authorization", DOLISA)
                .get("/api/plans/TTH-34-KH-UBND-2018/export").then().statusCode(200).extract().asString());
        exported.put("code", "TTH-34-COPY");
        JsonNode copy = JSON.readTree(given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(exported.toString())
                .post("/api/plans").then().statusCode(201).extract().asString());
        List<String> differences = new ArrayList<>();
        compare("", exported, copy, differences);
        assertEquals(List.of(), differences);
        given().header("Authorization", ADMIN).get("/api/plans/TTH-34-COPY").then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    private static Map<String, Object> measure(JsonPath plan, String objective, String target, String measure) {
        return plan.getMap("objectives.find { it.key == '" + objective + "' }.targets.find { it.key == '" + target
                + "' }.measures.find { it.key == '" + measure + "' }");
    }

    /**
     * Every field of {@code expected} must be in {@code actual} with the same value; lists item by item. A rule's
     * {@code consolidates} is a list: a single key reads as a list of one, null as none.
     */
    static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (path.endsWith(".consolidates")) {
            expected = asList(expected);
            actual = asList(actual);
        }
        if (expected == null || expected.isNull()) {
            if (actual != null && !actual.isNull() && !actual.isMissingNode()) {
                out.add(path + ": expected null, got " + actual);
            }
            return;
        }
        if (actual == null || actual.isMissingNode() || actual.isNull()) {
            out.add(path + ": missing, expected " + expected);
            return;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(path + ": expected " + expected.size() + " items, got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) != 0) {
                out.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", got " + actual);
        }
    }

    private static JsonNode asList(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return JSON.createArrayNode();
        }
        return n.isArray() ? n : JSON.createArrayNode().add(n);
    }
}
