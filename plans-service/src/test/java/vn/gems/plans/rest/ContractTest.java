package vn.gems.plans.rest;

import vn.gems.plans.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.ContractCheck;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.contracts.plans.Agency;
import vn.gems.contracts.plans.AgencyPage;
import vn.gems.contracts.plans.Measure;
import vn.gems.contracts.plans.Plan;
import vn.gems.contracts.plans.ReportingRule;

import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * plans-service's side of the contracts reporting-service and indicators-service read (gems-contracts): the plan
 * document and the agency registry, as answered to a service token, read into the callers' records field for field,
 * and every field those records name declared in this service's OpenAPI document.
 */
@QuarkusTest
class ContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        TestData.seeds();
    }

    @Test
    void theIssuedSeedPlanReadsIntoTheContractAsAnswered() {
        String current = given().header("Authorization", TestData.SERVICE).get("/api/plans/" + TestData.TTH_2021)
                .then().statusCode(200).extract().asString();
        Plan plan = ContractCheck.assertReads(current, Plan.class);
        assertEquals("ISSUED", plan.status());
        assertEquals("TTH-DOLISA", plan.leadAgency());
        assertFalse(plan.objectives().isEmpty());
        assertFalse(plan.reportingRules().isEmpty());
        assertFalse(plan.assignedAgencies().isEmpty());
        for (Measure m : plan.objectives().stream().flatMap(o -> o.targets().stream()).flatMap(t -> t.measures().stream()).toList()) {
            assertNotNull(m.key());
            assertNotNull(m.figure(), m.key() + ": a figure the contract does not know");
            assertNotNull(m.comparator(), m.key() + ": a comparator the contract does not know");
            assertFalse(m.responsibleAgencies().isEmpty(), m.key());
        }
        for (ReportingRule r : plan.reportingRules()) {
            assertNotNull(r.kind(), r.key());
            assertNotNull(r.coverage(), r.key());
            assertNotNull(r.submitters().mode(), r.key());
        }

        String version = given().header("Authorization", TestData.SERVICE).get("/api/plans/" + plan.id() + "/versions/" + plan.version())
                .then().statusCode(200).extract().asString();
        assertEquals(plan, ContractCheck.assertReads(version, Plan.class));
    }

    @Test
    void agenciesAndHoldersReadIntoTheContractAsAnswered() {
        Agency health = ContractCheck.assertReads(given().header("Authorization", TestData.SERVICE).get("/api/agencies/TTH-DOH")
                .then().statusCode(200).extract().asString(), Agency.class);
        assertEquals("TTH-DOH", health.code());
        assertTrue(health.active());
        assertNotNull(health.nameVi());
        Agency[] holders = ContractCheck.assertReads(given().header("Authorization", TestData.SERVICE).get("/api/agencies/TTH-DOH/holders")
                .then().statusCode(200).extract().asString(), Agency[].class);
        assertEquals("TTH-DOH", Arrays.stream(holders).findFirst().orElseThrow().code());
        AgencyPage named = ContractCheck.assertReads(given().header("Authorization", TestData.SERVICE).queryParam("codes", "TTH-DOH,NOPE-Z")
                .get("/api/agencies").then().statusCode(200).extract().asString(), AgencyPage.class);
        assertEquals(List.of(health), named.items());
        assertEquals(1, named.total());
    }

    @Test
    void everyFieldTheCallersReadIsDeclaredAndTheExamplesRead() throws Exception {
        JsonNode openapi = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        ContractCheck.assertDeclared(openapi, "Plan", Plan.class);
        ContractCheck.assertDeclared(openapi, "Agency", Agency.class);
        assertTrue(ContractCheck.assertExamplesRead(openapi, "PlanDocument", Plan.class) > 0);
        assertTrue(ContractCheck.assertExamplesRead(openapi, "Agency", Agency.class) > 0);
    }
}
