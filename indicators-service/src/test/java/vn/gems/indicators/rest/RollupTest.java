package vn.gems.indicators.rest;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Roll-ups across the 2025 restructuring, against hand-computed expectations. 2023 figures are reported for
 * old Quảng Ngãi (VN-51), Kon Tum (VN-62, merged into VN-51 on 2025-07-01), communes of the abolished Sơn
 * Tịnh district, and a ward of Kon Tum City. Today's Quảng Ngãi must add Kon Tum; a commune's figure must not
 * be counted again when its province reported.
 */
@QuarkusTest
class RollupTest {

    static final String CSV = """
            indicator,unit,period,sex,value,numerator,denominator,status
            BIRTHS,VN-51,2023,FEMALE,1000,,,FINAL
            BIRTHS,VN-51,2023,MALE,1100,,,FINAL
            BIRTHS,VN-51,2023,TOTAL,2100,,,FINAL
            BIRTHS,VN-62,2023,F,400,,,FINAL
            BIRTHS,VN-62,2023,M,460,,,FINAL
            BIRTHS,VN-62,2023,T,860,,,FINAL
            BIRTHS,VN-51-STI-TINHBAC,2023,F,50,,,FINAL
            BIRTHS,VN-51-STI-TINHBAC,2023,M,60,,,FINAL
            BIRTHS,VN-51-STI-TINHBAC,2023,T,110,,,FINAL
            BIRTHS,VN-62-KTC-QUYETTHANG,2023,F,30,,,FINAL
            BIRTHS,VN-62-KTC-QUYETTHANG,2023,M,31,,,FINAL
            BIRTHS,VN-62-KTC-QUYETTHANG,2023,T,61,,,FINAL
            BIRTHS,VN-51-STI-TINHHA,2023,F,20,,,FINAL
            BIRTHS,VN-51-STI-TINHHA,2023,M,25,,,FINAL
            BIRTHS,VN-51-STI-TINHHA,2023,T,45,,,FINAL
            BIRTHS,VN-51-STI-TINHSON,2023,F,15,,,PROVISIONAL
            BIRTHS,VN-51-STI-TINHSON,2023,M,14,,,PROVISIONAL
            BIRTHS,VN-51-STI-TINHSON,2023,T,29,,,PROVISIONAL
            ADOLESCENT_BIRTH_RATE,VN-51,2023,,,230,10000,FINAL
            ADOLESCENT_BIRTH_RATE,VN-62,2023,,30,180,6000,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-51,2023,FEMALE,,120,400,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-51,2023,MALE,,150,450,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-51,2023,TOTAL,,270,850,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-62,2023,FEMALE,45,90,200,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-62,2023,MALE,,100,250,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-62,2023,TOTAL,,190,450,FINAL
            """;

    private static boolean pushed;

    @BeforeEach
    void data() {
        Demo.load();
        if (!pushed) {
            Api.pushCsv(Api.STATS, CSV, "?reference=rollup-test.csv").statusCode(201).body("inserted", equalTo(26));
            pushed = true;
        }
    }

    @Test
    void todaysQuangNgaiAddsKonTumFor2023() {
        rollup("BIRTHS", "VN-51", "2023", "2026-01-01").statusCode(200)
                .body("female", equalTo(1400)).body("male", equalTo(1560)).body("total", equalTo(2960)).body("value", equalTo(2960))
                // sex ratio at birth = 1560 ÷ 1400 × 100 = 111.428571…; female share = 1400 ÷ 2960 × 100 = 47.297297…
                .body("maleToFemaleX100", equalTo(111.4286f)).body("femaleShare", equalTo(47.2973f))
                .body("femaleToMaleRatio", equalTo(0.8974f)).body("gap", equalTo(-160)).body("genderParityIndex", equalTo(0.8974f))
                // the communes are inside units that reported, so they are not added again
                .body("contributingUnits", contains("VN-51", "VN-62")).body("valueCount", equalTo(6))
                .body("status", equalTo("FINAL")).body("asOf", equalTo("2026-01-01"))
                .body("sources[0].agency", equalTo("TTH-STATS")).body("sources[0].reference", equalTo("rollup-test.csv"));
    }

    @Test
    void beforeTheMergerQuangNgaiIsItselfOnly() {
        rollup("BIRTHS", "VN-51", "2023", "2025-06-30").statusCode(200)
                .body("female", equalTo(1000)).body("male", equalTo(1100)).body("total", equalTo(2100))
                .body("contributingUnits", contains("VN-51"));
    }

    @Test
    void ratesAreRecomputedFromPartsNeverAveraged() {
        // (230 + 180) ÷ (10000 + 6000) × 1000 = 25.625; the average of 23 and 30 would be 26.5
        rollup("ADOLESCENT_BIRTH_RATE", "VN-51", "2023", "2026-01-01").statusCode(200)
                .body("value", equalTo(25.625f)).body("numerator", equalTo(410)).body("denominator", equalTo(16000))
                .body("female", nullValue()).body("femaleShare", nullValue()).body("contributingUnits", contains("VN-51", "VN-62"));
        // female: 210 ÷ 600 = 35 %; male: 250 ÷ 700 = 35.714285… %; total: 460 ÷ 1300 = 35.384615… %
        rollup("EMPLOYED_IN_AGRICULTURE_SHARE", "VN-51", "2023", "2026-01-01").statusCode(200)
                .body("female", equalTo(35)).body("male", equalTo(35.7143f)).body("total", equalTo(35.3846f))
                .body("numerator", equalTo(460)).body("denominator", equalTo(1300))
                // women's share of the employed in agriculture: 210 ÷ 460 × 100 = 45.652173…
                .body("femaleShare", equalTo(45.6522f)).body("femaleToMaleRatio", equalTo(0.98f))
                .body("maleToFemaleX100", equalTo(102.0408f)).body("gap", equalTo(-0.7143f));
    }

    @Test
    void aNewCommuneAddsUpTheCommunesMergedIntoIt() {
        // Xã Sơn Tịnh (2025) = Tịnh Hà + Tịnh Sơn: 20 + 15 women, 25 + 14 men; Tịnh Sơn's figures are provisional
        rollup("BIRTHS", "VN-51-SONTINH", "2023", "2026-01-01").statusCode(200)
                .body("female", equalTo(35)).body("male", equalTo(39)).body("total", equalTo(74))
                .body("contributingUnits", contains("VN-51-STI-TINHHA", "VN-51-STI-TINHSON")).body("status", equalTo("PROVISIONAL"));
    }

    @Test
    void aUnitThatNoLongerExistsIsRolledUpAsOnItsLastDay() {
        rollup("BIRTHS", "VN-62", "2023", "2026-01-01").statusCode(200)
                .body("asOf", equalTo("2025-06-30")).body("total", equalTo(860)).body("contributingUnits", contains("VN-62"));
    }

    @Test
    void batchOfRollupsFollowsTheContract() {
        given().header("Authorization", Api.REPORTING_SERVICE).contentType(ContentType.JSON)
                .body("""
                        {"asOf":"2026-01-01","queries":[
                          {"indicator":"BIRTHS","unit":"VN-51","period":"2023","dimensions":{}},
                          {"indicator":"BIRTHS","unit":"VN-42","period":"2023"}]}""")
                .post("/api/values/rollups").then().statusCode(200)
                .body("results", hasSize(2))
                .body("results[0].total", equalTo(2960)).body("results[0].indicator", equalTo("BIRTHS"))
                .body("results[1].valueCount", equalTo(0)).body("results[1].total", nullValue()).body("results[1].status", nullValue());
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body("{\"queries\":[{\"indicator\":\"NOPE\",\"unit\":\"VN-99\",\"period\":\"2023x\"}]}")
                .post("/api/values/rollups").then().statusCode(422).body("code", equalTo("INVALID_QUERIES"))
                .body("errors.field", contains("queries[0].indicator", "queries[0].unit", "queries[0].period"));
    }

    @Test
    void seriesRollsUpEachPeriod() {
        given().header("Authorization", Api.HEALTH)
                .get("/api/values/series?indicator=BIRTHS&unit=VN-51&from=2022&to=2023&asOf=2026-01-01").then().statusCode(200)
                .body("points", hasSize(2)).body("points[0].period", equalTo("2022")).body("points[0].valueCount", equalTo(0))
                .body("points[1].total", equalTo(2960));
    }

    @Test
    void aCommittedValueIsInTheNextRollup() {
        Api.pushCsv(Api.STATS, """
                indicator,unit,period,sex,value,status
                BIRTHS,VN-42,2019,FEMALE,10,FINAL
                BIRTHS,VN-42,2019,MALE,12,FINAL
                BIRTHS,VN-42,2019,TOTAL,22,FINAL
                """, "").statusCode(201);
        rollup("BIRTHS", "VN-42", "2019", null).statusCode(200).body("total", equalTo(22));
        Api.pushCsv(Api.STATS, """
                indicator,unit,period,sex,value,status
                BIRTHS,VN-42,2019,FEMALE,11,FINAL
                BIRTHS,VN-42,2019,TOTAL,23,FINAL
                """, "").statusCode(201).body("updated", equalTo(2));
        rollup("BIRTHS", "VN-42", "2019", null).statusCode(200).body("total", equalTo(23)).body("female", equalTo(11));
    }

    @Test
    void publicReadsShowOnlyFinalValuesOfPublishedDataSets() {
        given().get("/api/public/values/rollup?indicator=BIRTHS&unit=VN-51-SONTINH&period=2023").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body("{\"indicator\":\"BIRTHS\",\"period\":\"2023\",\"unit\":\"VN-51\"}")
                .post("/api/values/publications").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("{\"indicator\":\"BIRTHS\",\"period\":\"2023\",\"unit\":\"VN-51\"}")
                .post("/api/values/publications").then().statusCode(201).body("unit", equalTo("VN-51"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("{\"indicator\":\"BIRTHS\",\"period\":\"2023\",\"unit\":\"VN-51\"}")
                .post("/api/values/publications").then().statusCode(409).body("code", equalTo("ALREADY_PUBLISHED"));
        // Xã Sơn Tịnh: Tịnh Sơn's provisional figures stay out of the public roll-up
        given().get("/api/public/values/rollup?indicator=BIRTHS&unit=VN-51-SONTINH&period=2023&asOf=2026-01-01").then().statusCode(200)
                .body("total", equalTo(45)).body("contributingUnits", contains("VN-51-STI-TINHHA")).body("status", equalTo("FINAL"));
        given().get("/api/public/values/rollup?indicator=BIRTHS&unit=VN-51&period=2023&asOf=2026-01-01").then().statusCode(200)
                .body("total", equalTo(2960));
        given().get("/api/public/values?indicator=BIRTHS&period=2023&unit=VN-51-SONTINH&size=50").then().statusCode(200)
                .body("total", equalTo(3)).body("items.status", contains("FINAL", "FINAL", "FINAL"));
        given().get("/api/public/values?indicator=BIRTHS&period=2022").then().statusCode(200).body("total", equalTo(0));
        given().get("/api/public/values/publications?indicator=BIRTHS").then().statusCode(200).body("unit", Matchers.hasItem("VN-51"));
        // the internal API still needs a token
        given().get("/api/values/rollup?indicator=BIRTHS&unit=VN-51&period=2023").then().statusCode(401);
    }

    @Test
    void unknownCodesAre404AndBadPeriodsAre400() {
        given().header("Authorization", Api.HEALTH).get("/api/values/rollup?indicator=NOPE&unit=VN-51&period=2023").then().statusCode(404);
        given().header("Authorization", Api.HEALTH).get("/api/values/rollup?indicator=BIRTHS&unit=VN-99&period=2023").then().statusCode(404);
        given().header("Authorization", Api.HEALTH).get("/api/values/rollup?indicator=BIRTHS&unit=VN-51&period=2023-13").then().statusCode(400)
                .body("code", equalTo("INVALID_PERIOD")).body("errors[0].field", equalTo("period"));
        given().header("Authorization", Api.HEALTH).get("/api/values/rollup?indicator=BIRTHS&unit=VN-51&period=2023&dims=ethnicity").then()
                .statusCode(400).body("code", equalTo("INVALID_DIMENSIONS")).body("detail", containsString("code:VALUE"));
    }

    private static ValidatableResponse rollup(String indicator, String unit, String period, String asOf) {
        return given().header("Authorization", Api.HEALTH)
                .get("/api/values/rollup?indicator=" + indicator + "&unit=" + unit + "&period=" + period + (asOf == null ? "" : "&asOf=" + asOf))
                .then();
    }
}
