package vn.gems.e2e;

import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.cachedBearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Mass assignment: fields a caller may not set (ids, status/state, agency, approvedBy/acceptedBy, version,
 * timestamps, lateness, receivingAgency …) are never persisted.
 * <ul>
 *   <li>plans-service and reporting-service read JSON with {@code quarkus.jackson.fail-on-unknown-properties=true}:
 *       such a field is <b>rejected</b> with 400 problem {@code UNKNOWN_FIELD} naming it, and the object is unchanged
 *       (or not created). The same body without the field is accepted (the control), and reads back with the
 *       server-controlled values.</li>
 *   <li>indicators-service keeps Quarkus' default (unknown JSON fields are <b>ignored</b>): the write succeeds and a
 *       read-back shows the server's values (the caller's own agency, server ids, its user name), never the injected
 *       ones. Fields that are part of its inputs and name an agency ({@code source.agency}, {@code ?agency=}) are
 *       checked against the token (403). Rows of a pushed file are strict (UNKNOWN_FIELD).</li>
 * </ul>
 * Every 2xx answer is also checked against the published OpenAPI schema (no field outside it).
 */
@ExtendWith(E2eSuite.class)
class PropertyLevelE2eTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REVIEWER = "ma.doh.reviewer";

    /** Fields only the server sets, with what a caller would like them to be. */
    static final Map<String, Object> FORBIDDEN = forbidden();

    static Map<String, Object> forbidden() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", 999999);
        f.put("status", "ISSUED");
        f.put("state", "ACCEPTED");
        f.put("agency", "QNG-DOLISA");
        f.put("approvedBy", "mallory");
        f.put("acceptedBy", "mallory");
        f.put("createdBy", "mallory");
        f.put("version", 42);
        f.put("revision", 42);
        f.put("createdAt", "2000-01-01T00:00:00Z");
        f.put("submittedAt", "2000-01-01T00:00:00Z");
        f.put("late", false);
        f.put("daysLate", 0);
        f.put("receivingAgency", "QNG-DOLISA");
        return f;
    }

    static final Map<String, String> ids = new HashMap<>();
    static String run;

    /** One strict endpoint: who writes what where, and how its object reads back (status, ETag, body). */
    record Write(String user, String method, String path, String body, String readPath) {
    }

    static Response call(String user, String method, String path, String body, Map<String, String> headers) {
        RequestSpecification r = given().header("Authorization", cachedBearer(user)).headers(headers);
        if (body != null) {
            r.contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response res = r.request(method, gateway() + path);
        OpenApiResponses.assertMatchesSchema(method, path, res);
        return res;
    }

    static Response read(String user, String path) {
        return call(user, "GET", path, null, Map.of());
    }

    static String snapshot(String user, String path) {
        Response res = given().header("Authorization", cachedBearer(user)).get(gateway() + path);
        // A problem carries its request id: for an absent object the status is the whole story.
        return res.statusCode() >= 400 ? String.valueOf(res.statusCode()) : res.statusCode() + " " + res.header("ETag") + " " + res.asString();
    }

    static String with(String body, String field, Object value) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(body);
            n.set(field, JSON.valueToTree(value));
            return n.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String plan(String code) {
        return PlansE2eTest.unchecked(() -> PlansE2eTest.small(code).toString());
    }

    static String agency(String code, String name) {
        return """
                {"code":"%s","nameVi":"%s","nameEn":"Property-level test agency","kind":"OTHER","unitCode":"VN-46","validFrom":"2020-01-01"}"""
                .formatted(code, name);
    }

    @BeforeAll
    static void objects() throws Exception {
        KeycloakAdmin.ensureUser(REVIEWER, "TTH-DOH", List.of("reviewer"));
        run = Long.toString(System.nanoTime(), 36).toUpperCase();
        ids.put("draft", "MA-DRAFT-" + run);
        ids.put("issued", "MA-ISSUED-" + run);
        ids.put("agency", "MA-AG-" + run);
        for (String code : List.of(ids.get("draft"), ids.get("issued"))) {
            Response r = call("dolisa.officer", "POST", "/api/plans", plan(code), Map.of());
            assertEquals(201, r.statusCode(), r.asString());
            ids.put(code, r.jsonPath().getString("id"));
        }
        call("dolisa.officer", "POST", "/api/plans/" + ids.get("issued") + "/issue", "{}",
                Map.of("If-Match", PlansE2eTest.etag("dolisa.officer", ids.get("issued")))).then().statusCode(200);
        call("dolisa.officer", "POST", "/api/agencies", agency(ids.get("agency"), "Cơ quan kiểm thử"), Map.of()).then().statusCode(201);
        String obligations = "/api/reports/obligations?planId=" + ids.get(ids.get("issued"));
        E2eSuite.await("obligations of the issued plan", Duration.ofSeconds(90), () -> read("health.reporter", obligations)
                .jsonPath().getList("items.period").containsAll(List.of("2025", "2026")));
        JsonPath items = read("health.reporter", obligations).jsonPath();
        ids.put("o2025", items.getString("items.find { it.period == '2025' }.id"));
    }

    static final String CONTENT = BolaE2eTest.CONTENT;

    /** The strict endpoints, each with a body that is valid without the injected field. */
    static List<Write> strictWrites() {
        String draft = "/api/plans/" + ids.get("draft");
        String ag = "/api/agencies/" + ids.get("agency");
        String newPlan = "MA-NEW-" + run;
        String newAgency = "MA-NEW-" + run;
        List<Write> w = new ArrayList<>();
        w.add(new Write("dolisa.officer", "POST", "/api/plans", plan(newPlan), "/api/plans/" + newPlan));
        w.add(new Write("dolisa.officer", "PUT", draft, plan(ids.get("draft")), draft));
        w.add(new Write("dolisa.officer", "POST", draft + "/issue", "{\"documentNumber\":\"01/KH-UBND\"}", draft));
        w.add(new Write("dolisa.officer", "POST", "/api/plans/" + ids.get("issued") + "/close", "{\"reason\":\"kết thúc\"}",
                "/api/plans/" + ids.get("issued")));
        w.add(new Write("dolisa.officer", "POST", "/api/plans/" + ids.get("issued") + "/amendments",
                "{\"reason\":\"điều chỉnh\",\"document\":" + plan(ids.get("issued")).replace("giảm từ 23 xuống 18", "giảm từ 23 xuống 17") + "}",
                "/api/plans/" + ids.get("issued")));
        w.add(new Write("dolisa.officer", "POST", "/api/agencies", agency(newAgency, "Cơ quan mới"), "/api/agencies/" + newAgency));
        w.add(new Write("dolisa.officer", "PUT", ag, agency(ids.get("agency"), "Cơ quan đổi tên"), ag));
        w.add(new Write("dolisa.officer", "POST", ag + "/retirement", "{\"validTo\":\"2030-12-31\",\"successors\":[\"TTH-DOLISA\"]}", ag));
        w.add(new Write("health.reporter", "POST", "/api/reports/obligations/" + ids.get("o2025") + "/report", CONTENT,
                "/api/reports/obligations/" + ids.get("o2025")));
        w.add(new Write("health.reporter", "POST", "/api/reports/submissions",
                "{\"planCode\":\"" + ids.get("issued") + "\",\"ruleKey\":\"R1\",\"period\":\"2026\",\"content\":" + CONTENT + "}",
                "/api/reports/obligations?planId=" + ids.get(ids.get("issued")) + "&period=2026"));
        return w;
    }

    @TestFactory
    Stream<DynamicTest> serverFieldsAreRejectedByPlansAndReporting() {
        return strictWrites().stream().flatMap(w -> FORBIDDEN.entrySet().stream().map(f -> DynamicTest.dynamicTest(
                w.method() + " " + w.path() + " with \"" + f.getKey() + "\" → 400 UNKNOWN_FIELD, nothing persisted", () -> {
                    String before = snapshot(w.user(), w.readPath());
                    Map<String, String> headers = new HashMap<>();
                    String etag = given().header("Authorization", cachedBearer(w.user())).get(gateway() + w.readPath()).header("ETag");
                    if (etag != null) {
                        headers.put("If-Match", etag);
                    }
                    Response res = call(w.user(), w.method(), w.path(), with(w.body(), f.getKey(), f.getValue()), headers);
                    assertEquals(400, res.statusCode(), res.asString());
                    assertTrue(res.contentType().startsWith("application/problem+json"));
                    assertEquals("UNKNOWN_FIELD", res.jsonPath().getString("code"));
                    assertEquals(f.getKey(), res.jsonPath().getString("errors[0].field"), res.asString());
                    assertEquals(before, snapshot(w.user(), w.readPath()), "nothing persisted");
                })));
    }

    @Test
    void nestedServerFieldsAreRejectedToo() {
        // A value row of a report claiming its own review, and a measure naming who approved it.
        String content = CONTENT.replace("\"value\":20}", "\"value\":20,\"acceptedBy\":\"mallory\"}");
        Response res = call("health.reporter", "PUT", "/api/reports/submissions/0", content, Map.of("If-Match", "\"0\""));
        assertEquals(400, res.statusCode(), res.asString());
        assertEquals("values[0].acceptedBy", res.jsonPath().getString("errors[0].field"));
        String doc = plan(ids.get("draft")).replace("\"targetYear\":2026", "\"targetYear\":2026,\"approvedBy\":\"mallory\"");
        res = call("dolisa.officer", "PUT", "/api/plans/" + ids.get("draft"), doc,
                Map.of("If-Match", PlansE2eTest.etag("dolisa.officer", ids.get("draft"))));
        assertEquals(400, res.statusCode(), res.asString());
        assertTrue(res.jsonPath().getString("errors[0].field").endsWith("measures[0].approvedBy"), res.asString());
    }

    @Test
    void withoutThemTheSameWritesSucceedWithServerValues() {
        // Controls: the bodies the 400s were built from are accepted, and what the server controls is the server's.
        String code = "MA-CONTROL-" + run;
        Response plan = call("dolisa.officer", "POST", "/api/plans", plan(code), Map.of());
        assertEquals(201, plan.statusCode(), plan.asString());
        assertEquals("DRAFT", plan.jsonPath().getString("status"));
        assertEquals(1, plan.jsonPath().getInt("version"));
        assertNotEquals(999999, plan.jsonPath().getLong("id"));
        call("dolisa.officer", "POST", "/api/agencies", agency("MA-CONTROL-" + run, "Cơ quan đối chứng"), Map.of()).then().statusCode(201);

        Response started = call("health.reporter", "POST", "/api/reports/obligations/" + ids.get("o2025") + "/report", CONTENT, Map.of());
        assertEquals(201, started.statusCode(), started.asString());
        JsonPath r = started.jsonPath();
        assertEquals("DRAFT", r.getString("state"));
        assertEquals("TTH-DOH", r.getString("agency"));
        assertEquals("TTH-DOLISA", r.getString("receivingAgency"));
        assertNull(r.get("firstSubmittedAt"));
        assertNull(r.get("acceptedVersionNo"));
        String report = "/api/reports/submissions/" + r.getString("id");
        // The report's own writes: PUT and (once submitted) the review refuse server fields as well.
        for (Map.Entry<String, Object> f : FORBIDDEN.entrySet()) {
            String before = snapshot("health.reporter", report);
            Response put = call("health.reporter", "PUT", report, with(CONTENT, f.getKey(), f.getValue()),
                    Map.of("If-Match", started.header("ETag")));
            assertEquals(400, put.statusCode(), put.asString());
            assertEquals(f.getKey(), put.jsonPath().getString("errors[0].field"));
            assertEquals(before, snapshot("health.reporter", report));
        }
        call("health.reporter", "POST", report + "/submit", null, Map.of()).then().statusCode(200);
        for (String action : List.of("/return", "/accept")) {
            for (Map.Entry<String, Object> f : FORBIDDEN.entrySet()) {
                String before = snapshot("dolisa.officer", report);
                Response review = call("dolisa.officer", "POST", report + action, with("{\"summary\":\"xem xét\"}", f.getKey(), f.getValue()),
                        Map.of("If-Match", given().header("Authorization", cachedBearer("dolisa.officer")).get(gateway() + report).header("ETag")));
                assertEquals(400, review.statusCode(), review.asString());
                assertEquals(f.getKey(), review.jsonPath().getString("errors[0].field"));
                assertEquals(before, snapshot("dolisa.officer", report));
            }
        }
        JsonPath after = read("health.reporter", report).jsonPath();
        assertEquals("SUBMITTED", after.getString("state"));
        assertEquals("TTH-DOH", after.getString("agency"));
        assertTrue(after.getBoolean("late"), "30/11/2025 has passed: the server says late, whatever was sent");
    }

    @Test
    void agencyFieldsThatArePartOfTheInputAreCheckedAgainstTheToken() {
        // A plan manager cannot author (or re-point) a plan for another agency.
        String code = "MA-OTHER-" + run;
        ObjectNode doc = PlansE2eTest.unchecked(() -> PlansE2eTest.small(code));
        doc.put("issuingAgency", "QNG-PC").put("leadAgency", "QNG-DOLISA").put("unitCode", "VN-51");
        call("dolisa.officer", "POST", "/api/plans", doc.toString(), Map.of()).then().statusCode(403).body("code", Matchers.equalTo("NOT_YOUR_PLAN"));
        assertEquals("404", snapshot("dolisa.officer", "/api/plans/" + code));
        String draft = "/api/plans/" + ids.get("draft");
        String before = snapshot("dolisa.officer", draft);
        ObjectNode moved = PlansE2eTest.unchecked(() -> PlansE2eTest.small(ids.get("draft"))).put("leadAgency", "QNG-DOLISA").put("issuingAgency", "QNG-PC");
        call("dolisa.officer", "PUT", draft, moved.toString(), Map.of("If-Match", PlansE2eTest.etag("dolisa.officer", ids.get("draft"))))
                .then().statusCode(403);
        assertEquals(before, snapshot("dolisa.officer", draft));
        // A plan manager registers agencies of its own unit only.
        String foreign = "MA-QNG-" + run;
        call("dolisa.officer", "POST", "/api/agencies", agency(foreign, "Cơ quan tỉnh khác").replace("VN-46", "VN-51"), Map.of())
                .then().statusCode(403);
        assertEquals("404", snapshot("dolisa.officer", "/api/agencies/" + foreign));
        // A report is filed for the caller's own agency: Education owes nothing under this plan.
        call("education.reporter", "POST", "/api/reports/submissions",
                "{\"planCode\":\"" + ids.get("issued") + "\",\"ruleKey\":\"R1\",\"period\":\"2026\",\"content\":" + CONTENT + "}", Map.of())
                .then().statusCode(404);
    }

    @Test
    void indicatorsServiceIgnoresServerFieldsAndKeepsItsOwn() {
        String path = "/api/values/ADOLESCENT_BIRTH_RATE/VN-46/2021";
        Instant start = Instant.now().minusSeconds(5);
        String injected = """
                {"value":19,"status":"FINAL","id":999999,"pushId":999999,"agency":"TTH-DOET","createdBy":"mallory","approvedBy":"mallory",
                 "createdAt":"2000-01-01T00:00:00Z","changed":false,"indicatorCode":"BIRTHS","unitCode":"VN-51","period":"2000"}""";
        Response put = call("health.reporter", "PUT", path, injected, Map.of());
        assertEquals(200, put.statusCode(), put.asString());
        assertTrue(put.jsonPath().getBoolean("changed"), "the server says what changed");
        assertNotEquals(999999L, put.jsonPath().getLong("pushId"));
        Response back = read("health.reporter", path);
        assertEquals(200, back.statusCode());
        assertNoneInjected(back.asString());
        assertEquals("TTH-DOH", back.jsonPath().getString("source.agency"));
        assertEquals("ADOLESCENT_BIRTH_RATE", back.jsonPath().getString("indicatorCode"));
        assertEquals("VN-46", back.jsonPath().getString("unitCode"));
        assertEquals(put.jsonPath().getLong("pushId"), back.jsonPath().getLong("source.pushId"));
        Response push = read("health.reporter", "/api/values/pushes/" + put.jsonPath().getLong("pushId"));
        assertNoneInjected(push.asString());
        assertEquals("health.reporter", push.jsonPath().getString("createdBy"));
        assertTrue(Instant.parse(push.jsonPath().getString("createdAt")).isAfter(start), push.asString());

        // source.agency is an input, checked against the token; source.kind REPORT is reporting-service's only.
        String before = snapshot("health.reporter", path);
        call("health.reporter", "PUT", path, "{\"value\":25,\"source\":{\"kind\":\"MANUAL\",\"agency\":\"TTH-DOET\"}}", Map.of())
                .then().statusCode(403).body("code", Matchers.equalTo("SOURCE_AGENCY_MISMATCH"));
        call("health.reporter", "PUT", path, "{\"value\":25,\"source\":{\"kind\":\"REPORT\",\"reference\":\"submission:1:v1\"}}", Map.of())
                .then().statusCode(403).body("code", Matchers.equalTo("SOURCE_KIND_NOT_ALLOWED"));
        assertEquals(before, snapshot("health.reporter", path));

        // A batch: unknown fields at the top and in rows are ignored; what is stored is the caller's.
        Response batch = call("health.reporter", "POST", "/api/values/batch", """
                {"source":{"kind":"MANUAL","reference":"ma-batch"},"agency":"TTH-DOET","acceptedBy":"mallory","id":999999,
                 "values":[{"indicatorCode":"ADOLESCENT_BIRTH_RATE","unitCode":"VN-46","period":"2020","value":18,"status":"FINAL",
                            "id":999999,"agency":"TTH-DOET","createdBy":"mallory","createdAt":"2000-01-01T00:00:00Z"}]}""", Map.of());
        assertEquals(200, batch.statusCode(), batch.asString());
        Response v2020 = read("health.reporter", "/api/values/ADOLESCENT_BIRTH_RATE/VN-46/2020");
        assertNoneInjected(v2020.asString());
        assertEquals("TTH-DOH", v2020.jsonPath().getString("source.agency"));

        // A push may not name another agency, and a pushed row is strict about its fields.
        given().header("Authorization", cachedBearer("health.reporter")).contentType("text/csv")
                .body("indicator,unit,period,value\nADOLESCENT_BIRTH_RATE,VN-46,2019,17\n")
                .post(gateway() + "/api/values/pushes?agency=TTH-DOET").then().statusCode(403);
        Response row = given().header("Authorization", cachedBearer("health.reporter")).contentType("application/x-ndjson")
                .body("{\"indicatorCode\":\"ADOLESCENT_BIRTH_RATE\",\"unitCode\":\"VN-46\",\"period\":\"2019\",\"value\":17,\"agency\":\"TTH-DOET\"}\n".getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/values/pushes");
        assertEquals(422, row.statusCode(), row.asString());
        assertTrue(row.jsonPath().getList("errors.code").contains("UNKNOWN_FIELD"), row.asString());
        assertEquals("404", snapshot("health.reporter", "/api/values/ADOLESCENT_BIRTH_RATE/VN-46/2019"));
    }

    @Test
    void publicationsUnitsAndIndicatorsKeepTheirServerFields() {
        Instant start = Instant.now().minusSeconds(5);
        Response pub = call(REVIEWER, "POST", "/api/values/publications", """
                {"indicator":"ADOLESCENT_BIRTH_RATE","period":"2021","unit":"VN-46","id":999999,"publishedBy":"mallory",
                 "publishedAgency":"TTH-DOET","publishedAt":"2000-01-01T00:00:00Z"}""", Map.of());
        assertEquals(201, pub.statusCode(), pub.asString());
        List<Map<String, Object>> listed = read(REVIEWER, "/api/values/publications?indicator=ADOLESCENT_BIRTH_RATE&period=2021").jsonPath().getList("$");
        assertEquals(1, listed.size(), String.valueOf(listed));
        Map<String, Object> p = listed.get(0);
        assertNotEquals(999999, ((Number) p.get("id")).intValue());
        assertEquals(REVIEWER, p.get("publishedBy"));
        assertEquals("TTH-DOH", p.get("publishedAgency"));
        assertTrue(Instant.parse((String) p.get("publishedAt")).isAfter(start), String.valueOf(p));

        // Under a province of its own: a commune added to Huế would change the territory other classes count.
        String province = "VN-MA" + run;
        assertEquals(201, call("gems.admin", "POST", "/api/units", """
                {"code":"%s","nameVi":"Tỉnh kiểm thử","nameEn":"Test province","level":"PROVINCE","parentCode":"VN","validFrom":"2000-01-01"}"""
                .formatted(province), Map.of()).statusCode());
        String unit = province + "-A";
        Response u = call("gems.admin", "POST", "/api/units", """
                {"code":"%s","nameVi":"Xã kiểm thử","nameEn":"Test commune","level":"COMMUNE","parentCode":"%s","validFrom":"2020-01-01",
                 "id":999999,"version":42,"active":false,"successors":["VN-51"],"predecessors":["VN-42"],
                 "names":[{"nameVi":"Tên giả","nameEn":"Forged","validFrom":"1900-01-01"}]}""".formatted(unit, province), Map.of());
        assertEquals(201, u.statusCode(), u.asString());
        JsonPath unitBack = read("gems.admin", "/api/units/" + unit).jsonPath();
        assertEquals(List.of(), unitBack.getList("successors"));
        assertEquals(List.of(), unitBack.getList("predecessors"));
        assertEquals(List.of("Xã kiểm thử"), unitBack.getList("names.nameVi"));
        assertTrue(unitBack.getBoolean("active"));
        assertNotEquals(42, unitBack.getLong("version"));

        String indicator = "MA_RATE_" + run;
        Response ind = call("gems.admin", "POST", "/api/indicators", """
                {"code":"%s","nameVi":"Chỉ số kiểm thử","nameEn":"Test rate","unit":"PER_1000","subject":"WOMEN","bySex":false,
                 "dimensions":[],"aggregation":"RATIO","numeratorVi":"Tử số","numeratorEn":"Numerator","denominatorVi":"Mẫu số",
                 "denominatorEn":"Denominator","direction":"LOWER","periodicity":"ANNUAL","supplierSectors":["HEALTH"],
                 "id":999999,"version":42,"multiplier":7,"hasValues":true}""".formatted(indicator), Map.of());
        assertEquals(201, ind.statusCode(), ind.asString());
        JsonPath indBack = read("gems.admin", "/api/indicators/" + indicator).jsonPath();
        assertEquals(1000, indBack.getInt("multiplier"), "the multiplier follows the unit, not the caller");
        assertNotEquals(42, indBack.getLong("version"));
    }

    @Test
    void theSchemaCheckCatchesAnUndeclaredField() {
        // Positive control for every assertMatchesSchema above: one extra field in a real answer is reported.
        String path = "/api/agencies/" + ids.get("agency");
        Response res = read("dolisa.officer", path);
        String tampered = with(res.asString(), "approvedBy", "mallory");
        ValidationReport report = OpenApiResponses.validate("GET", path, 200, "application/json", tampered);
        assertTrue(report.hasErrors(), "an undeclared field must be reported");
        assertFalse(OpenApiResponses.validate("GET", path, 200, "application/json", res.asString()).hasErrors());
    }

    private static void assertNoneInjected(String body) {
        for (String s : List.of("mallory", "999999", "2000-01-01", "TTH-DOET")) {
            assertFalse(body.contains(s), () -> "injected " + s + " persisted: " + body);
        }
    }
}
