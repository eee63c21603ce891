package vn.gems.plans.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;
import vn.gems.plans.TestData;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.plans.TestData.ADMIN;
import static vn.gems.plans.TestData.DOLISA;
import static vn.gems.plans.TestData.HEALTH;
import static vn.gems.plans.TestData.small;

/**
 * Issue 13 submitter selectors in the plan document: UNIT_COMMITTEES and BODY_MEMBERS rules, invited submitters,
 * assignment roles, rules consolidating several rules; and a body's dated members ({@code /api/agencies/{code}/members}).
 */
@QuarkusTest
class SubmitterSelectorsTest {

    private static final String BODY = "TTH-CFAW-T";

    @BeforeEach
    void data() {
        TestData.agencies();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","nameVi":"Ban vì sự tiến bộ của phụ nữ tỉnh","nameEn":"Provincial Committee for the Advancement of Women",
                 "kind":"COMMITTEE","unitCode":"VN-46","validFrom":"2015-01-01"}""".formatted(BODY)).post("/api/agencies");
    }

    private static List<Map<String, String>> errors(ObjectNode doc) {
        return given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().statusCode(422).body("code", equalTo("PLAN_INVALID")).extract().jsonPath().getList("errors");
    }

    private static void expect(List<Map<String, String>> errors, String[][] expected) {
        for (String[] e : expected) {
            assertTrue(errors.stream().anyMatch(x -> x.get("field").equals(e[0]) && x.get("code").equals(e[1])),
                    "expected " + e[1] + " at " + e[0] + " in " + errors);
        }
    }

    private static ObjectNode rule(ObjectNode doc, String key) {
        return ((ArrayNode) doc.get("reportingRules")).addObject().put("key", key).put("kind", "ANNUAL").put("dueDay", 10)
                .put("dueMonth", 12).put("receivingAgency", "TTH-DOLISA").put("coverage", "NARRATIVE_ONLY");
    }

    @Test
    void newModesRoundTripAndConsolidatesIsAList() {
        ObjectNode doc = small("T-SEL-OK");
        ((ObjectNode) doc.at("/reportingRules/0/submitters")).putArray("invited").add("TTH-WU");
        rule(doc, "R2").putObject("submitters").put("mode", "UNIT_COMMITTEES").put("level", "COMMUNE").put("unit", "VN-46")
                .putArray("invited").add("TTH-VFF");
        rule(doc, "R3").putObject("submitters").put("mode", "BODY_MEMBERS").put("body", BODY);
        rule(doc, "R4").put("consolidates", "R1").putObject("submitters").put("mode", "EXPLICIT").putArray("agencies").add("TTH-DOLISA");
        ObjectNode r5 = rule(doc, "R5");
        r5.putArray("consolidates").add("R2").add("R3");
        r5.putObject("submitters").put("mode", "EXPLICIT").putArray("agencies").add("TTH-DOLISA");
        doc.putArray("assignments").addObject().put("key", "A1").put("addressee", "Sở Y tế").put("role", "RESPONSIBLE")
                .putArray("agencies").add("TTH-DOH");
        ((ArrayNode) doc.get("assignments")).addObject().put("key", "A2").put("addressee", "Đề nghị Hội LHPN tỉnh").put("role", "REQUESTED")
                .putArray("agencies").add("TTH-WU");
        ((ArrayNode) doc.get("assignments")).addObject().put("key", "A3").put("addressee", "Sở Tư pháp (phối hợp)").put("role", "COOPERATING")
                .putArray("agencies").add("TTH-DOJ");
        ((ArrayNode) doc.get("assignments")).addObject().put("key", "A4").put("addressee", "Cục Thống kê").putArray("agencies").add("TTH-STATS");
        long id = PlanResourceTest.create(DOLISA, doc).jsonPath().getLong("id");
        given().header("Authorization", DOLISA).get("/api/plans/" + id).then().statusCode(200)
                .body("reportingRules[0].submitters.invited", contains("TTH-WU"))
                .body("reportingRules[1].submitters.mode", equalTo("UNIT_COMMITTEES"))
                .body("reportingRules[1].submitters.level", equalTo("COMMUNE"))
                .body("reportingRules[1].submitters.unit", equalTo("VN-46"))
                .body("reportingRules[2].submitters.body", equalTo(BODY))
                // a single key is read as a list of one
                .body("reportingRules[3].consolidates", contains("R1"))
                .body("reportingRules[4].consolidates", contains("R2", "R3"))
                .body("assignments.role", contains(equalTo("RESPONSIBLE"), equalTo("REQUESTED"), equalTo("COOPERATING"), nullValue()))
                // ALL_ASSIGNED: responsible assignments and measures' agencies; requested and co-operating bodies are not
                .body("assignedAgencies", contains("TTH-DOH", "TTH-STATS"));
    }

    @Test
    void badSelectorsAreNamedFieldByField() {
        ObjectNode doc = small("T-SEL-BAD");
        rule(doc, "R2").putObject("submitters").put("mode", "UNIT_COMMITTEES").put("unit", "VN-99-NOWHERE").put("body", BODY);
        rule(doc, "R3").putObject("submitters").put("mode", "BODY_MEMBERS").put("level", "COMMUNE");
        rule(doc, "R4").putObject("submitters").put("mode", "BODY_MEMBERS").put("body", "TTH-DOH");
        ObjectNode r5 = rule(doc, "R5");
        r5.putObject("submitters").put("mode", "UNIT_COMMITTEES").put("level", "HAMLET").putArray("invited").add("TTH-NOBODY").add("TTH-NOBODY");
        r5.putArray("consolidates").add("R1").add("R9").add("R1");
        rule(doc, "R6").putArray("consolidates").add("R1").add("R7");
        ((ObjectNode) doc.at("/reportingRules/5")).putObject("submitters").put("mode", "CHILD_PLANS");
        rule(doc, "R7").putArray("consolidates").add("R6");
        ((ObjectNode) doc.at("/reportingRules/6")).putObject("submitters").put("mode", "BODY_MEMBERS").put("body", "TTH-GHOST");
        String[][] expected = {
                {"reportingRules[1].submitters.level", "MISSING_LEVEL"},
                {"reportingRules[1].submitters.body", "NOT_APPLICABLE"},
                {"reportingRules[1].submitters.unit", "UNKNOWN_UNIT"},
                {"reportingRules[2].submitters.body", "MISSING_BODY"},
                {"reportingRules[2].submitters.level", "NOT_APPLICABLE"},
                {"reportingRules[3].submitters.body", "NOT_A_BODY"},
                {"reportingRules[4].submitters.level", "PATTERN"},
                {"reportingRules[4].submitters.invited[0]", "UNKNOWN_AGENCY"},
                {"reportingRules[4].submitters.invited[1]", "DUPLICATE_AGENCY"},
                {"reportingRules[4].consolidates[1]", "UNKNOWN_RULE"},
                {"reportingRules[4].consolidates[2]", "DUPLICATE_RULE"},
                {"reportingRules[5].consolidates", "RULE_CYCLE"},
                {"reportingRules[6].consolidates", "RULE_CYCLE"},
                {"reportingRules[6].submitters.body", "UNKNOWN_AGENCY"},
        };
        expect(errors(doc), expected);
    }

    @Test
    void anUnknownRoleIsABadRequest() {
        ObjectNode doc = small("T-SEL-ROLE");
        doc.putArray("assignments").addObject().put("key", "A1").put("addressee", "x").put("role", "LEADING").putArray("agencies").add("TTH-DOH");
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString()).post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json");
    }

    // ------------------------------------------------------------------ a body's dated members

    @Test
    void membersAreDatedReplacedUnderEtagAndAudited() {
        String etag = given().header("Authorization", HEALTH).get("/api/agencies/" + BODY + "/members").then().statusCode(200)
                .extract().header("ETag");
        String members = """
                [{"agency":"TTH-DOLISA","from":"2015-01-01"},{"agency":"TTH-DOH","from":"2015-01-01","to":"2025-06-30"},
                 {"agency":"TTH-DOHA","from":"2025-07-01"}]""";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(members)
                .put("/api/agencies/" + BODY + "/members").then().statusCode(428);
        String next = given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(members)
                .put("/api/agencies/" + BODY + "/members").then().statusCode(204).extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(members)
                .put("/api/agencies/" + BODY + "/members").then().statusCode(412);
        given().header("Authorization", HEALTH).get("/api/agencies/" + BODY + "/members?asOf=2024-12-10").then().statusCode(200)
                .header("ETag", next).body("agency", contains("TTH-DOH", "TTH-DOLISA"));
        given().header("Authorization", HEALTH).get("/api/agencies/" + BODY + "/members?asOf=2025-12-10").then().statusCode(200)
                .body("agency", contains("TTH-DOLISA", "TTH-DOHA"));
        given().header("Authorization", HEALTH).get("/api/agencies/" + BODY + "/members").then().statusCode(200).body("$", hasSize(3));
        given().header("Authorization", HEALTH).get("/api/agencies/" + BODY + "/history").then().statusCode(200)
                .body("action[-1]", equalTo("MEMBERS_CHANGED")).body("actor[-1]", equalTo("gems.admin"))
                .body("members[-1].agency", contains("TTH-DOH", "TTH-DOLISA", "TTH-DOHA"));
    }

    @Test
    void theBodysOwnPlanManagerSetsMembersOthersMayNot() {
        String own = TestTokens.bearer("cfaw.officer", BODY, "plan-manager");
        String etag = given().header("Authorization", own).get("/api/agencies/" + BODY).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", own).header("If-Match", etag).contentType(ContentType.JSON)
                .body("[{\"agency\":\"TTH-DOLISA\",\"from\":\"2015-01-01\"}]")
                .put("/api/agencies/" + BODY + "/members").then().statusCode(204);
        // another agency's plan manager, and a reporter of no body
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("[]")
                .put("/api/agencies/" + BODY + "/members").then().statusCode(403).body("code", equalTo("NOT_YOUR_BODY"));
        given().header("Authorization", HEALTH).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("[]")
                .put("/api/agencies/" + BODY + "/members").then().statusCode(403);
        given().get("/api/agencies/" + BODY + "/members").then().statusCode(401);
        given().contentType(ContentType.JSON).body("[]").put("/api/agencies/" + BODY + "/members").then().statusCode(401);
        given().header("Authorization", HEALTH).get("/api/agencies/TTH-NOWHERE/members").then().statusCode(404);
    }

    @Test
    void badMemberListsAreNamedEntryByEntry() {
        String etag = given().header("Authorization", ADMIN).get("/api/agencies/" + BODY).then().statusCode(200).extract().header("ETag");
        List<Map<String, String>> errors = given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body("""
                        [{"agency":"TTH-GHOST","from":"2015-01-01"},{"agency":"%s","from":"2015-01-01"},
                         {"agency":"TTH-DOH","from":"2020-01-01","to":"2019-01-01"},
                         {"agency":"TTH-DOJ","from":"2015-01-01","to":"2020-12-31"},{"agency":"TTH-DOJ","from":"2020-06-01"}]""".formatted(BODY))
                .put("/api/agencies/" + BODY + "/members").then().statusCode(422).body("code", equalTo("INVALID_MEMBERS"))
                .extract().jsonPath().getList("errors");
        expect(errors, new String[][]{
                {"[0].agency", "UNKNOWN_AGENCY"},
                {"[1].agency", "MEMBER_IS_BODY"},
                {"[2].to", "DATE_ORDER"},
                {"[4].from", "OVERLAPPING_MEMBERSHIP"},
        });
        // an agency that is not a body has no members to set
        String doh = given().header("Authorization", ADMIN).get("/api/agencies/TTH-DOH").then().statusCode(200).extract().header("ETag");
        given().header("Authorization", ADMIN).header("If-Match", doh).contentType(ContentType.JSON).body("[]")
                .put("/api/agencies/TTH-DOH/members").then().statusCode(422).body("code", equalTo("NOT_A_BODY"));
        given().header("Authorization", ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body("[{\"agency\":\"TTH-DOH\"}]")
                .put("/api/agencies/" + BODY + "/members").then().statusCode(400);
        assertEquals(etag, given().header("Authorization", ADMIN).get("/api/agencies/" + BODY).then().extract().header("ETag"),
                "a refused list changes nothing");
    }
}
