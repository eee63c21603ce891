package vn.gems.e2e;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.config;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * plans-service in the real suite, through the gateway with Keycloak tokens: the seed 003 document against the
 * real indicator catalogue and units of indicators-service, the plan lifecycle announced to the real
 * reporting-service (also when it was down), the public portal route, and another agency kept out.
 */
@ExtendWith(E2eSuite.class)
class PlansE2eTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEED = "E2E-TTH-BDG-2021-2025";
    private static final String SMALL = "E2E-PLAN-ISSUED";

    static ObjectNode seed003(String code) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(config().repoRoot().resolve("deploy/demo/plans/tth-2021-2025.json")));
        return doc.put("code", code);
    }

    static ObjectNode small(String code) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"code":"%s","title":"Kế hoạch kiểm thử đầu cuối về bình đẳng giới","kind":"ANNUAL_PLAN",
                 "issuingAgency":"TTH-PC","leadAgency":"TTH-DOLISA","unitCode":"VN-46","periodFrom":2025,"periodTo":2026,
                 "objectives":[{"key":"O1","title":"Trong lĩnh vực y tế","targets":[{"key":"O1-T1",
                   "text":"Tỷ suất sinh ở vị thành niên giảm từ 23 xuống 18/1.000","measures":[{"key":"O1-T1-M1",
                   "indicatorCode":"ADOLESCENT_BIRTH_RATE","figure":"VALUE","comparator":"REDUCE_TO","baselineValue":23,
                   "targetValue":18,"targetYear":2026,"responsibleAgencies":[{"agency":"TTH-DOH"}]}]}]}],
                 "reportingRules":[{"key":"R1","kind":"ANNUAL","dueDay":30,"dueMonth":11,"submitters":{"mode":"ALL_ASSIGNED"},
                   "receivingAgency":"TTH-DOLISA","coverage":"RESPONSIBLE_TARGETS"}],
                 "internalNote":"không công bố"}""".formatted(code));
    }

    static String etag(String user, String ref) {
        return given().header("Authorization", bearer(user)).get(gateway() + "/api/plans/" + ref).then().statusCode(200)
                .extract().header("ETag");
    }

    /** The last answer read: the first that satisfies {@code done}, or the one read when {@code max} ran out (the caller asserts). */
    static JsonPath waitFor(Duration max, Supplier<JsonPath> read, Predicate<JsonPath> done) {
        AtomicReference<JsonPath> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(max).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
                last.set(read.get());
                return done.test(last.get());
            });
        } catch (ConditionTimeoutException timedOut) {
            // the caller's assertion on the last answer says what was missing
        }
        return last.get();
    }

    /** The seed 003 plan (draft), as its creation answered: created on first use, whichever test needs it first. */
    private static JsonNode seedCreated;
    /** The small plan, issued: its id, created and issued on first use. */
    private static Long smallId;

    static synchronized JsonNode seedPlan() throws Exception {
        if (seedCreated == null) {
            seedCreated = JSON.readTree(given().header("Authorization", bearer("dolisa.officer")).contentType(ContentType.JSON)
                    .body(seed003(SEED).toString()).post(gateway() + "/api/plans").then().log().ifValidationFails().statusCode(201)
                    .extract().asString());
        }
        return seedCreated;
    }

    static synchronized long issuedSmallPlan() throws Exception {
        if (smallId == null) {
            long id = given().header("Authorization", bearer("dolisa.officer")).contentType(ContentType.JSON).body(small(SMALL).toString())
                    .post(gateway() + "/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
            given().header("Authorization", bearer("dolisa.officer")).header("If-Match", etag("dolisa.officer", SMALL))
                    .contentType(ContentType.JSON).body("{}").post(gateway() + "/api/plans/" + SMALL + "/issue").then().statusCode(200)
                    .body("status", equalTo("ISSUED"));
            smallId = id;
        }
        return smallId;
    }

    @Test
    void referenceAgenciesAreLoadedWithTheirHistory() {
        given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/agencies/HTI-DOLISA").then().statusCode(200)
                .body("unitCode", equalTo("VN-42"));
        given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/agencies/VN-MOLISA/holders").then()
                .statusCode(200).body("code", contains("VN-MOHA"));
        given().header("Authorization", bearer("auditor.tth")).get(gateway() + "/api/agencies/VN-MOHA/predecessors").then()
                .statusCode(200).body("code", hasItem("VN-MOLISA"));
        given().header("Authorization", bearer("auditor.tth")).get(gateway() + "/api/agencies/VN-MOLISA/history").then()
                .statusCode(200).body("action", contains("CREATED", "RETIRED"));
        given().header("Authorization", bearer("health.reporter")).queryParam("q", "lao dong thuong binh").queryParam("unit", "VN-46")
                .get(gateway() + "/api/agencies").then().statusCode(200).body("items.code", contains("TTH-DOLISA"));
    }

    @Test
    void seed003IsAcceptedByTheRealCatalogueAndComesBackWhole() throws Exception {
        ObjectNode doc = seed003(SEED);
        JsonNode created = seedPlan();
        JsonNode exported = JSON.readTree(given().header("Authorization", bearer("dolisa.officer"))
                .get(gateway() + "/api/plans/" + SEED + "/export").then().statusCode(200).extract().asString());
        assertEquals(doc, exported, "the export is the imported document");
        assertEquals(6, created.get("objectives").size());
        int targets = 0;
        for (JsonNode o : created.get("objectives")) {
            targets += o.get("targets").size();
        }
        assertEquals(20, targets);
    }

    @Test
    void anUnknownIndicatorOrUnitIsRefusedByTheRealPeers() throws Exception {
        ObjectNode doc = small("E2E-PLAN-UNKNOWN");
        ((ObjectNode) doc.at("/objectives/0/targets/0/measures/0")).put("indicatorCode", "NOT_AN_INDICATOR_E2E");
        doc.put("unitCode", "VN-99");
        given().header("Authorization", bearer("dolisa.officer")).contentType(ContentType.JSON).body(doc.toString())
                .post(gateway() + "/api/plans").then().statusCode(422).contentType("application/problem+json")
                .body("errors.code", hasItem("UNKNOWN_INDICATOR")).body("errors.code", hasItem("UNKNOWN_UNIT"))
                .body("errors.message", hasItem(containsString("NOT_AN_INDICATOR_E2E")));
        given().header("Authorization", bearer("dolisa.officer")).get(gateway() + "/api/plans/E2E-PLAN-UNKNOWN").then().statusCode(404);
    }

    @Test
    void issuingTellsReportingServiceExactlyOnce() throws Exception {
        long id = issuedSmallPlan();
        JsonPath events = waitFor(Duration.ofSeconds(60),
                () -> given().header("Authorization", bearer("auditor.tth")).get(gateway() + "/api/plans/" + id + "/events")
                        .then().statusCode(200).extract().jsonPath(),
                e -> e.getBoolean("[0].delivered"));
        assertEquals("plan-" + id + "-v1-ISSUED", events.getString("[0].idempotencyKey"));
        assertTrue(events.getBoolean("[0].delivered"), "delivered to reporting-service: " + events.prettify());
        int status = events.getInt("[0].lastStatus");
        assertTrue(status / 100 == 2 || status == 409, "answered " + status);
        // reporting-service reads the version it was told about, with its service token.
        String reportingToken = E2eSuite.clientToken("reporting-service", "reporting-service-demo-secret");
        given().header("Authorization", "Bearer " + reportingToken).get(config().plans().url() + "/api/plans/" + id + "/versions/1")
                .then().statusCode(200).body("objectives[0].targets[0].measures[0].key", equalTo("O1-T1-M1"));
    }

    @Test
    void thePublicPortalSeesIssuedPlansOnly() throws Exception {
        seedPlan();
        issuedSmallPlan();
        given().get(gateway() + "/api/public/plans/" + SMALL).then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("$", not(hasKey("internalNote")));
        given().get(gateway() + "/api/public/plans/" + SEED).then().statusCode(404);
        // Other tests issue plans of the same title (E2E-PLAN-OUTBOX) or leave drafts of it (E2E-PLAN-NOCAT): drafts never show.
        given().queryParam("q", "kiem thu dau cuoi binh dang gioi").get(gateway() + "/api/public/plans").then().statusCode(200)
                .body("items.code", hasItem(SMALL)).body("items.status", everyItem(not(equalTo("DRAFT"))));
    }

    @Test
    void anotherAgencyIsKeptOutAndTheAssignedAgencySeesItsTarget() throws Exception {
        seedPlan();
        issuedSmallPlan();
        given().header("Authorization", bearer("qng.officer")).header("If-Match", "*").contentType(ContentType.JSON)
                .body(seed003(SEED).put("title", "hijacked").toString()).put(gateway() + "/api/plans/" + SEED).then().statusCode(404);
        given().header("Authorization", bearer("qng.officer")).header("If-Match", "*").contentType(ContentType.JSON).body("{}")
                .post(gateway() + "/api/plans/" + SMALL + "/close").then().statusCode(404);
        given().header("Authorization", bearer("health.reporter")).header("If-Match", "*").contentType(ContentType.JSON).body("{}")
                .post(gateway() + "/api/plans/" + SMALL + "/close").then().statusCode(403);
        given().header("Authorization", bearer("auditor.tth")).get(gateway() + "/api/plans/" + SEED).then().statusCode(200)
                .body("title", not(equalTo("hijacked")));
        given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/plans/my-targets").then().statusCode(200)
                .body("findAll { it.planCode == '" + SMALL + "' }.targetKey", contains("O1-T1"));
    }

    @Test
    void anIssueCommitsWhileReportingServiceIsDownAndIsDeliveredWhenItIsBack() throws Exception {
        String code = "E2E-PLAN-OUTBOX";
        long id = given().header("Authorization", bearer("dolisa.officer")).contentType(ContentType.JSON).body(small(code).toString())
                .post(gateway() + "/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        String token = bearer("dolisa.officer");
        String auditor = bearer("auditor.tth");
        E2eSuite.suite().stopService("reporting-service");
        try {
            given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON).body("{}")
                    .post(gateway() + "/api/plans/" + code + "/issue").then().statusCode(200).body("status", equalTo("ISSUED"));
            JsonPath pending = waitFor(Duration.ofSeconds(20),
                    () -> given().header("Authorization", auditor).get(gateway() + "/api/plans/" + id + "/events").then().extract().jsonPath(),
                    e -> e.getInt("[0].attempts") > 0);
            assertEquals(false, pending.getBoolean("[0].delivered"), pending.prettify());
        } finally {
            E2eSuite.suite().restartService("reporting-service");
        }
        JsonPath events = waitFor(Duration.ofSeconds(120),
                () -> given().header("Authorization", bearer("auditor.tth")).get(gateway() + "/api/plans/" + id + "/events")
                        .then().extract().jsonPath(),
                e -> e.getBoolean("[0].delivered"));
        assertTrue(events.getBoolean("[0].delivered"), "delivered once reporting-service was back: " + events.prettify());
    }

    @Test
    void indicatorsServiceDownIs503AndNothingIsWritten() throws Exception {
        String token = bearer("dolisa.officer");
        E2eSuite.suite().stopService("indicators-service");
        try {
            given().header("Authorization", token).contentType(ContentType.JSON).body(small("E2E-PLAN-NOCAT").toString())
                    .post(gateway() + "/api/plans").then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("INDICATORS_UNAVAILABLE"));
        } finally {
            E2eSuite.suite().restartService("indicators-service");
        }
        given().header("Authorization", bearer("auditor.tth")).get(gateway() + "/api/plans/E2E-PLAN-NOCAT").then().statusCode(404);
        // Once indicators-service is back (and plans-service's circuit breaker has closed again) the same import works.
        JsonPath after = waitFor(Duration.ofSeconds(90), () -> {
            var res = given().header("Authorization", bearer("dolisa.officer")).contentType(ContentType.JSON)
                    .body(unchecked(() -> small("E2E-PLAN-NOCAT").toString())).post(gateway() + "/api/plans").then().extract();
            return JsonPath.from("{\"status\":" + res.statusCode() + "}");
        }, e -> e.getInt("status") == 201);
        assertEquals(201, after.getInt("status"));
    }

    interface Io<T> {
        T get() throws Exception;
    }

    static <T> T unchecked(Io<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
