package vn.gems.plans.rest;

import vn.gems.plans.TestData;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.plans.TestData.DOLISA;
import static vn.gems.plans.TestData.small;

/** Issue 13.6: a target range ("30–40%"), a tolerance for "about", yearly interim targets — stored and checked. */
@QuarkusTest
class MeasureRulesTest {

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        TestData.agencies();
    }

    private static ObjectNode measure(ObjectNode doc, int target) {
        return (ObjectNode) doc.at("/objectives/0/targets/" + target + "/measures/0");
    }

    @Test
    void aRangeAToleranceAndInterimTargetsRoundTrip() {
        ObjectNode doc = small("T-MEASURE-OK");
        doc.put("periodFrom", 2021);
        // "giảm từ 23 (2021) xuống 18 (2025)", with 21 expected in 2023
        ObjectNode abr = measure(doc, 0);
        abr.put("baselineYear", 2021);
        abr.putArray("interimTargets").addObject().put("year", 2023).put("value", 21);
        // "ở mức 109" ± 2, as this test's plan says
        measure(doc, 1).put("tolerance", 2);
        // "30–40%" of vocational recruits are women
        ((ArrayNode) doc.at("/objectives/0/targets")).addObject().put("key", "O1-T3").put("text", "Tỷ lệ nữ học viên đạt 30–40%")
                .putArray("measures").addObject().put("key", "O1-T3-M1").put("indicatorCode", "VOCATIONAL_NEW_ENROLMENTS")
                .put("figure", "FEMALE_SHARE").put("comparator", "RANGE").put("targetValue", 30).put("targetValueHigh", 40)
                .put("targetYear", 2025).putArray("responsibleAgencies").addObject().put("agency", "TTH-DOLISA");
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString()).post("/api/plans").then()
                .log().ifValidationFails().statusCode(201);
        given().header("Authorization", DOLISA).get("/api/plans/T-MEASURE-OK").then().statusCode(200)
                .body("objectives[0].targets[0].measures[0].interimTargets.year", contains(2023))
                .body("objectives[0].targets[0].measures[0].interimTargets.value", contains(21))
                .body("objectives[0].targets[1].measures[0].tolerance", equalTo(2))
                .body("objectives[0].targets[2].measures[0].comparator", equalTo("RANGE"))
                .body("objectives[0].targets[2].measures[0].targetValue", equalTo(30))
                .body("objectives[0].targets[2].measures[0].targetValueHigh", equalTo(40));
    }

    @Test
    void badRangesTolerancesAndInterimTargetsAreProblemsWithTheirFields() {
        ObjectNode doc = small("T-MEASURE-BAD");
        // a reduction with a high end; interim targets twice in 2024, at the target year, before the baseline, outside the period
        ObjectNode abr = measure(doc, 0);
        abr.put("baselineYear", 2023).put("targetValueHigh", 20);
        ArrayNode interim = abr.putArray("interimTargets");
        interim.addObject().put("year", 2024).put("value", 22);
        interim.addObject().put("year", 2024).put("value", 21);
        interim.addObject().put("year", 2025).put("value", 19);
        interim.addObject().put("year", 2020).put("value", 25);
        // a tolerance of zero
        measure(doc, 1).put("tolerance", 0);
        ArrayNode targets = (ArrayNode) doc.at("/objectives/0/targets");
        // RANGE without its high end; a range upside down and over 100%; a tolerance on "at least"; a milestone with interim targets
        ArrayNode ms = targets.addObject().put("key", "O1-T3").put("text", "Chỉ tiêu thử").putArray("measures");
        ms.addObject().put("key", "O1-T3-M1").put("indicatorCode", "VOCATIONAL_NEW_ENROLMENTS").put("figure", "FEMALE_SHARE")
                .put("comparator", "RANGE").put("targetValue", 30).put("targetYear", 2025)
                .putArray("responsibleAgencies").addObject().put("agency", "TTH-DOLISA");
        ms.addObject().put("key", "O1-T3-M2").put("indicatorCode", "VOCATIONAL_NEW_ENROLMENTS").put("figure", "FEMALE_SHARE")
                .put("comparator", "AT_LEAST").put("targetValue", 30).put("targetValueHigh", 120).put("targetYear", 2025)
                .putArray("responsibleAgencies").addObject().put("agency", "TTH-DOLISA");
        ms.addObject().put("key", "O1-T3-M3").put("indicatorCode", "VOCATIONAL_NEW_ENROLMENTS").put("figure", "FEMALE_SHARE")
                .put("comparator", "RANGE").put("targetValue", 40).put("targetValueHigh", 30).put("tolerance", 1).put("targetYear", 2025)
                .putArray("responsibleAgencies").addObject().put("agency", "TTH-DOLISA");
        ObjectNode milestone = ms.addObject().put("key", "O1-T3-M4").put("indicatorCode", "GENDER_CURRICULUM_TEACHER_TRAINING")
                .put("figure", "MILESTONE").put("comparator", "EQUAL").put("targetValue", 1).put("fromYear", 2025);
        milestone.putArray("responsibleAgencies").addObject().put("agency", "TTH-DOET");
        milestone.putArray("interimTargets").addObject().put("year", 2024).put("value", 1);
        List<Map<String, String>> errors = given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().statusCode(422).body("code", equalTo("PLAN_INVALID")).extract().jsonPath().getList("errors");
        String m = "objectives[0].targets[";
        String[][] expected = {
                {m + "0].measures[0].targetValueHigh", "NOT_APPLICABLE"},
                {m + "0].measures[0].interimTargets[1].year", "DUPLICATE_YEAR"},
                {m + "0].measures[0].interimTargets[2].year", "INTERIM_NOT_BEFORE_TARGET"},
                {m + "0].measures[0].interimTargets[3].year", "INTERIM_NOT_AFTER_BASELINE"},
                {m + "0].measures[0].interimTargets[3].year", "YEAR_OUTSIDE_PERIOD"},
                {m + "1].measures[0].tolerance", "OUT_OF_RANGE"},
                {m + "2].measures[0].targetValueHigh", "RANGE_HIGH_REQUIRED"},
                {m + "2].measures[1].targetValueHigh", "OUT_OF_RANGE"},
                {m + "2].measures[2].targetValueHigh", "RANGE_ORDER"},
                {m + "2].measures[2].tolerance", "NOT_APPLICABLE"},
                {m + "2].measures[3].interimTargets[0]", "NOT_APPLICABLE"},
        };
        for (String[] e : expected) {
            assertTrue(errors.stream().anyMatch(x -> x.get("field").equals(e[0]) && x.get("code").equals(e[1])),
                    "expected " + e[1] + " at " + e[0] + " in " + errors);
        }
        assertEquals(expected.length, errors.size(), () -> "nothing else: " + errors);
        given().header("Authorization", DOLISA).get("/api/plans/T-MEASURE-BAD").then().statusCode(404);
    }

    @Test
    void anInterimTargetWithoutAValueIsRejectedByBeanValidation() {
        ObjectNode doc = small("T-MEASURE-NULL");
        measure(doc, 0).putArray("interimTargets").addObject().put("year", 2024);
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString()).post("/api/plans").then()
                .statusCode(422).body("code", equalTo("PLAN_INVALID"))
                .body("errors.field", contains("objectives[0].targets[0].measures[0].interimTargets[0].value"));
    }
}
