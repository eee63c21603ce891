package vn.gems.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.config;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * indicators-service through the gateway with real Keycloak tokens: the reference data the demo loads, the
 * Statistics Office's CSV push with its client-credentials token, and roll-ups across the 2025 merger of Kon Tum
 * into Quảng Ngãi, against figures computed by hand from {@code deploy/demo/indicators/statistics-sample.csv}.
 */
@ExtendWith(E2eSuite.class)
class IndicatorsE2eTest {

    static String statisticsOffice() {
        return "Bearer " + E2eSuite.clientToken("statistics-office", "statistics-office-demo-secret");
    }

    static byte[] sampleCsv() throws IOException {
        return Files.readAllBytes(config().repoRoot().resolve(Path.of("deploy", "demo", "indicators", "statistics-sample.csv")));
    }

    static ValidatableResponse rollup(String indicator, String unit, String period, String asOf) {
        return given().header("Authorization", bearer("health.reporter"))
                .get(gateway() + "/api/values/rollup?indicator=" + indicator + "&unit=" + unit + "&period=" + period + "&asOf=" + asOf).then();
    }

    /** The statistics office's first push of its CSV, which the roll-up and publication tests read. */
    private static ValidatableResponse firstPush;

    @BeforeAll
    static void theStatisticsOfficesCsvIsPushed() throws IOException {
        firstPush = given().header("Authorization", statisticsOffice()).contentType("text/csv").body(sampleCsv())
                .post(gateway() + "/api/values/pushes?reference=statistics-sample.csv").then();
    }

    @Test
    void theDemoReferenceDataIsLoaded() throws IOException {
        given().header("Authorization", bearer("planning.reporter"))
                .get(gateway() + "/api/indicators?codes=BIRTHS,MATERNAL_MORTALITY_RATIO,UNPAID_CARE_HOURS,NOT_AN_INDICATOR").then().statusCode(200)
                .body("total", equalTo(3)).body("items.code", contains("BIRTHS", "MATERNAL_MORTALITY_RATIO", "UNPAID_CARE_HOURS"));
        // Every indicator of the demo catalogue (other classes add indicators of their own, so the total is not asserted).
        List<String> demo = new ArrayList<>();
        new ObjectMapper().readTree(config().repoRoot().resolve(Path.of("deploy", "demo", "indicators", "catalogue.json")).toFile())
                .forEach(i -> demo.add(i.get("code").asText()));
        assertEquals(24, demo.size());
        given().header("Authorization", bearer("planning.reporter")).get(gateway() + "/api/indicators?size=500").then().statusCode(200)
                .body("items.code", hasItems(demo.toArray()));
        given().header("Authorization", bearer("planning.reporter")).get(gateway() + "/api/units/VN-46?asOf=2026-01-01").then().statusCode(200)
                .body("name", equalTo("Thành phố Huế")).body("level", equalTo("PROVINCE"));
        given().header("Authorization", bearer("planning.reporter")).get(gateway() + "/api/units/VN-62").then().statusCode(200)
                .body("validTo", equalTo("2025-06-30")).body("successors", contains("VN-51"));
        // supplier assignments were checked with plans-service by indicators-service's own service token
        given().header("Authorization", bearer("planning.reporter")).get(gateway() + "/api/indicators/suppliers?agency=TTH-DOH").then()
                .statusCode(200).body("sector", contains("HEALTH"));
    }

    @Test
    void theStatisticsOfficePushesItsCsvThroughTheGateway() throws IOException {
        given().contentType("text/csv").body(sampleCsv()).post(gateway() + "/api/values/pushes").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", bearer("auditor.tth")).contentType("text/csv").body(sampleCsv())
                .post(gateway() + "/api/values/pushes").then().statusCode(403);
        firstPush.statusCode(201)
                .header("Location", containsString("/api/values/pushes/"))
                .body("status", equalTo("SUCCEEDED")).body("committed", equalTo(true))
                .body("rowsRead", equalTo(37)).body("rowsAccepted", equalTo(37)).body("rowsRejected", equalTo(0))
                .body("source.agency", equalTo("TTH-STATS")).body("source.system", equalTo("statistics-office"));
        // Inserted on a fresh suite; another class (Dhis2E2eTest) may have pushed the same file before this one.
        JsonPath first = firstPush.extract().jsonPath();
        assertEquals(37, first.getInt("changed") + first.getInt("unchanged"), first.prettify());
        // the identical file again changes nothing
        given().header("Authorization", statisticsOffice()).contentType("text/csv").body(sampleCsv())
                .post(gateway() + "/api/values/pushes?reference=statistics-sample.csv").then().statusCode(201)
                .body("changed", equalTo(0)).body("unchanged", equalTo(37));
        given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/values/BIRTHS/VN-62/2023?sex=MALE").then()
                .statusCode(200).body("value", equalTo(5120)).body("status", equalTo("FINAL")).body("source.agency", equalTo("TTH-STATS"));
    }

    @Test
    void todaysQuangNgaiAddsKonTumsCountsFor2023() {
        // 8,640 + 4,710 girls and 9,460 + 5,120 boys; sex ratio at birth 14,580 ÷ 13,350 × 100 = 109.2134831…
        rollup("BIRTHS", "VN-51", "2023", "2026-01-01").statusCode(200)
                .body("female", equalTo(13350)).body("male", equalTo(14580)).body("total", equalTo(27930))
                .body("maleToFemaleX100", equalTo(109.2135f)).body("femaleShare", equalTo(47.7981f))
                .body("contributingUnits", contains("VN-51", "VN-62")).body("status", equalTo("FINAL"));
        // as the hierarchy stood before the merger, Quảng Ngãi is itself only
        rollup("BIRTHS", "VN-51", "2023", "2025-06-30").statusCode(200).body("total", equalTo(18100)).body("contributingUnits", contains("VN-51"));
        // Xã Sơn Tịnh (2025) = Tịnh Hà + Tịnh Sơn of the abolished district: 61 + 48 girls, 70 + 52 boys (provisional)
        rollup("BIRTHS", "VN-51-SONTINH", "2023", "2026-01-01").statusCode(200)
                .body("female", equalTo(109)).body("male", equalTo(122)).body("total", equalTo(231)).body("status", equalTo("PROVISIONAL"));
    }

    @Test
    void ratesAcrossTheMergerAreRecomputedFromTheirParts() {
        // (935 + 1,260) ÷ (41,200 + 26,800) × 1,000 = 32.2794…; the average of 22.69 and 47.01 would be 34.85
        rollup("ADOLESCENT_BIRTH_RATE", "VN-51", "2023", "2026-01-01").statusCode(200)
                .body("value", equalTo(32.2794f)).body("numerator", equalTo(2195)).body("denominator", equalTo(68000))
                .body("female", nullValue());
        rollup("ADOLESCENT_BIRTH_RATE", "VN-51", "2023", "2025-06-30").statusCode(200).body("value", equalTo(22.6942f));
        // (3 + 4) ÷ (18,100 + 9,830) × 100,000 = 25.0626…
        rollup("MATERNAL_MORTALITY_RATIO", "VN-51", "2023", "2026-01-01").statusCode(200).body("value", equalTo(25.0627f));
        // women's unpaid care hours: 1,820,400 ÷ 84,000 = 21.6714 h a week, men's 756,000 ÷ 81,000 = 9.3333 h: 2.3219 times
        rollup("UNPAID_CARE_HOURS", "VN-46", "2024", "2026-01-01").statusCode(200)
                .body("female", equalTo(21.6714f)).body("male", equalTo(9.3333f)).body("femaleToMaleRatio", equalTo(2.3219f));
    }

    @Test
    void reportingServiceWritesAnAcceptedReportWithItsServiceToken() {
        String service = "Bearer " + E2eSuite.clientToken("reporting-service", "reporting-service-demo-secret");
        String body = """
                {"source":{"kind":"REPORT","reference":"submission:e2e:v1","agency":"TTH-DOH"},
                 "values":[{"indicatorCode":"HEALTH_FACILITIES_LGBT_PILOT","unitCode":"VN-46","period":"2024","sex":null,"dimensions":{},
                            "value":1,"numerator":null,"denominator":null,"status":"FINAL"}]}""";
        given().header("Authorization", service).header("Idempotency-Key", "e2e-submission-1").contentType(ContentType.JSON).body(body)
                .post(gateway() + "/api/values/batch").then().statusCode(200)
                .body("accepted", equalTo(1)).body("changed", equalTo(1)).body("unchanged", equalTo(0));
        given().header("Authorization", service).header("Idempotency-Key", "e2e-submission-1").contentType(ContentType.JSON).body(body)
                .post(gateway() + "/api/values/batch").then().statusCode(200).body("changed", equalTo(1));
        given().header("Authorization", bearer("auditor.tth"))
                .get(gateway() + "/api/values/history?indicator=HEALTH_FACILITIES_LGBT_PILOT&unit=VN-46&period=2024").then().statusCode(200)
                .body("[0].source.kind", equalTo("REPORT")).body("[0].source.agency", equalTo("TTH-DOH"));
    }

    @Test
    void publishedFinalFiguresAreReadableWithoutAToken() {
        given().get(gateway() + "/api/public/values/rollup?indicator=BIRTHS&unit=VN-51&period=2023").then().statusCode(404);
        given().header("Authorization", bearer("gems.admin")).contentType(ContentType.JSON)
                .body("{\"indicator\":\"BIRTHS\",\"period\":\"2023\",\"unit\":\"VN-51\"}")
                .post(gateway() + "/api/values/publications").then().statusCode(201);
        given().get(gateway() + "/api/public/values/rollup?indicator=BIRTHS&unit=VN-51&period=2023&asOf=2026-01-01").then().statusCode(200)
                .body("total", equalTo(27930));
        given().get(gateway() + "/api/public/values?indicator=BIRTHS&period=2023&unit=VN-51-SONTINH").then().statusCode(200)
                .body("total", equalTo(0));
        given().get(gateway() + "/api/public/values/publications").then().statusCode(200).body("indicator", hasItem("BIRTHS"));
        // the internal API still wants a token
        given().get(gateway() + "/api/values/rollup?indicator=BIRTHS&unit=VN-51&period=2023").then().statusCode(401);
    }

    @Test
    void aBadFileIsRefusedWithLinesAndNothingIsWritten() {
        // Whatever is stored for WAGE_WORKERS of 2022 before the refused push must be what is stored after it.
        List<Object> before = given().header("Authorization", bearer("health.reporter"))
                .get(gateway() + "/api/values?indicator=WAGE_WORKERS&period=2022&size=500").then().statusCode(200).extract().jsonPath().getList("items");
        String csv = "indicator,unit,period,sex,value\nWAGE_WORKERS,VN-46,2022,FEMALE,100\nWAGE_WORKERS,VN-46,2022,MALE,-3\n"
                + "WAGE_WORKERS,VN-46,2022,TOTAL,97\n";
        given().header("Authorization", statisticsOffice()).contentType("text/csv").body(csv)
                .post(gateway() + "/api/values/pushes").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PUSH_REJECTED")).body("errors[0].field", equalTo("lines[3].value"))
                .body("errors[0].code", equalTo("NEGATIVE_VALUE"));
        assertEquals(before, given().header("Authorization", bearer("health.reporter"))
                .get(gateway() + "/api/values?indicator=WAGE_WORKERS&period=2022&size=500").then().statusCode(200).extract().jsonPath().getList("items"));
    }
}
