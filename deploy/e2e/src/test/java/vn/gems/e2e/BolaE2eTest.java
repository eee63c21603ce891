package vn.gems.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.e2e.ServiceDb.Table;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.cachedBearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Broken object-level authorisation, route by route: for every route with an object id in its path, a user of
 * <b>another agency</b> holding the role the route needs (so the agency is the only reason to refuse) is answered
 * 403 or 404 problem+json on agency B's objects, and every write attempt leaves the object (read by its owner:
 * body and ETag) and the owning tables (row count and md5 of every row, read over JDBC) exactly as they were.
 * <p>
 * Objects of agency B, created first: a draft and an issued plan of TTH-DOLISA, an agency of Thừa Thiên Huế,
 * the issued plan's obligations of TTH-DOH, a submitted report and a draft report of TTH-DOH with an attachment,
 * a value written by health.reporter (its batch is a push), a publication of a TTH-DOH reviewer.
 * <p>
 * One refusal is not a 403 by design: indicators-service refuses a value another agency owns (or an indicator the
 * writer's agency does not supply) as a row rule, 422 {@code OWNED_BY_OTHER_AGENCY} / {@code NOT_YOUR_INDICATOR},
 * like every other bad row of a batch (indicators-service README, "Access and the overwrite rule").
 * <p>
 * Routes shared by design (any authenticated user reads them) and routes reserved to a role that acts for every
 * agency (admin) are listed in {@link #SHARED_BY_DESIGN} and {@link #NOT_AGENCY_SCOPED} and in the README
 * ("Object- and property-level authorisation"); {@link #everyRouteWithAPathIdIsCoveredOrListed()} keeps the lists
 * complete against the published OpenAPI documents.
 */
@ExtendWith(E2eSuite.class)
class BolaE2eTest {

    /** Readable by every authenticated user (reference data, values), whichever agency owns them. */
    static final Set<String> SHARED_BY_DESIGN = Set.of(
            "GET /api/agencies/{code}", "GET /api/agencies/{code}/holders", "GET /api/agencies/{code}/predecessors",
            "GET /api/agencies/{code}/history", "GET /api/agencies/{code}/members",
            "GET /api/indicators/{code}",
            "GET /api/units/{code}", "GET /api/units/{code}/children", "GET /api/units/{code}/territory", "GET /api/unit-events/{id}",
            "GET /api/values/{indicator}/{unit}/{period}",
            "GET /api/public/plans/{id}", "GET /api/public/reports/consolidations/{id}",
            "GET /api/public/units/{code}",
            "GET /api/values/dhis2/mappings/{code}",
            // SDMX: published final values only, anonymous like /api/public ({agency} is the SDMX maintenance agency, GEMS)
            "GET /sdmx/2.1/{structure}/{agency}/{id}/{version}",
            "GET /sdmx/2.1/schema/dataflow/{agency}/{id}/{version}", "GET /sdmx/2.1/data/{flow}", "GET /sdmx/2.1/data/{flow}/{key}");

    /** Reserved to admins, who act for every agency: no agency to mismatch. */
    static final Set<String> NOT_AGENCY_SCOPED = Set.of(
            "PUT /api/indicators/{code}",
            "POST /api/units/{province}/import",
            "POST /api/reports/plans/{planId}/obligations/regeneration",
            "POST /api/reports/outbox/{id}/requeue", "POST /api/plans/outbox/{id}/requeue",
            "PUT /api/values/dhis2/mappings/{code}", "DELETE /api/values/dhis2/mappings/{code}");

    static final String QNG = "qng.officer";              // QNG-DOLISA: plan-manager, reviewer, reporter (another province)
    static final String DOH_PM = "bola.pm.doh";           // TTH-DOH plan manager (same province, another agency)
    static final String DOET = "education.reporter";      // TTH-DOET reporter
    static final String DOET_REVIEWER = "bola.doet.reviewer"; // TTH-DOET reviewer and reporter
    static final String STATS = "stats.officer";          // TTH-STATS stats-pusher, reporter
    static final String DOH_REVIEWER = "bola.doh.reviewer";   // TTH-DOH reviewer (publishes TTH-DOH's data set)

    static final String CONTENT = """
            {"sections":[{"kind":"RESULTS","text":"Tỷ suất sinh ở vị thành niên 20/1.000."}],
             "values":[{"measureKey":"O1-T1-M1","value":20}]}""";
    static final String VALUE = "/api/values/ADOLESCENT_BIRTH_RATE/VN-46/2022";

    static final Map<String, String> ids = new HashMap<>();

    static final List<Table> PLAN_TABLES = tables("plans", "plan", "plan_version", "plan_party", "plan_responsibility", "plan_history");
    static final List<Table> AGENCY_TABLES = tables("plans", "agency", "agency_successor", "agency_history", "agency_member");
    static final List<Table> VALUE_TABLES = tables("indicators", "indicator_value", "indicator_value_history", "value_push", "publication");
    static List<Table> reportTables() {
        List<Table> t = new ArrayList<>(List.of(new Table("reporting", "obligation", "plan_id = " + ids.get("planId"))));
        t.addAll(tables("reporting", "report", "report_version", "report_event", "attachment", "published_consolidation", "report_request"));
        return t;
    }

    /** An owner's read of the attacked object: status, ETag and body must not move. */
    record Read(String user, String path) {
        String snapshot() {
            RequestSpecification r = given();
            if (user != null) {
                r.header("Authorization", cachedBearer(user));
            }
            Response res = r.get(gateway() + path);
            assertTrue(res.statusCode() < 400, () -> "the owner reads " + path + ": " + res.statusCode() + " " + res.asString());
            return res.statusCode() + " ETag=" + res.header("ETag") + " " + res.asString();
        }
    }

    /**
     * One attempt: route (as the OpenAPI document names it), concrete path, attacker, body; for writes the owner's
     * read and the owning tables; the refusal expected (403/404 unless said otherwise, with a code when given).
     */
    record Case(String method, String template, String path, String attacker, String contentType, String body, Read ownerRead,
                List<Table> tables, Set<Integer> expected, Set<String> codes) {
        String name() {
            return method + " " + path + " as " + attacker + " → "
                    + String.join("/", expected.stream().map(String::valueOf).toList()) + (codes.isEmpty() ? "" : " " + codes);
        }

        boolean write() {
            return !method.equals("GET");
        }
    }

    static List<Table> tables(String service, String... names) {
        return Stream.of(names).map(n -> Table.of(service, n)).toList();
    }

    static String at(String template, String... kv) {
        String p = template;
        for (int i = 0; i < kv.length; i += 2) {
            p = p.replace("{" + kv[i] + "}", kv[i + 1]);
        }
        return p;
    }

    static Response call(String user, String method, String path, String contentType, String body, Map<String, String> headers) {
        RequestSpecification r = given().header("Authorization", cachedBearer(user)).headers(headers);
        if (body != null) {
            r.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return r.request(method, gateway() + path);
    }

    static String etag(String user, String path) {
        return given().header("Authorization", cachedBearer(user)).get(gateway() + path).then().statusCode(200).extract().header("ETag");
    }

    @BeforeAll
    static void objectsOfAgencyB() throws Exception {
        KeycloakAdmin.ensureUser(DOH_PM, "TTH-DOH", List.of("plan-manager"));
        KeycloakAdmin.ensureUser(DOET_REVIEWER, "TTH-DOET", List.of("reviewer", "reporter"));
        KeycloakAdmin.ensureUser(DOH_REVIEWER, "TTH-DOH", List.of("reviewer"));
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        String dolisa = cachedBearer("dolisa.officer");

        // Plans of TTH-DOLISA: a draft and an issued one (its obligations go to TTH-DOH, received by TTH-DOLISA).
        ids.put("draft", "BOLA-DRAFT-" + run);
        ids.put("issued", "BOLA-ISSUED-" + run);
        for (String code : List.of(ids.get("draft"), ids.get("issued"))) {
            ObjectNode doc = PlansE2eTest.small(code);
            if (code.equals(ids.get("issued"))) {
                // A thematic report on request (no due date): TTH-DOLISA asks TTH-DOH for it (the request below).
                doc.withArray("reportingRules").add(new ObjectMapper().readTree("""
                        {"key":"R2","kind":"THEMATIC","submitters":{"mode":"EXPLICIT","agencies":["TTH-DOH"]},
                         "receivingAgency":"TTH-DOLISA","coverage":"NARRATIVE_ONLY"}"""));
            }
            Response created = given().header("Authorization", dolisa).contentType(ContentType.JSON).body(doc.toString())
                    .post(gateway() + "/api/plans");
            assertEquals(201, created.statusCode(), created.asString());
            ids.put(code, created.jsonPath().getString("id"));
        }
        ids.put("planId", ids.get(ids.get("issued")));
        given().header("Authorization", dolisa).header("If-Match", etag("dolisa.officer", "/api/plans/" + ids.get("issued")))
                .contentType(ContentType.JSON).body("{}").post(gateway() + "/api/plans/" + ids.get("issued") + "/issue").then().statusCode(200);

        // An agency of Thừa Thiên Huế (VN-46), registered by DOLISA's plan manager.
        ids.put("agency", "BOLA-AG-" + run);
        given().header("Authorization", dolisa).contentType(ContentType.JSON).body("""
                        {"code":"%s","nameVi":"Cơ quan kiểm thử BOLA","nameEn":"BOLA test agency","kind":"OTHER",
                         "unitCode":"VN-46","parentCode":"TTH-PC","validFrom":"2020-01-01"}""".formatted(ids.get("agency")))
                .post(gateway() + "/api/agencies").then().statusCode(201);

        // A value of TTH-DOH (its write is a push) and TTH-DOH's publication of the data set.
        Response put = given().header("Authorization", cachedBearer("health.reporter")).contentType(ContentType.JSON)
                .body("{\"value\":21.5,\"status\":\"FINAL\"}").put(gateway() + VALUE);
        assertEquals(200, put.statusCode(), put.asString());
        ids.put("push", put.jsonPath().getString("pushId"));
        Response pub = given().header("Authorization", cachedBearer(DOH_REVIEWER)).contentType(ContentType.JSON)
                .body("{\"indicator\":\"ADOLESCENT_BIRTH_RATE\",\"period\":\"2022\",\"unit\":\"VN-46\"}").post(gateway() + "/api/values/publications");
        assertEquals(201, pub.statusCode(), pub.asString());
        ids.put("publication", pub.jsonPath().getString("id"));

        // TTH-DOH's obligations under the issued plan: 2025 submitted, 2026 a draft with an attachment.
        String health = cachedBearer("health.reporter");
        String obligations = "/api/reports/obligations?planId=" + ids.get("planId");
        E2eSuite.await("obligations of the issued BOLA plan", Duration.ofSeconds(90), () -> given().header("Authorization", health)
                .get(gateway() + obligations).then().extract().jsonPath().getList("items.period").containsAll(List.of("2025", "2026")));
        var items = given().header("Authorization", health).get(gateway() + obligations).then().statusCode(200).extract().jsonPath();
        ids.put("o2025", items.getString("items.find { it.period == '2025' }.id"));
        ids.put("o2026", items.getString("items.find { it.period == '2026' }.id"));
        ids.put("submitted", given().header("Authorization", health).contentType(ContentType.JSON).body(CONTENT)
                .post(gateway() + "/api/reports/obligations/" + ids.get("o2025") + "/report").then().statusCode(201).extract().path("id").toString());
        given().header("Authorization", health).post(gateway() + "/api/reports/submissions/" + ids.get("submitted") + "/submit")
                .then().statusCode(200);
        ids.put("draftReport", given().header("Authorization", health).contentType(ContentType.JSON).body(CONTENT)
                .post(gateway() + "/api/reports/obligations/" + ids.get("o2026") + "/report").then().statusCode(201).extract().path("id").toString());
        ids.put("attachment", given().header("Authorization", health).contentType("text/plain")
                .body("Biên bản kiểm tra số liệu".getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/reports/submissions/" + ids.get("draftReport") + "/attachments?filename=bien-ban.txt")
                .then().statusCode(201).extract().path("id").toString());
        // TTH-DOLISA's request for an on-request report of TTH-DOH.
        ids.put("request", given().header("Authorization", dolisa).contentType(ContentType.JSON).body("""
                        {"planId":%s,"ruleKey":"R2","subject":"Báo cáo chuyên đề kiểm thử","instructions":"Nêu kết quả.",
                         "dueDate":"%s"}""".formatted(ids.get("planId"), LocalDate.now().plusDays(30)))
                .post(gateway() + "/api/reports/requests").then().statusCode(201).extract().path("id").toString());
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Set<Integer> hidden = Set.of(403, 404);

        // plans-service: plans of TTH-DOLISA. A plan the caller may not read is 404; one it reads but may not change, 403.
        String newDoc = "";
        for (String plan : List.of(ids.get("draft"), ids.get("issued"))) {
            Read owner = new Read("dolisa.officer", "/api/plans/" + plan);
            try {
                ObjectNode doc = PlansE2eTest.small(plan).put("title", "Kế hoạch bị chiếm quyền");
                newDoc = doc.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            for (String who : List.of(QNG, DOH_PM)) {
                cases.add(new Case("PUT", "/api/plans/{id}", "/api/plans/" + plan, who, "application/json", newDoc, owner, PLAN_TABLES, hidden, Set.of()));
                cases.add(new Case("DELETE", "/api/plans/{id}", "/api/plans/" + plan, who, null, null, owner, PLAN_TABLES, hidden, Set.of()));
                cases.add(new Case("POST", "/api/plans/{id}/issue", "/api/plans/" + plan + "/issue", who, "application/json", "{}", owner,
                        PLAN_TABLES, hidden, Set.of()));
                cases.add(new Case("POST", "/api/plans/{id}/amendments", "/api/plans/" + plan + "/amendments", who, "application/json",
                        "{\"reason\":\"chiếm quyền\",\"document\":" + newDoc + "}", owner, PLAN_TABLES, hidden, Set.of()));
                cases.add(new Case("POST", "/api/plans/{id}/close", "/api/plans/" + plan + "/close", who, "application/json",
                        "{\"reason\":\"chiếm quyền\"}", owner, PLAN_TABLES, hidden, Set.of()));
            }
            // Reads: another province never reads them; TTH-DOH (named by the issued plan) reads the issued one by design.
            List<String> readers = plan.equals(ids.get("draft")) ? List.of(QNG, DOH_PM) : List.of(QNG);
            for (String who : readers) {
                for (String sub : List.of("", "/export", "/versions", "/versions/1", "/diff", "/tree", "/history", "/events")) {
                    String template = "/api/plans/{id}" + (sub.equals("/versions/1") ? "/versions/{n}" : sub);
                    cases.add(new Case("GET", template, "/api/plans/" + plan + sub, who, null, null, null, List.of(), Set.of(404), Set.of()));
                }
            }
        }

        // plans-service: an agency of VN-46; plan managers manage agencies of their own administrative unit only.
        String agency = ids.get("agency");
        Read agencyOwner = new Read("dolisa.officer", "/api/agencies/" + agency);
        cases.add(new Case("PUT", "/api/agencies/{code}", "/api/agencies/" + agency, QNG, "application/json", """
                {"code":"%s","nameVi":"Chiếm quyền","nameEn":"Hijacked","kind":"OTHER","unitCode":"VN-46","validFrom":"2020-01-01"}"""
                .formatted(agency), agencyOwner, AGENCY_TABLES, Set.of(403), Set.of("NOT_YOUR_UNIT")));
        cases.add(new Case("POST", "/api/agencies/{code}/retirement", "/api/agencies/" + agency + "/retirement", QNG, "application/json",
                "{\"validTo\":\"2030-01-01\",\"successors\":[\"QNG-DOLISA\"]}", agencyOwner, AGENCY_TABLES, Set.of(403), Set.of("NOT_YOUR_UNIT")));
        // A body's members are set by admins or the body's own plan managers only.
        cases.add(new Case("PUT", "/api/agencies/{code}/members", "/api/agencies/" + agency + "/members", QNG, "application/json",
                "[{\"agency\":\"QNG-DOLISA\",\"from\":\"2020-01-01\"}]", agencyOwner, AGENCY_TABLES, Set.of(403), Set.of("NOT_YOUR_BODY")));

        // indicators-service: TTH-DOH's value, its push, its publication.
        Read valueOwner = new Read("health.reporter", VALUE);
        String template = "/api/values/{indicator}/{unit}/{period}";
        // Value writes are refused as row rules (422, like every other bad row of a batch), not 403: see the class comment.
        cases.add(new Case("PUT", template, VALUE, STATS, "application/json", "{\"value\":30,\"status\":\"FINAL\"}", valueOwner,
                VALUE_TABLES, Set.of(422), Set.of("OWNED_BY_OTHER_AGENCY")));
        cases.add(new Case("PUT", template, VALUE, DOET, "application/json", "{\"value\":30,\"status\":\"FINAL\"}", valueOwner,
                VALUE_TABLES, Set.of(422), Set.of("NOT_YOUR_INDICATOR")));
        for (String who : List.of(DOET, STATS)) {
            cases.add(new Case("GET", "/api/values/pushes/{id}", "/api/values/pushes/" + ids.get("push"), who, null, null, null, List.of(),
                    Set.of(403), Set.of("NOT_YOUR_PUSH")));
            cases.add(new Case("GET", "/api/values/pushes/{id}/rejections", "/api/values/pushes/" + ids.get("push") + "/rejections", who,
                    null, null, null, List.of(), Set.of(403), Set.of("NOT_YOUR_PUSH")));
        }
        Read publications = new Read(DOH_REVIEWER, "/api/values/publications?indicator=ADOLESCENT_BIRTH_RATE&period=2022");
        for (String who : List.of(QNG, STATS)) {
            cases.add(new Case("DELETE", "/api/values/publications/{id}", "/api/values/publications/" + ids.get("publication"), who, null,
                    null, publications, VALUE_TABLES, Set.of(403), Set.of("NOT_YOUR_DATA_SET")));
        }

        // reporting-service: TTH-DOH's obligations, reports and attachment; TTH-DOLISA's consolidation of the plan.
        List<Table> rt = reportTables();
        String submitted = "/api/reports/submissions/" + ids.get("submitted");
        String draft = "/api/reports/submissions/" + ids.get("draftReport");
        Read submittedOwner = new Read("health.reporter", submitted);
        Read draftOwner = new Read("health.reporter", draft);
        for (String who : List.of(DOET, QNG)) {
            for (String o : List.of(ids.get("o2025"), ids.get("o2026"))) {
                cases.add(new Case("GET", "/api/reports/obligations/{id}", "/api/reports/obligations/" + o, who, null, null, null, List.of(),
                        hidden, Set.of()));
            }
            cases.add(new Case("POST", "/api/reports/obligations/{id}/report", "/api/reports/obligations/" + ids.get("o2026") + "/report", who,
                    "application/json", CONTENT, new Read("health.reporter", "/api/reports/obligations/" + ids.get("o2026")), rt, hidden, Set.of()));
            for (String report : List.of(submitted, draft)) {
                String suffix = report.equals(draft) ? "?to=draft" : "";
                cases.add(new Case("GET", "/api/reports/submissions/{id}", report, who, null, null, null, List.of(), hidden, Set.of()));
                cases.add(new Case("GET", "/api/reports/submissions/{id}/versions", report + "/versions", who, null, null, null, List.of(), hidden, Set.of()));
                cases.add(new Case("GET", "/api/reports/submissions/{id}/diff", report + "/diff" + suffix, who, null, null, null, List.of(), hidden, Set.of()));
                cases.add(new Case("GET", "/api/reports/submissions/{id}/export", report + "/export?format=json"
                        + (report.equals(draft) ? "&version=draft" : ""), who, null, null, null, List.of(), hidden, Set.of()));
            }
            cases.add(new Case("GET", "/api/reports/submissions/{id}/versions/{n}", submitted + "/versions/1", who, null, null, null, List.of(),
                    hidden, Set.of()));
            cases.add(new Case("PUT", "/api/reports/submissions/{id}", draft, who, "application/json", CONTENT.replace("20}", "99}"), draftOwner,
                    rt, hidden, Set.of()));
            cases.add(new Case("POST", "/api/reports/submissions/{id}/submit", draft + "/submit", who, null, null, draftOwner, rt, hidden, Set.of()));
            cases.add(new Case("POST", "/api/reports/submissions/{id}/attachments", draft + "/attachments?filename=x.txt", who, "text/plain",
                    "tệp giả mạo", draftOwner, rt, hidden, Set.of()));
            Read attachmentOwner = new Read("health.reporter", "/api/reports/attachments/" + ids.get("attachment"));
            cases.add(new Case("GET", "/api/reports/attachments/{id}", "/api/reports/attachments/" + ids.get("attachment"), who, null, null, null,
                    List.of(), hidden, Set.of()));
            cases.add(new Case("DELETE", "/api/reports/attachments/{id}", "/api/reports/attachments/" + ids.get("attachment"), who, null, null,
                    attachmentOwner, rt, hidden, Set.of()));
        }
        // Review: reviewers of agencies other than the receiving one (TTH-DOLISA).
        for (String who : List.of(QNG, DOET_REVIEWER)) {
            cases.add(new Case("POST", "/api/reports/submissions/{id}/return", submitted + "/return", who, "application/json",
                    "{\"summary\":\"trả lại\"}", submittedOwner, rt, hidden, Set.of()));
            cases.add(new Case("POST", "/api/reports/submissions/{id}/accept", submitted + "/accept", who, "application/json", "{}",
                    submittedOwner, rt, hidden, Set.of()));
            // Only the receiving agency grants more time (gia hạn).
            cases.add(new Case("POST", "/api/reports/obligations/{id}/extension", "/api/reports/obligations/" + ids.get("o2026") + "/extension",
                    who, "application/json", "{\"dueDate\":\"2099-12-31\",\"reason\":\"gia hạn giả mạo\"}",
                    new Read("health.reporter", "/api/reports/obligations/" + ids.get("o2026")), rt, hidden, Set.of()));
        }
        // On-request reports: TTH-DOLISA's request to TTH-DOH; only they read it, only TTH-DOLISA's reviewers withdraw it.
        String request = "/api/reports/requests/" + ids.get("request");
        for (String who : List.of(DOET, QNG)) {
            cases.add(new Case("GET", "/api/reports/requests/{id}", request, who, null, null, null, List.of(), hidden, Set.of()));
        }
        for (String who : List.of(QNG, DOET_REVIEWER)) {
            cases.add(new Case("POST", "/api/reports/requests/{id}/withdraw", request + "/withdraw", who, "application/json",
                    "{\"reason\":\"rút giả mạo\"}", new Read("dolisa.officer", request), rt, hidden, Set.of()));
        }
        // Consolidation of the plan: its receiving agency (TTH-DOLISA), the plan's managers, auditors, admins only —
        // also when the caller names its own agency as the receiver (fixed: that was a hole).
        String plan = "/api/reports/plans/" + ids.get("planId");
        Read published = new Read(null, "/api/public/reports/consolidations?planId=" + ids.get("planId"));
        for (String who : List.of(QNG, DOET_REVIEWER)) {
            String own = who.equals(QNG) ? "QNG-DOLISA" : "TTH-DOET";
            for (String receiver : List.of("", "&receivingAgency=" + own)) {
                cases.add(new Case("GET", "/api/reports/plans/{planId}/consolidation", plan + "/consolidation?period=2025" + receiver, who,
                        null, null, null, List.of(), hidden, Set.of()));
                cases.add(new Case("GET", "/api/reports/plans/{planId}/consolidation/export",
                        plan + "/consolidation/export?period=2025&format=csv" + receiver, who, null, null, null, List.of(), hidden, Set.of()));
                cases.add(new Case("POST", "/api/reports/plans/{planId}/consolidation/publication",
                        plan + "/consolidation/publication?period=2025" + receiver, who, null, null, published, rt, hidden, Set.of()));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> anotherAgencyIsRefusedAndNothingChanges() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> attempt(c)));
    }

    private static void attempt(Case c) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Request-Id", "bola-" + System.nanoTime());
        String before = null;
        Map<String, String> rowsBefore = null;
        if (c.write()) {
            before = c.ownerRead().snapshot();
            rowsBefore = ServiceDb.checksums(c.tables());
            // The owner's current ETag: a precondition must never be the reason for the refusal.
            String etag = c.ownerRead().user() == null ? null
                    : given().header("Authorization", cachedBearer(c.ownerRead().user())).get(gateway() + c.ownerRead().path()).header("ETag");
            if (etag != null) {
                headers.put("If-Match", etag);
            }
        }
        Response res = call(c.attacker(), c.method(), c.path(), c.contentType(), c.body(), headers);
        int status = res.statusCode();
        assertTrue(c.expected().contains(status), () -> "expected " + c.expected() + ", got " + status + ": " + res.asString());
        assertTrue(String.valueOf(res.contentType()).startsWith("application/problem+json"), () -> "a problem: " + res.contentType());
        if (!c.codes().isEmpty()) {
            Set<String> answered = new TreeSet<>(res.jsonPath().getList("errors.code", String.class));
            answered.add(res.jsonPath().getString("code"));
            assertTrue(answered.containsAll(c.codes()), () -> "codes " + c.codes() + " in " + res.asString());
        }
        if (c.write()) {
            assertEquals(before, c.ownerRead().snapshot(), "the owner reads the object as before");
            assertEquals(rowsBefore, ServiceDb.checksums(c.tables()), "the owning tables are unchanged");
        }
    }

    @Test
    void sharedByDesignRoutesAnswerAnotherAgency() {
        // The reference data another agency may read (README): asserted, so a change of design shows up here.
        for (String path : List.of("/api/agencies/" + ids.get("agency"), "/api/agencies/" + ids.get("agency") + "/history", VALUE,
                "/api/indicators/ADOLESCENT_BIRTH_RATE", "/api/units/VN-46")) {
            Response res = call(QNG, "GET", path, null, null, Map.of());
            assertEquals(200, res.statusCode(), path + ": " + res.asString());
            OpenApiResponses.assertMatchesSchema("GET", path, res);
        }
        // TTH-DOH, named by the issued plan, reads it (and cannot change it: see the PUT cases).
        assertEquals(200, call(DOH_PM, "GET", "/api/plans/" + ids.get("issued"), null, null, Map.of()).statusCode());
        // The owners themselves are not refused (the cases above would pass vacuously otherwise).
        assertEquals(200, call("health.reporter", "GET", "/api/reports/submissions/" + ids.get("draftReport"), null, null, Map.of()).statusCode());
        assertEquals(200, call("dolisa.officer", "GET", "/api/reports/plans/" + ids.get("planId") + "/consolidation?period=2025", null, null,
                Map.of()).statusCode());
        assertEquals(200, call("health.reporter", "GET", "/api/values/pushes/" + ids.get("push"), null, null, Map.of()).statusCode());
    }

    @Test
    void everyRouteWithAPathIdIsCoveredOrListed() throws Exception {
        Set<String> covered = new TreeSet<>(SHARED_BY_DESIGN);
        covered.addAll(NOT_AGENCY_SCOPED);
        cases().forEach(c -> covered.add(c.method() + " " + c.template()));
        List<String> missing = ApiOperations.all().stream().filter(op -> !op.pathParams().isEmpty())
                .map(op -> op.method() + " " + op.path()).filter(r -> !covered.contains(r)).sorted().toList();
        assertEquals(List.of(), missing, "routes with an object id that no BOLA case covers and no list names");
    }
}
