package vn.gems.indicators;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/** Input meant to break things gets a 4xx problem, never a 5xx: control characters, huge fields, deep JSON, odd numbers. */
@QuarkusTest
class HostileInputTest {

    @BeforeEach
    void data() {
        Demo.load();
    }

    @Test
    void controlCharactersInPathsAndQueriesAreRefused() {
        given().urlEncodingEnabled(false).header("Authorization", Api.HEALTH).get("/api/indicators/BIRTHS%00").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CHARACTER"));
        given().urlEncodingEnabled(false).header("Authorization", Api.HEALTH).get("/api/indicators?q=a%00b").then().statusCode(400);
        given().urlEncodingEnabled(false).header("Authorization", Api.HEALTH).get("/api/values?indicator=BIRTHS&dims=ethnicity:%1F").then()
                .statusCode(400);
        given().urlEncodingEnabled(false).get("/api/public/values?indicator=BIRTHS&period=2024%00").then().statusCode(400);
    }

    @Test
    void controlCharactersInJsonStringsAreRefused() {
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"VN-42-NUL\",\"nameVi\":\"X\\u0000\",\"nameEn\":\"X\",\"level\":\"COMMUNE\",\"parentCode\":\"VN-42\",\"validFrom\":\"2025-07-01\"}")
                .post("/api/units").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("nameVi"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body("{\"source\":{\"kind\":\"MANUAL\",\"reference\":\"a\\u0000\"},\"values\":[]}")
                .post("/api/values/batch").then().statusCode(400);
    }

    @Test
    void pathologicalFilesAreReportedRowByRow() {
        String csv = "indicator,unit,period,sex,value\n"
                + "WAGE_WORKERS,VN-46,2024,FEMALE,\"" + "x".repeat(100_000) + "\"\n"
                + "=cmd|' /C calc'!A0,VN-46,2024,MALE,1\n"
                + "MATERNAL_MORTALITY_RATIO,VN-46,2024,,1e999\n"
                + "BIRTHS\u0000,VN-46,2024,FEMALE,1\n"
                + ",,,,,,,,,,,,,,,,,\n";
        // over the tests' 16K threshold: answered 202, the job then fails with every bad row listed
        String location = Api.pushCsv(Api.STATS, csv, "").statusCode(202).extract().header("Location");
        Api.awaitEnd(location, Api.STATS);
        given().header("Authorization", Api.STATS).get(location).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("rejections.code", hasItem("MALFORMED_ROW")).body("rejections.code", hasItem("UNKNOWN_INDICATOR"))
                .body("rejections.code", hasItem("INVALID_NUMBER"))
                .body("rejections.message", not(hasItem(containsString("\u0000"))));
        Api.pushCsv(Api.STATS, "\"unclosed,header\nBIRTHS,VN-46,2024,FEMALE,1\n", "").statusCode(400).body("code", equalTo("UNTERMINATED_QUOTE"));
        byte[] bad = {'i', 'n', 'd', 'i', 'c', 'a', 't', 'o', 'r', ',', 'u', 'n', 'i', 't', ',', 'p', 'e', 'r', 'i', 'o', 'd', ',', 'v', 'a', 'l', 'u', 'e',
                '\n', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, ',', '1', '\n'};
        Api.push(Api.STATS, "text/csv", bad, "").statusCode(422).body("errors[0].code", equalTo("UNKNOWN_INDICATOR"));
        Api.push(Api.STATS, "application/json", ("[".repeat(3000) + "]".repeat(3000)).getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        location = Api.push(Api.STATS, "application/x-ndjson", ("{\"indicatorCode\":\"" + "y".repeat(2_000_000) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8), "").statusCode(202).extract().header("Location");
        Api.awaitEnd(location, Api.STATS);
        given().header("Authorization", Api.STATS).get(location).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("rejections[0].code", equalTo("MALFORMED_ROW"));
    }

    @Test
    void extremeNumbersAndDatesAreRefused() {
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body("{\"value\":1e999999999}")
                .put("/api/values/BIRTHS/VN-46/2018?sex=FEMALE").then().statusCode(422).body("errors[0].code", equalTo("INVALID_NUMBER"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"RENAME\",\"effectiveDate\":\"-999999999-01-01\",\"from\":[\"VN-42\"],\"newNameVi\":\"X\",\"newNameEn\":\"X\"}")
                .post("/api/unit-events").then().statusCode(lessThan(500)).contentType("application/problem+json");
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"VN-42-FAR\",\"nameVi\":\"X\",\"nameEn\":\"X\",\"level\":\"COMMUNE\",\"parentCode\":\"VN-42\",\"validFrom\":\"2025-07-01\",\"validTo\":\"+999999999-12-31\"}")
                .post("/api/units").then().statusCode(422).body("code", equalTo("IMPLAUSIBLE_DATE"));
    }

    @Test
    void oddParametersAreProblemsNotFailures() {
        given().header("Authorization", Api.HEALTH).get("/api/values/pushes?page=2147483647&size=500").then().statusCode(lessThan(500));
        given().header("Authorization", Api.HEALTH).get("/api/indicators?page=2147483647&size=500").then().statusCode(lessThan(500));
        given().header("Authorization", Api.HEALTH).get("/api/values/rollup?indicator=BIRTHS&unit=VN-46&period=2024&asOf=+999999999-12-31")
                .then().statusCode(lessThan(500));
        given().header("Authorization", Api.HEALTH).get("/api/values/series?indicator=BIRTHS&unit=VN-46&from=-5&to=3000").then().statusCode(400);
        given().header("Authorization", Api.HEALTH).get("/api/values/pushes/99999999999").then().statusCode(404);
        given().header("Authorization", Api.HEALTH).get("/api/values/pushes/abc").then().statusCode(404);
        given().header("Authorization", Api.STATS).header("Idempotency-Key", "ä").contentType("text/csv").body("indicator,unit,period,value\n")
                .post("/api/values/pushes").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("idempotencyKey")).body("errors[0].code", equalTo("PATTERN"));
        given().header("Authorization", Api.STATS).contentType("text/csv").body("indicator,unit,period,value\n")
                .post("/api/values/pushes?reference=" + "r".repeat(400)).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("reference")).body("errors[0].code", equalTo("SIZE"));
        // typed parameters: a value the enum does not have is 400 naming the parameter and what it accepts, never 404
        given().header("Authorization", Api.STATS).contentType("text/csv").body("indicator,unit,period,value\n")
                .post("/api/values/pushes?onError=MAYBE").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_ON_ERROR")).body("errors[0].field", equalTo("onError")).body("detail", containsString("ABORT"));
        given().header("Authorization", Api.STATS).contentType("text/csv").body("indicator,unit,period,value\n")
                .post("/api/values/pushes?status=maybe&sourceKind=system").then().statusCode(400).body("code", equalTo("INVALID_STATUS"));
        given().header("Authorization", Api.STATS).contentType("text/csv").body("indicator,unit,period,value\n")
                .post("/api/values/pushes?sourceKind=REPORT").then().statusCode(400).body("code", equalTo("INVALID_SOURCE_KIND"));
        given().header("Authorization", Api.STATS).contentType("text/csv").body("indicator,unit,period,value\n")
                .post("/api/values/pushes?agency=tth").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("agency"));
    }
}
