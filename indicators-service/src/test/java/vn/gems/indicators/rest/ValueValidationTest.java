package vn.gems.indicators.rest;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every value rule answers a precise error (field and code) and writes nothing. */
@QuarkusTest
public class ValueValidationTest {

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        Demo.load();
    }

    public static String value(String indicator, String unit, String period, String sex, String extra) {
        return "{\"indicatorCode\":\"" + indicator + "\",\"unitCode\":\"" + unit + "\",\"period\":\"" + period + "\""
                + (sex == null ? "" : ",\"sex\":\"" + sex + "\"") + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    public static String batch(String... values) {
        return "{\"source\":{\"kind\":\"MANUAL\",\"reference\":\"validation test\"},\"values\":[" + String.join(",", values) + "]}";
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("unknown indicator", value("NOPE", "VN-46", "2018", "FEMALE", "\"value\":1"), "values[0].indicator", "UNKNOWN_INDICATOR"),
                Arguments.of("unknown unit", value("BIRTHS", "VN-99", "2018", "FEMALE", "\"value\":1"), "values[0].unit", "UNKNOWN_UNIT"),
                Arguments.of("unknown dimension", value("BIRTHS", "VN-46", "2018", "FEMALE", "\"value\":1,\"dimensions\":{\"ethnicity\":\"KINH\"}"),
                        "values[0].ethnicity", "UNKNOWN_DIMENSION"),
                Arguments.of("unknown dimension value", value("PRIMARY_COMPLETION_RATE", "VN-46", "2018", "FEMALE",
                        "\"value\":90,\"dimensions\":{\"ethnicity\":\"MARTIAN\"}"), "values[0].ethnicity", "INVALID_DIMENSION_VALUE"),
                Arguments.of("malformed period", value("BIRTHS", "VN-46", "2018Q5", "FEMALE", "\"value\":1"), "values[0].period", "INVALID_PERIOD"),
                Arguments.of("period finer than the periodicity", value("BIRTHS", "VN-46", "2018Q2", "FEMALE", "\"value\":1"),
                        "values[0].period", "PERIOD_NOT_ALLOWED"),
                Arguments.of("unit that did not exist then", value("BIRTHS", "VN-62", "2026", "FEMALE", "\"value\":1"),
                        "values[0].period", "UNIT_NOT_VALID_FOR_PERIOD"),
                Arguments.of("unit that did not exist yet", value("BIRTHS", "VN-51-SONTINH", "2018", "FEMALE", "\"value\":1"),
                        "values[0].period", "UNIT_NOT_VALID_FOR_PERIOD"),
                Arguments.of("percentage above 100", value("POPULATION_REACHED_GE_KNOWLEDGE_SHARE", "VN-46", "2018", "FEMALE", "\"value\":100.5"),
                        "values[0].value", "PERCENT_OUT_OF_RANGE"),
                Arguments.of("negative count", value("BIRTHS", "VN-46", "2018", "FEMALE", "\"value\":-1"), "values[0].value", "NEGATIVE_VALUE"),
                Arguments.of("negative numerator", value("ADOLESCENT_BIRTH_RATE", "VN-46", "2018", null, "\"numerator\":-1,\"denominator\":10"),
                        "values[0].numerator", "NEGATIVE_VALUE"),
                Arguments.of("numerator above denominator for a share", value("GBV_VICTIMS_SUPPORTED_SHARE", "VN-46", "2018", "FEMALE",
                        "\"numerator\":11,\"denominator\":10"), "values[0].numerator", "NUMERATOR_EXCEEDS_DENOMINATOR"),
                Arguments.of("zero denominator", value("ADOLESCENT_BIRTH_RATE", "VN-46", "2018", null, "\"numerator\":1,\"denominator\":0"),
                        "values[0].denominator", "ZERO_DENOMINATOR"),
                Arguments.of("numerator without denominator", value("ADOLESCENT_BIRTH_RATE", "VN-46", "2018", null, "\"numerator\":1"),
                        "values[0].denominator", "INCOMPLETE_RATIO"),
                Arguments.of("value that does not match its parts", value("ADOLESCENT_BIRTH_RATE", "VN-46", "2018", null,
                        "\"value\":25,\"numerator\":23,\"denominator\":1000"), "values[0].value", "VALUE_MISMATCH"),
                Arguments.of("numerator for a count", value("BIRTHS", "VN-46", "2018", "FEMALE", "\"value\":1,\"numerator\":1,\"denominator\":2"),
                        "values[0].numerator", "NOT_APPLICABLE"),
                Arguments.of("no value", value("BIRTHS", "VN-46", "2018", "FEMALE", "\"status\":\"FINAL\""), "values[0].value", "VALUE_REQUIRED"),
                Arguments.of("sex missing for a person-based indicator", value("BIRTHS", "VN-46", "2018", null, "\"value\":1"),
                        "values[0].sex", "SEX_REQUIRED"),
                Arguments.of("sex given for an indicator not by sex", value("MATERNAL_MORTALITY_RATIO", "VN-46", "2018", "FEMALE", "\"value\":12"),
                        "values[0].sex", "SEX_NOT_APPLICABLE"),
                Arguments.of("unknown sex", value("BIRTHS", "VN-46", "2018", "OTHER", "\"value\":1"), "values[0].sex", "INVALID_SEX"),
                Arguments.of("fraction of a count", value("BIRTHS", "VN-46", "2018", "FEMALE", "\"value\":1.5"), "values[0].value", "NOT_A_WHOLE_NUMBER"),
                Arguments.of("yes/no that is neither", value("GENDER_CURRICULUM_TEACHER_TRAINING", "VN-46", "2018", null, "\"value\":2"),
                        "values[0].value", "INVALID_YES_NO"),
                Arguments.of("unknown status", value("BIRTHS", "VN-46", "2018", "FEMALE", "\"value\":1,\"status\":\"DRAFT\""),
                        "values[0].status", "INVALID_STATUS"),
                Arguments.of("indicator of another agency", value("WAGE_WORKERS", "VN-46", "2018", "FEMALE", "\"value\":1"),
                        "values[0].indicator", "NOT_YOUR_INDICATOR"),
                Arguments.of("unit outside the agency's province", value("BIRTHS", "VN-51", "2018", "FEMALE", "\"value\":1"),
                        "values[0].indicator", "NOT_YOUR_INDICATOR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleNamesTheFieldAndWritesNothing(String rule, String value, String field, String code) {
        long pushes = db.count("select count(*) from value_push");
        long values = db.count("select count(*) from indicator_value");
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value(("BIRTHS"), "VN-46", "2018", "MALE", "\"value\":5"), value))
                .post("/api/values/batch").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("INVALID_VALUES"))
                .body("errors.field", hasItem(field.replace("values[0]", "values[1]")))
                .body("errors.code", hasItem(code));
        assertEquals(pushes, db.count("select count(*) from value_push"));
        assertEquals(values, db.count("select count(*) from indicator_value"));
    }

    @Test
    void femalePlusMaleMustEqualTotalWithinABatch() {
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value("BIRTHS", "VN-46", "2018", "FEMALE", "\"value\":10"), value("BIRTHS", "VN-46", "2018", "MALE", "\"value\":12"),
                        value("BIRTHS", "VN-46", "2018", "TOTAL", "\"value\":23")))
                .post("/api/values/batch").then().statusCode(422)
                .body("errors.field", contains("values[0].value", "values[1].value", "values[2].value"))
                .body("errors[0].code", equalTo("SEX_TOTAL_MISMATCH")).body("errors[0].message", containsString("female 10 + male 12 = 22 ≠ total 23"));
        // for rates the parts add up: numerators and denominators
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value("GBV_VICTIMS_SUPPORTED_SHARE", "VN-46", "2018", "FEMALE", "\"numerator\":8,\"denominator\":10"),
                        value("GBV_VICTIMS_SUPPORTED_SHARE", "VN-46", "2018", "MALE", "\"numerator\":1,\"denominator\":2"),
                        value("GBV_VICTIMS_SUPPORTED_SHARE", "VN-46", "2018", "TOTAL", "\"numerator\":9,\"denominator\":13")))
                .post("/api/values/batch").then().statusCode(422);
    }

    @Test
    void femalePlusMaleMustEqualTheStoredTotal() {
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value("BIRTHS", "VN-46", "2017", "TOTAL", "\"value\":100")))
                .post("/api/values/batch").then().statusCode(200);
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value("BIRTHS", "VN-46", "2017", "FEMALE", "\"value\":48"), value("BIRTHS", "VN-46", "2017", "MALE", "\"value\":51")))
                .post("/api/values/batch").then().statusCode(422)
                .body("errors[0].code", equalTo("SEX_TOTAL_MISMATCH")).body("errors[0].message", containsString("stored"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value("BIRTHS", "VN-46", "2017", "FEMALE", "\"value\":48"), value("BIRTHS", "VN-46", "2017", "MALE", "\"value\":52")))
                .post("/api/values/batch").then().statusCode(200).body("inserted", equalTo(2));
    }

    @Test
    void theSameKeyTwiceInABatchIsRejected() {
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value("BIRTHS", "VN-46", "2016", "FEMALE", "\"value\":10"), value("BIRTHS", "VN-46", "2016", "FEMALE", "\"value\":11")))
                .post("/api/values/batch").then().statusCode(422).body("errors.code", contains("DUPLICATE_ROW", "DUPLICATE_ROW"));
    }

    @Test
    void malformedBodiesAreProblems() {
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body("{\"source\":")
                .post("/api/values/batch").then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body("{\"source\":{\"kind\":\"GOSSIP\"},\"values\":[]}")
                .post("/api/values/batch").then().statusCode(400).body("errors[0].field", equalTo("source.kind"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body("{\"values\":[]}")
                .post("/api/values/batch").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("source")).body("errors.field", hasItem("values"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(batch(value("BIRTHS", "VN-46", "2018", "FEMALE", "\"value\":\"lots\"")))
                .post("/api/values/batch").then().statusCode(400).body("errors[0].field", equalTo("values[0].value"));
    }
}
