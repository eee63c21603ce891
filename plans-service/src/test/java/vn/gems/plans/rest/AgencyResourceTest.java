package vn.gems.plans.rest;

import vn.gems.plans.FakePeers;
import vn.gems.plans.Peers;
import vn.gems.plans.TestData;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.GemsTestResource;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;
import vn.gems.plans.service.AgencyService;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = GemsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gems_plans_test"))
@QuarkusTestResource(FakePeers.class)
class AgencyResourceTest {

    @InjectTestDatabase
    TestDatabase db;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AgencyService agencies;

    static final String ADMIN = TestTokens.bearer("gems.admin", "TTH-DOLISA", "admin");

    static String agency(String code, String unit) {
        return """
                {"code":"%s","nameVi":"Sở Y tế","nameEn":"Department of Health","kind":"PROVINCIAL_DEPARTMENT",
                 "unitCode":"%s","validFrom":"2008-01-01"}""".formatted(code, unit);
    }


    @Test
    void tamperedTokenIs401() {
        String token = TestTokens.user("health.reporter", "TTH-DOH", "reporter");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        given().header("Authorization", "Bearer " + tampered).get("/api/agencies").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void wrongAudienceIs401() {
        String token = TestTokens.builder("x", "TTH-DOH", "admin").audience("account").sign(TestTokens.privateKey());
        given().header("Authorization", "Bearer " + token).get("/api/agencies").then().statusCode(401);
    }

    @Test
    void createReadUpdateWithEtags() {
        String location = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(agency("TTH-TEST1", "VN-46"))
                .post("/api/agencies").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo("TTH-TEST1")).body("active", equalTo(true))
                .extract().header("Location");
        assertEquals(true, location.endsWith("/api/agencies/TTH-TEST1"));

        String reader = TestTokens.bearer("health.reporter", "TTH-DOH", "reporter");
        given().header("Authorization", reader).get("/api/agencies/TTH-TEST1").then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("nameVi", equalTo("Sở Y tế"));

        String changed = agency("TTH-TEST1", "VN-46").replace("Department of Health", "Health Department");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(changed)
                .put("/api/agencies/TTH-TEST1").then().statusCode(428).body("code", equalTo("IF_MATCH_REQUIRED"));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(changed)
                .put("/api/agencies/TTH-TEST1").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("nameEn", equalTo("Health Department"));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(changed)
                .put("/api/agencies/TTH-TEST1").then().statusCode(412).body("code", equalTo("STALE_VERSION"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("TTH-TEST1", "VN-46"))
                .post("/api/agencies").then().statusCode(409).body("code", equalTo("AGENCY_EXISTS"));
    }

    @Test
    void reporterCannotCreateAndNothingIsWritten() {
        given().header("Authorization", TestTokens.bearer("health.reporter", "TTH-DOH", "reporter"))
                .contentType(ContentType.JSON).body(agency("TTH-NOPE", "VN-46"))
                .post("/api/agencies").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        assertEquals(0, db.count("select count(*) from agency where code = ?", "TTH-NOPE"));
    }

    @Test
    void planManagerOfAnotherUnitIsForbidden() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("TQ-DOLISA", "VN-51"))
                .post("/api/agencies").then().statusCode(201);
        given().header("Authorization", TestTokens.bearer("qng.manager", "TQ-DOLISA", "plan-manager"))
                .contentType(ContentType.JSON).body(agency("TTH-OTHER", "VN-46"))
                .post("/api/agencies").then().statusCode(403).body("code", equalTo("NOT_YOUR_UNIT"));
        given().header("Authorization", TestTokens.bearer("qng.manager", "TQ-DOLISA", "plan-manager"))
                .contentType(ContentType.JSON).body(agency("TQ-DOH", "VN-51"))
                .post("/api/agencies").then().statusCode(201);
        assertEquals(0, db.count("select count(*) from agency where code = ?", "TTH-OTHER"));
    }

    @Test
    void validationNamesEveryField() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"bad code\",\"nameVi\":\"\",\"kind\":\"PROVINCIAL_DEPARTMENT\"}")
                .post("/api/agencies").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("nameVi"))
                .body("errors.field", hasItem("nameEn"))
                .body("errors.field", hasItem("unitCode"))
                .body("errors.field", hasItem("validFrom"));
    }

    @Test
    void malformedJsonAndBadEnumAreProblems() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"code\": ")
                .post("/api/agencies").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(agency("TTH-ENUM", "VN-46").replace("PROVINCIAL_DEPARTMENT", "SPACESHIP"))
                .post("/api/agencies").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_VALUE")).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().header("Authorization", ADMIN).get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"))
                .body("requestId", notNullValue());
        given().header("Authorization", ADMIN).delete("/api/agencies").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("METHOD_NOT_ALLOWED"));
    }


    @Test
    void retireHandsDutiesToSuccessor() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("TV-MOLISA", "VN"))
                .post("/api/agencies").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("TV-MOHA", "VN"))
                .post("/api/agencies").then().statusCode(201);
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"validTo\":\"2025-02-28\",\"successors\":[\"TV-MOHA\"],\"note\":\"merged\"}")
                .post("/api/agencies/TV-MOLISA/retirement").then().statusCode(200)
                .body("active", equalTo(false)).body("successors", hasItem("TV-MOHA"));
        given().header("Authorization", ADMIN).get("/api/agencies/TV-MOLISA/holders").then().statusCode(200)
                .body("code", hasItem("TV-MOHA"));
        // ... and the successor sees whose duties it holds, and the history shows the retirement.
        given().header("Authorization", ADMIN).get("/api/agencies/TV-MOHA/predecessors").then().statusCode(200)
                .body("code", hasItem("TV-MOLISA"));
        given().header("Authorization", TestTokens.bearer("auditor.tth", "TTH-PC", "auditor"))
                .get("/api/agencies/TV-MOLISA/history").then().statusCode(200)
                .body("action", Matchers.contains("CREATED", "RETIRED"))
                .body("[1].agency.active", equalTo(false)).body("[1].agency.successors", hasItem("TV-MOHA"))
                .body("[1].actor", equalTo("gems.admin")).body("[1].revision", equalTo(1));
        // A successor that leads back to the agency is refused.
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"validTo\":\"2025-03-01\",\"successors\":[\"TV-MOLISA\"]}")
                .post("/api/agencies/TV-MOHA/retirement").then().statusCode(422)
                .body("errors[0].code", equalTo("SUCCESSOR_CYCLE"));
    }

    @Test
    void searchIgnoresVietnameseDiacriticsAndFilters() {
        TestData.agencies();
        String reader = TestTokens.bearer("health.reporter", "TTH-DOH", "reporter");
        // "lao dong thuong binh" finds "Lao động - Thương binh"; đ folds to d.
        given().header("Authorization", reader).queryParam("q", "lao dong thuong binh").queryParam("unit", "VN-46")
                .get("/api/agencies").then().statusCode(200)
                .body("items.code", Matchers.contains("TTH-DOLISA")).body("total", equalTo(1));
        given().header("Authorization", reader).queryParam("q", "SỞ Y TẾ").queryParam("size", 500)
                .get("/api/agencies").then().statusCode(200)
                .body("items.code", hasItem("TTH-DOH")).body("items.code", hasItem("HTI-DOH"))
                .body("items.code", Matchers.not(hasItem("TTH-DOLISA")));
        given().header("Authorization", reader).queryParam("parent", "STI-PC").queryParam("kind", "POLICE")
                .get("/api/agencies").then().statusCode(200)
                .body("items.code", Matchers.contains("STI-POLICE"));
        given().header("Authorization", reader).queryParam("q", "khong co co quan nao nhu the")
                .get("/api/agencies").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void codesReadsTheNamedAgenciesThatExistInOneCall() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("ZC-OLD", "VN-46"))
                .post("/api/agencies").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("ZC-NEW", "VN-46"))
                .post("/api/agencies").then().statusCode(201);
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"validTo\":\"2025-02-28\",\"successors\":[\"ZC-NEW\"]}")
                .post("/api/agencies/ZC-OLD/retirement").then().statusCode(200);
        // Any signed-in caller (reporting-service's service account here) reads them; unknown codes are simply absent,
        // the other filters do not apply, and a retired agency comes with its successors.
        given().header("Authorization", TestTokens.bearer("service-account-reporting-service", null, "gems-service"))
                .queryParam("codes", "ZC-NEW, ZC-OLD,ZC-NOPE,ZC-NEW").queryParam("unit", "VN-01")
                .get("/api/agencies").then().statusCode(200)
                .body("items.code", Matchers.contains("ZC-NEW", "ZC-OLD")).body("total", equalTo(2))
                .body("items[1].active", equalTo(false)).body("items[1].successors", Matchers.contains("ZC-NEW"))
                .body("items[0].successors", Matchers.empty());
        String tooMany = String.join(",", java.util.stream.IntStream.rangeClosed(0, AgencyResource.MAX_CODES).mapToObj(i -> "ZC-" + i).toList());
        given().header("Authorization", ADMIN).queryParam("codes", tooMany).get("/api/agencies").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("TOO_MANY_CODES")).body("errors[0].field", equalTo("codes"));
        given().queryParam("codes", "ZC-NEW").get("/api/agencies").then().statusCode(401);
    }

    @Test
    void unitUnknownToIndicatorsServiceIs422AndNothingIsWritten() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("ZZ-NOUNIT", "VN-99"))
                .post("/api/agencies").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_UNIT")).body("errors[0].field", equalTo("unitCode"))
                .body("detail", containsString("VN-99"));
        assertEquals(0, db.count("select count(*) from agency where code = ?", "ZZ-NOUNIT"));
    }

    @Test
    void indicatorsServiceDownIs503AndNothingIsWritten() {
        try {
            Peers.mode("DOWN", null);
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("ZZ-DOWN", "VN-46"))
                    .post("/api/agencies").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("code", equalTo("INDICATORS_UNAVAILABLE"));
            assertEquals(0, db.count("select count(*) from agency where code = ?", "ZZ-DOWN"));
        } finally {
            Peers.reset();
            breakers.resetAll();
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("ZZ-DOWN", "VN-46"))
                .post("/api/agencies").then().statusCode(201);
    }

    @Test
    void updateRecordsHistoryAndChecksAChangedUnit() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(agency("ZZ-HIST", "VN-46"))
                .post("/api/agencies").then().statusCode(201);
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(agency("ZZ-HIST", "VN-98")).put("/api/agencies/ZZ-HIST").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_UNIT"));
        given().header("Authorization", ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(agency("ZZ-HIST", "VN-46").replace("Sở Y tế", "Sở Y tế (đổi tên)"))
                .put("/api/agencies/ZZ-HIST").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/api/agencies/ZZ-HIST/history").then().statusCode(200)
                .body("action", Matchers.contains("CREATED", "UPDATED"))
                .body("[0].agency.nameVi", equalTo("Sở Y tế"))
                .body("[1].agency.nameVi", equalTo("Sở Y tế (đổi tên)"));
        given().header("Authorization", ADMIN).get("/api/agencies/NOPE-X/history").then().statusCode(404);
        given().get("/api/agencies/ZZ-HIST/history").then().statusCode(401);
    }

    @Test
    void everyAgencyEndpointNeedsATokenAndNamesUnknownAgencies() {
        for (String path : List.of("/api/agencies", "/api/agencies/TTH-DOH", "/api/agencies/TTH-DOH/holders",
                "/api/agencies/TTH-DOH/predecessors", "/api/agencies/TTH-DOH/history")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        }
        given().contentType(ContentType.JSON).body(agency("ZZ-ANON", "VN-46")).post("/api/agencies").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/agencies/TTH-DOH/retirement").then().statusCode(401);
        for (String path : List.of("/api/agencies/NOPE-Y", "/api/agencies/NOPE-Y/holders", "/api/agencies/NOPE-Y/predecessors")) {
            given().header("Authorization", ADMIN).get(path).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
        given().header("Authorization", ADMIN).header("If-Match", "*").contentType(ContentType.JSON).body(agency("NOPE-Y", "VN-46"))
                .put("/api/agencies/NOPE-Y").then().statusCode(404);
        given().header("Authorization", ADMIN).header("If-Match", "*").contentType(ContentType.JSON)
                .body("{\"validTo\":\"2025-01-01\",\"successors\":[\"TTH-DOH\"]}").post("/api/agencies/NOPE-Y/retirement").then().statusCode(404);
        assertEquals(0, db.count("select count(*) from agency where code = 'ZZ-ANON'"));
    }

    @Test
    void agenciesWrittenBeforeTheSearchColumnAreFoldedAtStartUp() throws Exception {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(agency("ZZ-OLDROW", "VN-46").replace("Sở Y tế", "Sở Khoa học và Công nghệ"))
                .post("/api/agencies").then().statusCode(201);
        try (var c = db.connect(); var st = c.prepareStatement("update agency set search_text = null where code = 'ZZ-OLDROW'")) {
            st.executeUpdate();
        }
        given().header("Authorization", ADMIN).queryParam("q", "khoa hoc cong nghe").queryParam("unit", "VN-46").get("/api/agencies")
                .then().statusCode(200).body("items.code", Matchers.not(hasItem("ZZ-OLDROW")));
        Assertions.assertTrue(agencies.backfillSearchText() >= 1);
        given().header("Authorization", ADMIN).queryParam("q", "khoa hoc cong nghe").queryParam("unit", "VN-46").get("/api/agencies")
                .then().statusCode(200).body("items.code", hasItem("ZZ-OLDROW"));
    }
}
