package vn.gems.plans.rest;

import vn.gems.plans.Agency;
import vn.gems.plans.Plan;
import vn.gems.plans.TestData;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.plans.TestData.ADMIN;
import static vn.gems.plans.TestData.AUDITOR;
import static vn.gems.plans.TestData.DOLISA;
import static vn.gems.plans.TestData.HEALTH;
import static vn.gems.plans.TestData.JSON;
import static vn.gems.plans.TestData.QNG;
import static vn.gems.plans.TestData.SERVICE;
import static vn.gems.plans.TestData.small;

/** /api/plans: lifecycle, validation, authorization, versions, search, the tree, my targets, the public view. */
@QuarkusTest
class PlanResourceTest {

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        TestData.seeds();
    }

    static ExtractableResponse<Response> create(String as, ObjectNode doc) {
        return given().header("Authorization", as).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().log().ifValidationFails().statusCode(201).extract();
    }

    static String etag(String as, String ref) {
        return given().header("Authorization", as).get("/api/plans/" + ref).then().statusCode(200).extract().header("ETag");
    }

    static void issue(String as, String ref) {
        given().header("Authorization", as).header("If-Match", etag(as, ref)).contentType(ContentType.JSON).body("{}")
                .post("/api/plans/" + ref + "/issue").then().log().ifValidationFails().statusCode(200);
    }

    // ------------------------------------------------------------------ create, read, update, delete

    @Test
    void createReadUpdateWithEtags() {
        var created = create(DOLISA, small("T-CRUD"));
        assertEquals("\"0\"", created.header("ETag"));
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/plans/" + id));
        assertEquals("DRAFT", created.path("status"));
        assertEquals(1, (int) created.path("version"));
        assertEquals(List.of("TTH-DOH"), created.path("assignedAgencies"));

        given().header("Authorization", DOLISA).get("/api/plans/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("code", equalTo("T-CRUD")).body("objectives[0].targets[1].measures[0].comparator", equalTo("ABOUT"))
                .body("internalNote", equalTo("chỉ dùng nội bộ"));
        given().header("Authorization", DOLISA).get("/api/plans/T-CRUD").then().statusCode(200).body("id", equalTo((int) id));
        given().header("Authorization", DOLISA).queryParam("view", "summary").get("/api/plans/T-CRUD").then().statusCode(200)
                .body("counts.objectives", equalTo(1)).body("counts.targets", equalTo(2)).body("counts.measures", equalTo(2))
                .body("counts.reportingRules", equalTo(1)).body("objectives", nullValue());
        given().header("Authorization", DOLISA).queryParam("view", "everything").get("/api/plans/T-CRUD").then().statusCode(400)
                .body("code", equalTo("INVALID_VIEW"));

        ObjectNode changed = small("T-CRUD").put("title", "Kế hoạch đã sửa");
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(changed.toString())
                .put("/api/plans/T-CRUD").then().statusCode(428).body("code", equalTo("IF_MATCH_REQUIRED"));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(changed.toString())
                .put("/api/plans/T-CRUD").then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Kế hoạch đã sửa"))
                .body("version", equalTo(1));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(changed.toString())
                .put("/api/plans/T-CRUD").then().statusCode(412).body("code", equalTo("STALE_VERSION"));
        assertEquals(1, db.count("select count(*) from plan where code = 'T-CRUD' and title = 'Kế hoạch đã sửa'"));

        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(small("T-CRUD").toString())
                .post("/api/plans").then().statusCode(409).body("code", equalTo("PLAN_EXISTS"));
        given().header("Authorization", DOLISA).get("/api/plans/T-CRUD/history").then().statusCode(200)
                .body("action", contains("CREATED", "UPDATED")).body("actor", everyItem(equalTo("dolisa.officer")));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String first = given().header("Authorization", DOLISA).header("Idempotency-Key", "import-T-IDEM-1")
                .contentType(ContentType.JSON).body(small("T-IDEM").toString())
                .post("/api/plans").then().statusCode(201).extract().asString();
        given().header("Authorization", DOLISA).header("Idempotency-Key", "import-T-IDEM-1")
                .contentType(ContentType.JSON).body(small("T-IDEM").toString())
                .post("/api/plans").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(JsonPath.from(first).getInt("id")));
        given().header("Authorization", DOLISA).header("Idempotency-Key", "import-T-IDEM-1")
                .contentType(ContentType.JSON).body(small("T-IDEM").put("title", "khác").toString())
                .post("/api/plans").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, db.count("select count(*) from plan where code = 'T-IDEM'"));
    }

    @Test
    void keysAndYearsAreFilledInWhenAbsent() throws Exception {
        ObjectNode doc = small("T-KEYS");
        ((ObjectNode) doc.at("/objectives/0")).remove("key");
        for (var t : doc.at("/objectives/0/targets")) {
            ((ObjectNode) t).remove("key");
            ((ObjectNode) t.at("/measures/0")).remove("key");
            ((ObjectNode) t.at("/measures/0")).remove("targetYear");
        }
        ((ObjectNode) doc.at("/reportingRules/0")).remove("key");
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().statusCode(201)
                .body("objectives[0].key", equalTo("O1"))
                .body("objectives[0].targets.key", contains("O1-T1", "O1-T2"))
                .body("objectives[0].targets[1].measures[0].key", equalTo("O1-T2-M1"))
                .body("objectives[0].targets[0].measures[0].targetYear", equalTo(2025))
                .body("reportingRules[0].key", equalTo("R1"))
                .body("reportingRules[0].fromYear", equalTo(2024)).body("reportingRules[0].toYear", equalTo(2025));
    }

    @Test
    void deleteDraftsOnly() {
        create(DOLISA, small("T-DEL"));
        given().header("Authorization", DOLISA).delete("/api/plans/T-DEL").then().statusCode(428);
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").delete("/api/plans/T-DEL").then().statusCode(204);
        given().header("Authorization", DOLISA).get("/api/plans/T-DEL").then().statusCode(404);
        assertEquals(0, db.count("select count(*) from plan where code = 'T-DEL'"));

        create(DOLISA, small("T-DEL-PARENT"));
        create(DOLISA, small("T-DEL-CHILD").put("parentPlan", "T-DEL-PARENT"));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").delete("/api/plans/T-DEL-PARENT").then().statusCode(409)
                .body("code", equalTo("PLAN_HAS_CHILDREN"));
        given().header("Authorization", DOLISA).header("If-Match", "*").delete("/api/plans/" + TestData.TTH_2021).then().statusCode(409)
                .body("code", equalTo("PLAN_NOT_DRAFT"));
    }

    // ------------------------------------------------------------------ validation

    @Test
    void everyValidationErrorIsReportedAtOnceAndNothingIsWritten() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree("""
                {"code":"T-BAD","title":"","kind":"ANNUAL_PLAN","issuingAgency":"TTH-PC","leadAgency":"TTH-DOLISA",
                 "unitCode":"VN-99","periodFrom":2025,"periodTo":2024,"parentPlan":"NO-SUCH-PLAN",
                 "objectives":[{"key":"O1","title":"Mục tiêu","targets":[
                   {"key":"O1-T1","text":"Chỉ tiêu","measures":[
                     {"key":"O1","indicatorCode":"WAGE_WORKERS","figure":"FEMALE_SHARE","comparator":"AT_LEAST","targetValue":120,
                      "targetYear":2030,"responsibleAgencies":[{"agency":"TTH-NOBODY"},{"agency":"TTH-DOH"},{"agency":"TTH-DOH"}]},
                     {"key":"O1-T1-M2","indicatorCode":"ADOLESCENT_BIRTH_RATE","figure":"VALUE","comparator":"REDUCE_TO",
                      "baselineValue":10,"targetValue":18,"responsibleAgencies":[{"agency":"TTH-DOH"}]},
                     {"key":"O1-T1-M3","indicatorCode":"GENDER_CURRICULUM_TEACHER_TRAINING","figure":"MILESTONE","comparator":"EQUAL",
                      "targetValue":5,"responsibleAgencies":[{"agency":"TTH-DOET"}]},
                     {"key":"O1-T1-M4","indicatorCode":"NOT_IN_CATALOGUE","figure":"TOTAL","comparator":"AT_LEAST",
                      "targetValue":1,"responsibleAgencies":[{"agency":"TTH-DOH"}]},
                     {"key":"O1-T1-M5","indicatorCode":"lower case","figure":"TOTAL","comparator":"AT_LEAST",
                      "targetValue":1,"responsibleAgencies":[]}]}]}],
                 "contentAreas":[{"key":"C1","title":"Nội dung","objectiveKeys":["O9"],"leadAgencies":["TTH-GHOST"]}],
                 "assignments":[{"key":"A1","addressee":"Sở Y tế","agencies":["TTH-DOH"],"targetKeys":["O1-T9"]}],
                 "reportingRules":[
                   {"key":"R1","kind":"OWN_PLAN","dueDay":25,"dueMonth":6,"submitters":{"mode":"ALL_ASSIGNED"},
                    "receivingAgency":"TTH-DOLISA","coverage":"NARRATIVE_ONLY"},
                   {"key":"R2","kind":"ANNUAL","dueDay":31,"dueMonth":4,"submitters":{"mode":"EXPLICIT"},
                    "receivingAgency":"TTH-DOLISA","coverage":"RESPONSIBLE_TARGETS","consolidates":"R2"},
                   {"key":"R3","kind":"SIX_MONTH","dueDay":29,"dueMonth":2,"submitters":{"mode":"ALL_ASSIGNED","agencies":["TTH-DOH"],"level":"COMMUNE"},
                    "receivingAgency":"TTH-DOLISA","coverage":"RESPONSIBLE_TARGETS","consolidates":"R9"}]}""");
        var res = given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PLAN_INVALID")).extract().jsonPath();
        List<Map<String, String>> errors = res.getList("errors");
        String[][] expected = {
                {"title", "NOT_BLANK"},
                {"periodTo", "PERIOD_ORDER"},
                {"parentPlan", "UNKNOWN_PLAN"},
                {"unitCode", "UNKNOWN_UNIT"},
                {"objectives[0].targets[0].measures[0].key", "DUPLICATE_KEY"},
                {"objectives[0].targets[0].measures[0].targetValue", "OUT_OF_RANGE"},
                {"objectives[0].targets[0].measures[0].targetYear", "YEAR_OUTSIDE_PERIOD"},
                {"objectives[0].targets[0].measures[0].responsibleAgencies[0].agency", "UNKNOWN_AGENCY"},
                {"objectives[0].targets[0].measures[0].responsibleAgencies[2].agency", "DUPLICATE_AGENCY"},
                {"objectives[0].targets[0].measures[1].baselineValue", "BASELINE_NOT_ABOVE_TARGET"},
                {"objectives[0].targets[0].measures[2].targetValue", "INVALID_MILESTONE"},
                {"objectives[0].targets[0].measures[3].indicatorCode", "UNKNOWN_INDICATOR"},
                {"objectives[0].targets[0].measures[4].indicatorCode", "PATTERN"},
                {"objectives[0].targets[0].measures[4].responsibleAgencies", "NOT_EMPTY"},
                {"contentAreas[0].objectiveKeys[0]", "UNKNOWN_OBJECTIVE"},
                {"contentAreas[0].leadAgencies[0]", "UNKNOWN_AGENCY"},
                {"assignments[0].targetKeys[0]", "UNKNOWN_TARGET"},
                {"reportingRules[0].dueYear", "MISSING_DUE_DATE"},
                {"reportingRules[1].dueDay", "INVALID_DUE_DATE"},
                {"reportingRules[1].submitters.agencies", "MISSING_SUBMITTERS"},
                {"reportingRules[1].consolidates", "RULE_CYCLE"},
                {"reportingRules[2].dueDay", "INVALID_DUE_DATE"},
                {"reportingRules[2].submitters.level", "NOT_APPLICABLE"},
                {"reportingRules[2].consolidates[0]", "UNKNOWN_RULE"},
        };
        for (String[] e : expected) {
            assertTrue(errors.stream().anyMatch(x -> x.get("field").equals(e[0]) && x.get("code").equals(e[1])),
                    "expected " + e[1] + " at " + e[0] + " in " + errors);
        }
        assertTrue(errors.stream().anyMatch(x -> x.get("message").contains("NOT_IN_CATALOGUE")), "the unknown code is named");
        assertEquals(0, db.count("select count(*) from plan where code = 'T-BAD'"));
    }

    @Test
    void yearAndRuleShapeRules() throws Exception {
        ObjectNode doc = small("T-RULES");
        ObjectNode measure = (ObjectNode) doc.at("/objectives/0/targets/0/measures/0");
        measure.put("baselineYear", 2026).put("fromYear", 2025).put("targetYear", 2024);
        ArrayNode rules = (ArrayNode) doc.get("reportingRules");
        rules.addObject().put("key", "R2").put("kind", "FINAL_REVIEW").put("dueDay", 10).put("dueMonth", 12).put("dueYear", 2031)
                .put("fromYear", 2024).put("receivingAgency", "TTH-PC").put("coverage", "ALL_TARGETS")
                .putObject("submitters").put("mode", "EXPLICIT").putArray("agencies").add("TTH-DOLISA");
        rules.addObject().put("key", "R3").put("kind", "ANNUAL").put("dueDay", 10).put("dueMonth", 12).put("dueYear", 2024)
                .put("fromYear", 2025).put("toYear", 2024).put("receivingAgency", "TTH-PC").put("coverage", "ALL_TARGETS")
                .putObject("submitters").put("mode", "CHILD_PLANS");
        rules.addObject().put("key", "R4").put("kind", "THEMATIC").put("dueDay", 10).put("receivingAgency", "TTH-PC")
                .put("coverage", "NARRATIVE_ONLY").put("consolidates", "R5").putObject("submitters").put("mode", "ALL_ASSIGNED");
        rules.addObject().put("key", "R5").put("kind", "AD_HOC").put("receivingAgency", "TTH-PC")
                .put("coverage", "NARRATIVE_ONLY").put("consolidates", "R4").putObject("submitters").put("mode", "ALL_ASSIGNED");
        List<Map<String, String>> errors = given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().statusCode(422).extract().jsonPath().getList("errors");
        String[][] expected = {
                {"objectives[0].targets[0].measures[0].baselineYear", "BASELINE_AFTER_TARGET"},
                {"objectives[0].targets[0].measures[0].fromYear", "YEAR_ORDER"},
                {"reportingRules[1].dueYear", "YEAR_OUTSIDE_PERIOD"},
                {"reportingRules[1].fromYear", "NOT_APPLICABLE"},
                {"reportingRules[2].dueYear", "NOT_APPLICABLE"},
                {"reportingRules[2].toYear", "YEAR_ORDER"},
                {"reportingRules[3].dueMonth", "MISSING_DUE_DATE"},
                {"reportingRules[3].consolidates", "RULE_CYCLE"},
        };
        for (String[] e : expected) {
            assertTrue(errors.stream().anyMatch(x -> x.get("field").equals(e[0]) && x.get("code").equals(e[1])),
                    "expected " + e[1] + " at " + e[0] + " in " + errors);
        }
    }

    @Test
    void unreadableBodiesAreProblems() {
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body("{\"code\": ")
                .post("/api/plans").then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(small("T-ENUM").put("kind", "WISH_LIST").toString())
                .post("/api/plans").then().statusCode(400).body("code", equalTo("INVALID_VALUE")).body("errors[0].field", equalTo("kind"));
        ObjectNode typo = small("T-TYPO");
        ((ObjectNode) typo.at("/objectives/0/targets/0/measures/0")).put("targetVal", 17);
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(typo.toString())
                .post("/api/plans").then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD"))
                .body("errors[0].field", equalTo("objectives[0].targets[0].measures[0].targetVal"));
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body("")
                .post("/api/plans").then().statusCode(400);
        given().header("Authorization", DOLISA).queryParam("size", 0).get("/api/plans").then().statusCode(400)
                .body("code", equalTo("INVALID_PAGE_SIZE"));
        given().header("Authorization", DOLISA).queryParam("year", "soon").get("/api/plans").then().statusCode(404);
        given().header("Authorization", DOLISA).queryParam("year", 1800).get("/api/plans").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        assertEquals(0, db.count("select count(*) from plan where code in ('T-ENUM', 'T-TYPO')"));
    }

    // ------------------------------------------------------------------ authorization

    @Test
    void withoutATokenEveryPlanEndpointIs401() {
        for (String path : List.of("/api/plans", "/api/plans/1", "/api/plans/my-targets", "/api/plans/1/versions", "/api/plans/1/versions/1",
                "/api/plans/1/diff", "/api/plans/1/tree", "/api/plans/1/history", "/api/plans/1/events", "/api/plans/1/export")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        }
        given().contentType(ContentType.JSON).body(small("T-ANON").toString()).post("/api/plans").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/plans/1/issue").then().statusCode(401);
        given().delete("/api/plans/1").then().statusCode(401);
        assertEquals(0, db.count("select count(*) from plan where code = 'T-ANON'"));
    }

    @Test
    void anUnknownPlanIs404Everywhere() {
        for (String path : List.of("/api/plans/NO-SUCH-PLAN", "/api/plans/987654", "/api/plans/NO-SUCH-PLAN/versions",
                "/api/plans/NO-SUCH-PLAN/versions/1", "/api/plans/NO-SUCH-PLAN/diff", "/api/plans/NO-SUCH-PLAN/tree",
                "/api/plans/NO-SUCH-PLAN/history", "/api/plans/NO-SUCH-PLAN/events", "/api/plans/NO-SUCH-PLAN/export")) {
            given().header("Authorization", AUDITOR).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("NOT_FOUND"));
        }
        given().header("Authorization", DOLISA).header("If-Match", "*").contentType(ContentType.JSON).body(small("NO-SUCH-PLAN").toString())
                .put("/api/plans/NO-SUCH-PLAN").then().statusCode(404);
        given().header("Authorization", DOLISA).header("If-Match", "*").delete("/api/plans/NO-SUCH-PLAN").then().statusCode(404);
        for (String action : List.of("issue", "close")) {
            given().header("Authorization", DOLISA).header("If-Match", "*").contentType(ContentType.JSON).body("{}")
                    .post("/api/plans/NO-SUCH-PLAN/" + action).then().statusCode(404);
        }
        given().header("Authorization", DOLISA).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"reason\":\"x\",\"document\":" + small("NO-SUCH-PLAN") + "}")
                .post("/api/plans/NO-SUCH-PLAN/amendments").then().statusCode(404);
        given().get("/api/public/plans/NO-SUCH-PLAN").then().statusCode(404);
    }

    @Test
    void rolesAndAgenciesDecideWhoWritesAndReads() {
        // A reporter cannot author plans.
        given().header("Authorization", HEALTH).contentType(ContentType.JSON).body(small("T-REP").toString())
                .post("/api/plans").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        // Another agency's plan manager cannot author a plan for Thua Thien Hue DOLISA.
        given().header("Authorization", QNG).contentType(ContentType.JSON).body(small("T-QNG").toString())
                .post("/api/plans").then().statusCode(403).body("code", equalTo("NOT_YOUR_PLAN"));
        assertEquals(0, db.count("select count(*) from plan where code in ('T-REP', 'T-QNG')"));

        create(DOLISA, small("T-AUTH"));
        // Drafts: the owner, auditors, admins and services read them; nobody else even sees they exist.
        for (String reader : List.of(DOLISA, AUDITOR, ADMIN, SERVICE)) {
            given().header("Authorization", reader).get("/api/plans/T-AUTH").then().statusCode(200);
        }
        for (String outsider : List.of(HEALTH, QNG, TestTokens.bearer("gov", "VN-MOHA", "gov-system"))) {
            given().header("Authorization", outsider).get("/api/plans/T-AUTH").then().statusCode(404);
        }
        given().header("Authorization", HEALTH).queryParam("q", "T-AUTH").get("/api/plans").then().log().ifValidationFails().statusCode(200)
                .body("total", equalTo(0));

        issue(DOLISA, "T-AUTH");
        // Issued: those it assigns (TTH-DOH) and agencies of its unit read it; another province's does not.
        given().header("Authorization", HEALTH).get("/api/plans/T-AUTH").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("finance", "TTH-DOF", "reporter")).get("/api/plans/T-AUTH").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("gov", "VN-MOHA", "gov-system")).get("/api/plans/T-AUTH").then().statusCode(200);
        given().header("Authorization", QNG).get("/api/plans/T-AUTH").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("noagency", null, "reporter")).get("/api/plans/T-AUTH").then().statusCode(404);

        // BOLA: another agency's plan manager can neither change nor amend, issue or close it; nothing changes.
        long revision = db.count("select revision from plan where code = 'T-AUTH'");
        given().header("Authorization", QNG).header("If-Match", "*").contentType(ContentType.JSON).body(small("T-AUTH").toString())
                .put("/api/plans/T-AUTH").then().statusCode(404);
        given().header("Authorization", QNG).header("If-Match", "*").contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/plans/T-AUTH/close").then().statusCode(404);
        String healthManager = TestTokens.bearer("health.manager", "TTH-DOH", "plan-manager");
        given().header("Authorization", healthManager).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"reason\":\"x\",\"document\":" + small("T-AUTH").put("title", "đổi") + "}")
                .post("/api/plans/T-AUTH/amendments").then().statusCode(403).body("code", equalTo("NOT_YOUR_PLAN"));
        given().header("Authorization", healthManager).header("If-Match", "*").contentType(ContentType.JSON).body("{}")
                .post("/api/plans/T-AUTH/close").then().statusCode(403).body("code", equalTo("NOT_YOUR_PLAN"));
        given().header("Authorization", HEALTH).header("If-Match", "*").contentType(ContentType.JSON).body("{}")
                .post("/api/plans/T-AUTH/close").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertEquals(revision, db.count("select revision from plan where code = 'T-AUTH'"));
        assertEquals(1, db.count("select count(*) from plan_version where plan_id = (select id from plan where code = 'T-AUTH')"));
        assertEquals("ISSUED", given().header("Authorization", AUDITOR).get("/api/plans/T-AUTH").then().extract().path("status"));

        // A plan manager cannot hand its draft to another agency.
        create(DOLISA, small("T-HANDOVER"));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(small("T-HANDOVER").put("issuingAgency", "QNG-PC").put("leadAgency", "QNG-DOLISA").put("unitCode", "VN-51").toString())
                .put("/api/plans/T-HANDOVER").then().statusCode(403).body("code", equalTo("NOT_YOUR_PLAN"));
        // An admin may act for any agency (reference data such as the Ha Tinh and Ha Noi seeds).
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(small("T-HANDOVER").put("title", "Sửa bởi quản trị").toString())
                .put("/api/plans/T-HANDOVER").then().statusCode(200);
    }

    // ------------------------------------------------------------------ lifecycle, amendments, versions

    @Test
    void issuedPlansChangeOnlyThroughAmendmentsThatKeepHistory() throws Exception {
        create(DOLISA, small("T-LIFE"));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"too early\",\"document\":" + small("T-LIFE") + "}")
                .post("/api/plans/T-LIFE/amendments").then().statusCode(409).body("code", equalTo("PLAN_NOT_ISSUED"));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"documentNumber\":\"99/KH-UBND\",\"issueDate\":\"2024-03-01\"}")
                .post("/api/plans/T-LIFE/issue").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ISSUED")).body("documentNumber", equalTo("99/KH-UBND"))
                .body("issueDate", equalTo("2024-03-01")).body("issuedAt", notNullValue());
        given().header("Authorization", DOLISA).header("If-Match", "\"1\"").contentType(ContentType.JSON).body("{}")
                .post("/api/plans/T-LIFE/issue").then().statusCode(409).body("code", equalTo("PLAN_NOT_DRAFT"));
        given().header("Authorization", DOLISA).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(small("T-LIFE").toString())
                .put("/api/plans/T-LIFE").then().statusCode(409).body("code", equalTo("PLAN_NOT_DRAFT"));

        // Amend: the adolescent birth rate target becomes 17; a new measure without a key; a thematic rule.
        ObjectNode amended = small("T-LIFE").put("documentNumber", "99/KH-UBND").put("issueDate", "2024-03-01");
        ((ObjectNode) amended.at("/objectives/0/targets/0/measures/0")).put("targetValue", 17);
        ((ArrayNode) amended.at("/objectives/0/targets/1/measures")).addObject().put("indicatorCode", "BIRTHS")
                .put("figure", "FEMALE_SHARE").put("comparator", "AT_LEAST").put("targetValue", 48).put("targetYear", 2025)
                .putArray("responsibleAgencies").addObject().put("agency", "TTH-STATS");
        ((ArrayNode) amended.get("reportingRules")).addObject().put("kind", "THEMATIC").put("receivingAgency", "TTH-DOLISA")
                .put("coverage", "NARRATIVE_ONLY").putObject("submitters").put("mode", "ALL_ASSIGNED");
        String body = "{\"reason\":\"Điều chỉnh sau sơ kết\",\"reference\":\"Quyết định số 12/QĐ-UBND ngày 05/3/2025\",\"document\":" + amended + "}";
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(body)
                .post("/api/plans/T-LIFE/amendments").then().statusCode(428);
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .post("/api/plans/T-LIFE/amendments").then().statusCode(412);
        var v2 = given().header("Authorization", DOLISA).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .post("/api/plans/T-LIFE/amendments").then().statusCode(201).header("ETag", "\"2\"")
                .header("Location", endsWith("/versions/2"))
                .body("version", equalTo(2)).body("current", equalTo(true))
                .body("objectives[0].targets[1].measures[1].key", equalTo("O1-T2-M2"))
                .body("reportingRules[1].key", equalTo("R2"))
                .body("assignedAgencies", hasItems("TTH-DOH", "TTH-STATS")).extract().jsonPath();
        long id = v2.getLong("id");

        // Items sent without a key are new items; the current version as exported (keys kept) changes nothing.
        String current = given().header("Authorization", DOLISA).get("/api/plans/T-LIFE/export").then().statusCode(200).extract().asString();
        given().header("Authorization", DOLISA).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"again\",\"document\":" + current + "}")
                .post("/api/plans/T-LIFE/amendments").then().statusCode(422).body("code", equalTo("NOTHING_CHANGED"));
        given().header("Authorization", DOLISA).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"x\",\"document\":" + small("T-LIFE-2").put("title", "khác") + "}")
                .post("/api/plans/T-LIFE/amendments").then().statusCode(422).body("errors.code", hasItem("CODE_IMMUTABLE"));

        // History: both versions readable, with who and why; the diff names what changed by key.
        given().header("Authorization", HEALTH).get("/api/plans/" + id + "/versions").then().statusCode(200)
                .body("number", contains(1, 2)).body("current", contains(false, true))
                .body("[1].reason", equalTo("Điều chỉnh sau sơ kết"))
                .body("[1].reference", equalTo("Quyết định số 12/QĐ-UBND ngày 05/3/2025"))
                .body("[1].createdBy", equalTo("dolisa.officer"));
        given().header("Authorization", HEALTH).get("/api/plans/" + id + "/versions/1").then().statusCode(200)
                .body("version", equalTo(1)).body("current", equalTo(false))
                .body("objectives[0].targets[0].measures[0].targetValue", equalTo(18));
        given().header("Authorization", HEALTH).get("/api/plans/" + id + "/versions/3").then().statusCode(404);
        var diff = given().header("Authorization", HEALTH).get("/api/plans/" + id + "/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2)).extract().jsonPath();
        List<Map<String, Object>> changes = diff.getList("changes");
        assertTrue(changes.stream().anyMatch(c -> c.get("path").equals("objectives[O1].targets[O1-T1].measures[O1-T1-M1].targetValue")
                && c.get("change").equals("CHANGED") && c.get("before").equals(18) && c.get("after").equals(17)), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.get("path").equals("objectives[O1].targets[O1-T2].measures[O1-T2-M2]")
                && c.get("change").equals("ADDED")), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> c.get("path").equals("reportingRules[R2]") && c.get("change").equals("ADDED")));
        assertEquals(3, changes.size(), changes.toString());
        given().header("Authorization", HEALTH).queryParam("from", 2).queryParam("to", 1).get("/api/plans/" + id + "/diff")
                .then().statusCode(200).body("changes.change", hasItem("REMOVED"));
        given().header("Authorization", HEALTH).queryParam("from", 7).get("/api/plans/" + id + "/diff").then().statusCode(404);

        // Close; a closed plan is not amended; every step is in the history and announced to reporting.
        given().header("Authorization", DOLISA).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"Hết giai đoạn\"}").post("/api/plans/T-LIFE/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedAt", notNullValue());
        given().header("Authorization", DOLISA).header("If-Match", "\"3\"").contentType(ContentType.JSON).body(body)
                .post("/api/plans/T-LIFE/amendments").then().statusCode(409).body("code", equalTo("PLAN_CLOSED"));
        given().header("Authorization", DOLISA).header("If-Match", "\"3\"").contentType(ContentType.JSON).body("{}")
                .post("/api/plans/T-LIFE/close").then().statusCode(409).body("code", equalTo("PLAN_CLOSED"));
        given().header("Authorization", AUDITOR).get("/api/plans/T-LIFE/history").then().statusCode(200)
                .body("action", contains("CREATED", "ISSUED", "AMENDED", "CLOSED")).body("version", contains(1, 1, 2, 2))
                .body("[2].detail", equalTo("Điều chỉnh sau sơ kết")).body("[3].detail", equalTo("Hết giai đoạn"));
        given().header("Authorization", AUDITOR).get("/api/plans/T-LIFE/events").then().statusCode(200)
                .body("idempotencyKey", contains("plan-" + id + "-v1-ISSUED", "plan-" + id + "-v2-AMENDED", "plan-" + id + "-v2-CLOSED"));
    }

    @Test
    void aChildPlanIsIssuedAfterItsParent() {
        create(DOLISA, small("T-PARENT"));
        create(DOLISA, small("T-CHILD").put("parentPlan", "T-PARENT").put("periodFrom", 2025).put("periodTo", 2025));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                .post("/api/plans/T-CHILD/issue").then().statusCode(409).body("code", equalTo("PARENT_NOT_ISSUED"));
        issue(DOLISA, "T-PARENT");
        issue(DOLISA, "T-CHILD");
        // A child's period lies within its parent's, and the tree cannot loop.
        given().header("Authorization", DOLISA).contentType(ContentType.JSON)
                .body(small("T-CHILD-WIDE").put("parentPlan", "T-PARENT").put("periodTo", 2026).toString())
                .post("/api/plans").then().statusCode(422).body("errors.code", hasItem("PERIOD_OUTSIDE_PARENT"));
        create(DOLISA, small("T-LOOP-A"));
        create(DOLISA, small("T-LOOP-B").put("parentPlan", "T-LOOP-A"));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(small("T-LOOP-A").put("parentPlan", "T-LOOP-B").toString())
                .put("/api/plans/T-LOOP-A").then().statusCode(422).body("errors.code", hasItem("PARENT_CYCLE"));
        given().header("Authorization", DOLISA).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(small("T-LOOP-A").put("parentPlan", "T-LOOP-A").toString())
                .put("/api/plans/T-LOOP-A").then().statusCode(422).body("errors.code", hasItem("PARENT_IS_SELF"));
        given().header("Authorization", DOLISA).get("/api/plans/T-PARENT/tree").then().statusCode(200)
                .body("ancestors", Matchers.empty()).body("children.code", contains("T-CHILD"));
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchIgnoresDiacriticsFiltersAndPagesStably() {
        create(DOLISA, small("T-SEARCH-1").put("title", "Kế hoạch Tháng hành động vì bình đẳng giới 2024").put("kind", "ACTION_MONTH_PLAN"));
        create(DOLISA, small("T-SEARCH-2").put("title", "Kế hoạch Tháng hành động vì bình đẳng giới 2025").put("kind", "ACTION_MONTH_PLAN")
                .put("periodFrom", 2025));
        for (String q : List.of("binh dang gioi thang hanh dong", "BÌNH ĐẲNG GIỚI tháng hành động", "Binh Dang  Gioi, thang-hanh-dong")) {
            given().header("Authorization", DOLISA).queryParam("q", q).queryParam("kind", "ACTION_MONTH_PLAN").get("/api/plans")
                    .then().statusCode(200).body("total", equalTo(2))
                    .body("items.code", contains("T-SEARCH-2", "T-SEARCH-1"));
        }
        given().header("Authorization", DOLISA).queryParam("q", "dang gioi").queryParam("kind", "ACTION_MONTH_PLAN").queryParam("year", 2024)
                .get("/api/plans").then().statusCode(200).body("items.code", contains("T-SEARCH-1"));
        // đ folds to d: the seed 003 target text "Đưa nội dung về giới" is found by "dua noi dung ve gioi".
        given().header("Authorization", DOLISA).queryParam("q", "dua noi dung ve gioi").get("/api/plans").then().statusCode(200)
                .body("items.code", hasItem(TestData.TTH_2021));
        given().header("Authorization", AUDITOR).queryParam("unit", "VN-42").get("/api/plans").then().statusCode(200)
                .body("items.code", contains("HTI-1458-UBND-VX1-2020"));
        given().header("Authorization", AUDITOR).queryParam("agency", "TTH-EMC").get("/api/plans").then().statusCode(200)
                .body("items.code", contains("TTH-34-KH-UBND-2018"));
        given().header("Authorization", AUDITOR).queryParam("status", "ISSUED").queryParam("size", 500).get("/api/plans").then().statusCode(200)
                .body("items.status", everyItem(equalTo("ISSUED"))).body("items.code", hasItem(TestData.TTH_2021))
                .body("items.code", not(hasItem("HNI-BDG-2018")));
        given().header("Authorization", AUDITOR).queryParam("kind", "OFFICIAL_LETTER").get("/api/plans").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("OFFICIAL_LETTER")));
        // Pages: stable order (newest period first, then id), totals across pages, no overlap.
        int total = given().header("Authorization", AUDITOR).queryParam("size", 500).get("/api/plans").then().extract().path("total");
        List<Integer> first = given().header("Authorization", AUDITOR).queryParam("size", 3).queryParam("page", 0).get("/api/plans")
                .then().statusCode(200).body("total", equalTo(total)).body("page", equalTo(0)).extract().path("items.id");
        List<Integer> second = given().header("Authorization", AUDITOR).queryParam("size", 3).queryParam("page", 1).get("/api/plans")
                .then().statusCode(200).body("total", equalTo(total)).extract().path("items.id");
        assertEquals(3, first.size());
        assertTrue(second.stream().noneMatch(first::contains));
        assertEquals(first, given().header("Authorization", AUDITOR).queryParam("size", 3).get("/api/plans").then().extract().path("items.id"));
        // Visibility applies to search: Quang Ngai's plan manager sees no Thua Thien Hue drafts.
        given().header("Authorization", QNG).queryParam("size", 500).get("/api/plans").then().statusCode(200)
                .body("items.unitCode", everyItem(in(List.of("VN-51", "VN-51-STI"))));
    }

    // ------------------------------------------------------------------ my targets

    @Test
    void everyAgencySeesItsTargetsAcrossIssuedPlans() {
        given().header("Authorization", HEALTH).get("/api/plans/my-targets").then().statusCode(200)
                .body("findAll { it.planCode == 'TTH-BDG-2021-2025' }.targetKey", contains("O4-T1", "O4-T2", "O4-T3", "O4-T4"))
                .body("find { it.targetKey == 'O4-T3' }.measures[0].baselineValue", equalTo(23))
                .body("find { it.targetKey == 'O4-T3' }.objectiveLabel", equalTo("d) Mục tiêu 4"))
                .body("heldVia", everyItem(nullValue()));
        given().header("Authorization", TestTokens.bearer("culture.reporter", "TTH-DCS", "reporter")).get("/api/plans/my-targets")
                .then().statusCode(200)
                .body("findAll { it.planCode == 'TTH-BDG-2021-2025' }.targetKey", contains("O3-T2"))
                .body("find { it.targetKey == 'O3-T2' }.measures.size()", equalTo(2))
                .body("find { it.targetKey == 'O3-T2' }.scope", equalTo("số liệu về bạo lực gia đình"));
        given().header("Authorization", TestTokens.bearer("stats.officer", "TTH-STATS", "reporter", "stats-pusher"))
                .queryParam("year", 2025).get("/api/plans/my-targets").then().statusCode(200)
                .body("findAll { it.planCode == 'TTH-BDG-2021-2025' }.targetKey", contains("O3-T1", "O5-T4"));
        given().header("Authorization", TestTokens.bearer("stats.officer", "TTH-STATS", "reporter")).queryParam("year", 2019)
                .get("/api/plans/my-targets").then().statusCode(200).body("planCode", not(hasItem(TestData.TTH_2021)));
        // Others' targets: auditors, admins and services only.
        given().header("Authorization", HEALTH).queryParam("agency", "TTH-DCS").get("/api/plans/my-targets").then().statusCode(403)
                .body("code", equalTo("NOT_YOUR_AGENCY"));
        given().header("Authorization", AUDITOR).queryParam("agency", "TTH-DOH").get("/api/plans/my-targets").then().statusCode(200)
                .body("responsibleAgency", everyItem(equalTo("TTH-DOH")));
        given().header("Authorization", AUDITOR).queryParam("agency", "NOPE-X").get("/api/plans/my-targets").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("noagency", null, "reporter")).get("/api/plans/my-targets").then().statusCode(403)
                .body("code", equalTo("NO_AGENCY"));
    }

    @Test
    void aSuccessorInheritsTheTargetsOfTheAgencyItReplaced() {
        for (String code : List.of("ZR-OLD", "ZR-NEW")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                    {"code":"%s","nameVi":"Cơ quan %s","nameEn":"Agency %s","kind":"PROVINCIAL_DEPARTMENT","unitCode":"VN-46","validFrom":"2010-01-01"}"""
                    .formatted(code, code, code)).post("/api/agencies").then().statusCode(201);
        }
        ObjectNode doc = small("T-HEIR");
        ((ObjectNode) doc.at("/objectives/0/targets/1/measures/0/responsibleAgencies/0")).put("agency", "ZR-OLD").put("scope", "toàn tỉnh");
        create(DOLISA, doc);
        issue(DOLISA, "T-HEIR");
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"validTo\":\"2025-02-28\",\"successors\":[\"ZR-NEW\"]}").post("/api/agencies/ZR-OLD/retirement").then().statusCode(200);
        String heir = TestTokens.bearer("heir", "ZR-NEW", "reporter");
        given().header("Authorization", heir).get("/api/plans/my-targets").then().statusCode(200)
                .body("targetKey", contains("O1-T2")).body("[0].heldVia", equalTo("ZR-OLD"))
                .body("[0].responsibleAgency", equalTo("ZR-OLD")).body("[0].scope", equalTo("toàn tỉnh"));
        // ... and reads the plan that names its predecessor.
        given().header("Authorization", heir).get("/api/plans/T-HEIR").then().statusCode(200);
    }

    // ------------------------------------------------------------------ public portal

    @Test
    void thePublicSeesIssuedPlansWithoutInternalNotes() {
        create(DOLISA, small("T-PUB-DRAFT"));
        create(DOLISA, small("T-PUB"));
        issue(DOLISA, "T-PUB");
        given().queryParam("size", 500).get("/api/public/plans").then().statusCode(200)
                .body("items.code", hasItems("T-PUB", TestData.TTH_2021)).body("items.code", not(hasItem("T-PUB-DRAFT")))
                .body("items.status", everyItem(in(List.of("ISSUED", "CLOSED"))));
        given().get("/api/public/plans/T-PUB").then().statusCode(200)
                .body("code", equalTo("T-PUB")).body("status", equalTo("ISSUED"))
                .body("objectives[0].targets[0].measures[0].indicatorCode", equalTo("ADOLESCENT_BIRTH_RATE"))
                .body("$", not(Matchers.hasKey("internalNote"))).body("$", not(Matchers.hasKey("revision")));
        given().get("/api/public/plans/" + TestData.TTH_2021).then().statusCode(200).body("objectives.size()", equalTo(6))
                .body("$", not(Matchers.hasKey("internalNote")));
        given().get("/api/public/plans/T-PUB-DRAFT").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("q", "binh dang gioi").queryParam("unit", "VN-46").get("/api/public/plans").then().statusCode(200)
                .body("items.code", hasItem(TestData.TTH_2021));
        given().queryParam("status", "DRAFT").get("/api/public/plans").then().statusCode(400).body("code", equalTo("INVALID_STATUS"));
        // A token, even a bad one, changes nothing on the public route.
        given().header("Authorization", HEALTH).get("/api/public/plans/T-PUB").then().statusCode(200);
        String draftId = String.valueOf(db.count("select id from plan where code = 'T-PUB-DRAFT'"));
        given().get("/api/public/plans/" + draftId).then().statusCode(404);
        assertNotEquals("0", draftId);
    }

    @Test
    void openApiDocumentsThePlanEndpointsWithSeedExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", Matchers.hasKey("/api/plans/{id}/amendments"))
                .body("paths", Matchers.hasKey("/api/public/plans/{id}"))
                .body("paths.'/api/plans'.post.summary", containsString("Import"))
                .body("components.schemas.Measure.examples[0].indicatorCode", equalTo("PRIMARY_COMPLETION_RATE"))
                .body("components.schemas.PlanDocument.examples[0].code", equalTo("TTH-BDG-2021-2025"))
                .body("components.schemas.Plan.properties", Matchers.hasKey("objectives"));
    }
}
