package vn.gems.indicators.rest;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;
import vn.gems.indicators.Indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.ContractCheck;
import vn.gems.contracts.indicators.BatchResult;
import vn.gems.contracts.indicators.IndicatorPage;
import vn.gems.contracts.indicators.IndicatorSummary;
import vn.gems.contracts.indicators.Rollup;
import vn.gems.contracts.indicators.RollupsAnswer;
import vn.gems.contracts.indicators.RollupsRequest;
import vn.gems.contracts.indicators.UnitSummary;
import vn.gems.contracts.indicators.ValueBatch;
import vn.gems.contracts.indicators.ValueRow;
import vn.gems.contracts.indicators.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * indicators-service's side of the contracts plans-service and reporting-service use (gems-contracts): a batch and a
 * roll-up request written by the callers' records are accepted as the callers send them, the answers read into their
 * records field for field, and every field those records name is declared in this service's OpenAPI document.
 */
@QuarkusTest
class ContractTest {

    /** Writes as the callers' REST clients do (Quarkus' mapper: ISO dates, nulls written). */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @BeforeEach
    void data() {
        Demo.load();
    }

    @Test
    void aReportsBatchAndItsRollupTravelAsTheCallersRecordsSayWith() throws Exception {
        ValueBatch batch = new ValueBatch(new ValueSource("REPORT", "submission:7001:v1", "TTH-DOH", "reporting-service"), List.of(
                new ValueRow("BIRTHS", "VN-46", "2003", "FEMALE", Map.of(), new BigDecimal("7012"), null, null, "FINAL"),
                new ValueRow("BIRTHS", "VN-46", "2003", "MALE", Map.of(), new BigDecimal("7643"), null, null, "FINAL")));
        String answer = given().header("Authorization", Api.REPORTING_SERVICE).header("Idempotency-Key", "contract-7001-v1")
                .contentType(ContentType.JSON).body(JSON.writeValueAsString(batch)).post("/api/values/batch")
                .then().statusCode(200).extract().asString();
        BatchResult result = ContractCheck.assertReads(answer, BatchResult.class);
        assertEquals(2, result.accepted());
        assertEquals(2, result.changed() + result.unchanged());

        RollupsRequest ask = new RollupsRequest(LocalDate.now(), List.of(new RollupsRequest.RollupQuery("BIRTHS", "VN-46", "2003", Map.of())));
        String rollups = given().header("Authorization", Api.REPORTING_SERVICE).contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(ask)).post("/api/values/rollups").then().statusCode(200).extract().asString();
        Rollup r = ContractCheck.assertReads(rollups, RollupsAnswer.class).results().get(0);
        assertEquals(0, new BigDecimal("7012").compareTo(r.female()));
        assertEquals(0, new BigDecimal("7643").compareTo(r.male()));
        assertTrue(r.sources().stream().anyMatch(s -> "submission:7001:v1".equals(s.reference()) && "TTH-DOH".equals(s.agency())), r.sources().toString());
    }

    @Test
    void catalogueAndUnitsReadIntoTheCallersRecords() {
        IndicatorPage page = ContractCheck.assertReads(given().header("Authorization", Api.REPORTING_SERVICE)
                .get("/api/indicators?codes=BIRTHS,NO_SUCH_INDICATOR&size=500").then().statusCode(200).extract().asString(), IndicatorPage.class);
        assertEquals(List.of("BIRTHS"), page.items().stream().map(IndicatorSummary::code).toList());
        IndicatorSummary births = page.items().get(0);
        assertTrue(births.bySex());
        assertEquals("SUM", births.aggregation());
        assertEquals("ANNUAL", births.periodicity());
        UnitSummary unit = ContractCheck.assertReads(given().header("Authorization", Api.REPORTING_SERVICE).get("/api/units/VN-46")
                .then().statusCode(200).extract().asString(), UnitSummary.class);
        assertEquals("VN-46", unit.code());
        assertEquals("PROVINCE", unit.level());
    }

    @Test
    void everyFieldTheCallersReadOrSendIsDeclaredAndTheExamplesRead() throws Exception {
        JsonNode openapi = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        ContractCheck.assertDeclared(openapi, "ValueBatch", ValueBatch.class);
        ContractCheck.assertDeclared(openapi, "RollupsInput", RollupsRequest.class);
        ContractCheck.assertDeclared(openapi, "BatchResult", BatchResult.class);
        ContractCheck.assertDeclared(openapi, "RollupsResult", RollupsAnswer.class);
        ContractCheck.assertDeclared(openapi, "Indicator", IndicatorSummary.class);
        ContractCheck.assertDeclared(openapi, "Unit", UnitSummary.class);
        for (Map.Entry<String, Class<?>> e : Map.<String, Class<?>>of("ValueBatch", ValueBatch.class, "RollupsInput", RollupsRequest.class,
                "BatchResult", BatchResult.class, "Rollup", Rollup.class, "Indicator", IndicatorSummary.class, "Unit", UnitSummary.class).entrySet()) {
            assertTrue(ContractCheck.assertExamplesRead(openapi, e.getKey(), e.getValue()) > 0, e.getKey());
        }
    }
}
