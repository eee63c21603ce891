package vn.gems.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Objects the matrix rows refer to ({placeholders} in paths and bodies), created once before the matrix runs
 * by the demo users of TTH-DOLISA (the matrix roles' agency), and the headers writes need: If-Match with the
 * target's current ETag (read just before the request) and a fresh Idempotency-Key.
 */
final class MatrixFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> values = new HashMap<>();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    /** Actions whose If-Match is the ETag of the object they act on (the path without its last segment). */
    private static final List<String> ACTIONS = List.of("/retirement", "/issue", "/close", "/amendments", "/submit",
            "/return", "/accept", "/extension", "/withdraw");

    private MatrixFixtures() {
    }

    static void prepare() throws Exception {
        String admin = E2eSuite.bearer("gems.admin");
        String dolisa = E2eSuite.bearer("dolisa.officer");
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();

        values.put("agency", "MATRIX-" + suffix);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","nameVi":"Cơ quan kiểm thử","nameEn":"Matrix agency","kind":"OTHER",
                         "unitCode":"VN-46","validFrom":"2020-01-01"}""".formatted(values.get("agency")))
                .post(url("/api/agencies")).then().statusCode(201);

        // Plans led by TTH-DOLISA (seed 003's document under fresh codes): one issued, one to edit/issue/close, one to delete.
        ObjectNode seed = (ObjectNode) JSON.readTree(Path.of(System.getProperty("gems.root", "../.."),
                "deploy/demo/plans/tth-2021-2025.json").toFile());
        // The receiving agency never owes itself a report (issue 13): DOLISA's own reports are R20's, to the People's Committee.
        ((ArrayNode) seed.get("reportingRules")).addObject().put("key", "R20").put("kind", "ANNUAL").put("title", "Báo cáo của Sở gửi UBND tỉnh")
                .put("dueDay", 15).put("dueMonth", 12).put("fromYear", 2021).put("toYear", 2025).put("receivingAgency", "TTH-PC")
                .put("coverage", "NARRATIVE_ONLY").putObject("submitters").put("mode", "EXPLICIT").putArray("agencies").add("TTH-DOLISA");
        values.put("planDocument", seed.deepCopy().put("code", "MX-{unique}").toString());
        String planCode = "MX-ISSUED-" + suffix;
        values.put("planCode", planCode);
        values.put("plan", createPlan(dolisa, seed.deepCopy().put("code", planCode)));
        given().header("Authorization", dolisa).header("If-Match", etag(dolisa, "/api/plans/" + values.get("plan")))
                .contentType(ContentType.JSON).body("{}").post(url("/api/plans/" + values.get("plan") + "/issue"))
                .then().statusCode(200);
        values.put("issuedDocument", seed.deepCopy().put("code", planCode).toString());
        values.put("draftDocument", seed.deepCopy().put("code", "MX-DRAFT-" + suffix).toString());
        values.put("draftPlan", createPlan(dolisa, seed.deepCopy().put("code", "MX-DRAFT-" + suffix)));
        values.put("deletablePlan", createPlan(dolisa, seed.deepCopy().put("code", "MX-DELETE-" + suffix)));

        // Reference data written by the rows, and the indicator every value row writes: the matrix's own, so that no
        // figure of the demo data (which other classes push as other agencies) ever belongs to TTH-DOLISA.
        values.put("indicator", "MX_" + suffix);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                {"code":"%s","nameVi":"Chỉ số kiểm thử","nameEn":"Matrix indicator","unit":"COUNT","subject":"PERSONS",
                 "bySex":true,"dimensions":[],"aggregation":"SUM","direction":"HIGHER","periodicity":"ANNUAL",
                 "supplierSectors":["LABOUR"]}""".formatted(values.get("indicator")))
                .post(url("/api/indicators")).then().statusCode(201);
        values.put("event", given().header("Authorization", admin).get(url("/api/unit-events")).then().statusCode(200)
                .extract().jsonPath().getString("[0].id"));

        // A push and a publication of TTH-DOLISA (LABOUR supplier for VN-46).
        Response push = given().header("Authorization", admin).header("Idempotency-Key", "matrix-push-" + suffix)
                .contentType("text/csv").body("indicator,unit,period,sex,value,numerator,denominator,status\n"
                        + values.get("indicator") + ",VN-46,2023,FEMALE,1200,,,FINAL\n" + values.get("indicator") + ",VN-46,2023,MALE,1300,,,FINAL\n")
                .post(url("/api/values/pushes"));
        values.put("push", push.then().extract().jsonPath().getString("id"));
        assertEquals(true, push.statusCode() == 200 || push.statusCode() == 201 || push.statusCode() == 202, push.asString());
        values.put("publication", given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"indicator\":\"" + values.get("indicator") + "\",\"period\":\"2023\",\"unit\":\"VN-46\"}")
                .post(url("/api/values/publications")).then().statusCode(201).extract().jsonPath().getString("id"));

        // Reporting: TTH-DOLISA's own annual reports under the issued plan (R20, to the People's Committee), and what it
        // receives: TTH-DOH's obligations, one of them with a submitted report to review.
        E2eSuite.await("obligations of the matrix plan", Duration.ofSeconds(90), () -> given().header("Authorization", dolisa)
                .get(url("/api/reports/obligations?planId=" + values.get("plan") + "&size=500")).then().extract().jsonPath()
                .getList("items.findAll { it.agency == 'TTH-DOLISA' && it.ruleKey == 'R20' }").size() >= 3);
        JsonPath obligations = given().header("Authorization", dolisa)
                .get(url("/api/reports/obligations?planId=" + values.get("plan") + "&size=500")).then().extract().jsonPath();
        values.put("obligation", obligations.getString("items.find { it.agency == 'TTH-DOLISA' && it.ruleKey == 'R20' && it.period == '2025' }.id"));
        String reportObligation = obligations.getString("items.find { it.agency == 'TTH-DOLISA' && it.ruleKey == 'R20' && it.period == '2024' }.id");
        String health = E2eSuite.bearer("health.reporter");
        JsonPath received = given().header("Authorization", health)
                .get(url("/api/reports/obligations?planId=" + values.get("plan") + "&size=500")).then().statusCode(200).extract().jsonPath();
        values.put("receivedObligation", received.getString("items.find { it.ruleKey == 'R2' && it.period == '2025' }.id"));
        String ownPlan = received.getString("items.find { it.ruleKey == 'R1' }.id");
        values.put("receivedReport", given().header("Authorization", health).contentType(ContentType.JSON)
                .body("{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Kế hoạch của Sở Y tế (kiểm thử ma trận quyền).\"}]}")
                .post(url("/api/reports/obligations/" + ownPlan + "/report")).then().statusCode(201).extract().jsonPath().getString("id"));
        given().header("Authorization", health).post(url("/api/reports/submissions/" + values.get("receivedReport") + "/submit"))
                .then().statusCode(200);
        values.put("report", given().header("Authorization", dolisa).contentType(ContentType.JSON).body("{}")
                .post(url("/api/reports/obligations/" + reportObligation + "/report")).then().statusCode(201)
                .extract().jsonPath().getString("id"));
        values.put("attachment", given().header("Authorization", dolisa).contentType("text/plain")
                .body("Biên bản kiểm thử".getBytes(StandardCharsets.UTF_8))
                .post(url("/api/reports/submissions/" + values.get("report") + "/attachments?filename=evidence.txt"))
                .then().statusCode(201).extract().jsonPath().getString("id"));
        String location = given().header("Authorization", dolisa)
                .post(url("/api/reports/plans/" + values.get("plan") + "/consolidation/publication?period=2025"))
                .then().statusCode(201).extract().header("Location");
        values.put("consolidation", location.substring(location.lastIndexOf('/') + 1));

        // On-request reports: an issued plan with a thematic rule on request received by TTH-DOLISA, and one request under it.
        ObjectNode onRequest = seed.deepCopy().put("code", "MX-REQ-" + suffix);
        onRequest.withArray("reportingRules").add(JSON.readTree("""
                {"key":"R21","kind":"THEMATIC","submitters":{"mode":"EXPLICIT","agencies":["TTH-DOH","TTH-DOET"]},
                 "receivingAgency":"TTH-DOLISA","coverage":"NARRATIVE_ONLY"}"""));
        values.put("requestPlan", createPlan(dolisa, onRequest));
        given().header("Authorization", dolisa).header("If-Match", etag(dolisa, "/api/plans/" + values.get("requestPlan")))
                .contentType(ContentType.JSON).body("{}").post(url("/api/plans/" + values.get("requestPlan") + "/issue"))
                .then().statusCode(200);
        values.put("requestDue", LocalDate.now().plusDays(60).toString());
        E2eSuite.await("the matrix request plan in reporting-service", Duration.ofSeconds(90), () -> given().header("Authorization", dolisa)
                .contentType(ContentType.JSON).body(fill("""
                        {"planId":{requestPlan},"ruleKey":"R21","subject":"Chuyên đề kiểm thử","instructions":"Nêu kết quả.",
                         "dueDate":"{requestDue}","recipients":["TTH-DOH"]}""")).post(url("/api/reports/requests")).statusCode() == 201);
        values.put("request", given().header("Authorization", dolisa).get(url("/api/reports/requests?planId=" + values.get("requestPlan")))
                .then().statusCode(200).extract().jsonPath().getString("items[0].id"));
    }

    private static String createPlan(String auth, ObjectNode doc) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(doc.toString())
                .post(url("/api/plans")).then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static String etag(String auth, String path) {
        return given().header("Authorization", auth).get(url(path)).then().statusCode(200).extract().header("ETag");
    }

    private static String url(String path) {
        return E2eSuite.gateway() + path;
    }

    static String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * If-Match for updates and state changes (the target's current ETag, read with an admin token just before)
     * and a fresh Idempotency-Key for every POST, so that the only reason to refuse is the caller.
     */
    static Map<String, String> headersFor(String method, String path) {
        Map<String, String> h = new HashMap<>();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String target = null;
        if (method.equals("PUT") || method.equals("DELETE")) {
            target = bare;
        } else if (method.equals("POST")) {
            target = ACTIONS.stream().filter(bare::endsWith).findFirst()
                    .map(a -> bare.substring(0, bare.length() - a.length())).orElse(null);
            h.put("Idempotency-Key", "matrix-" + UUID.randomUUID());
        }
        if (target != null) {
            String etag = given().header("Authorization", E2eSuite.cachedBearer("gems.admin"))
                    .get(E2eSuite.gateway() + target).then().extract().header("ETag");
            if (etag != null) {
                h.put("If-Match", etag);
            }
        }
        return h;
    }

    static String serviceOf(String path) {
        if (path.startsWith("/api/indicators") || path.startsWith("/api/units") || path.startsWith("/api/unit-events") || path.startsWith("/api/unit-changes")
                || path.startsWith("/api/values") || path.startsWith("/api/public/values") || path.startsWith("/api/public/units")
                || path.startsWith("/api/public/indicators") || path.startsWith("/sdmx")) {
            return "indicators";
        }
        if (path.startsWith("/api/reports") || path.startsWith("/api/public/reports")) {
            return "reporting";
        }
        return "plans";
    }
}
