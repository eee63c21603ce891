package vn.gems.indicators.rest;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The catalogue: seed 003's measures, consistent definitions, admin-only edits with ETags, suppliers checked with plans-service. */
@QuarkusTest
class CatalogueTest {

    static final List<String> SEED_003 = List.of("GOV_BODIES_FEMALE_KEY_LEADER_SHARE", "WAGE_WORKERS", "EMPLOYED_IN_AGRICULTURE_SHARE",
            "ENTERPRISE_DIRECTORS", "UNPAID_CARE_HOURS", "GBV_VICTIMS_SUPPORTED_SHARE", "GBV_PERPETRATORS_COUNSELLED_SHARE",
            "TRAFFICKING_VICTIMS_SUPPORTED_SHARE", "SOCIAL_FACILITIES_GBV_SHARE", "BIRTHS", "MATERNAL_MORTALITY_RATIO", "ADOLESCENT_BIRTH_RATE",
            "HEALTH_FACILITIES_LGBT_PILOT", "GENDER_CURRICULUM_TEACHER_TRAINING", "PRIMARY_COMPLETION_RATE", "LOWER_SECONDARY_COMPLETION_RATE",
            "VOCATIONAL_NEW_ENROLMENTS", "MASTERS_DEGREE_HOLDERS", "DOCTORATE_HOLDERS", "POPULATION_REACHED_GE_KNOWLEDGE_SHARE",
            "ORGS_INFORMED_COMMITTED_SHARE", "COMMUNES_GE_NEWS_SHARE", "BROADCASTERS_GE_PROGRAMME_SHARE");

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        Demo.load();
    }

    static String indicator(String code, String unit, String subject, boolean bySex, String aggregation) {
        return """
                {"code":"%s","nameVi":"Chỉ số thử","nameEn":"Test indicator","unit":"%s","subject":"%s","bySex":%s,
                 "aggregation":"%s","numeratorEn":"parts","denominatorEn":"wholes","direction":"HIGHER","periodicity":"ANNUAL",
                 "supplierSectors":["HEALTH"]}""".formatted(code, unit, subject, bySex, aggregation);
    }

    @Test
    void seed003MeasuresAreInTheCatalogueAsDefined() {
        given().header("Authorization", Api.HEALTH).get("/api/indicators?codes=" + String.join(",", SEED_003) + ",NOT_THERE").then().statusCode(200)
                .body("total", equalTo(23)).body("items.code", containsInAnyOrder(SEED_003.toArray()));
        given().header("Authorization", Api.HEALTH).get("/api/indicators/BIRTHS").then().statusCode(200).header("ETag", "\"0\"")
                .body("unit", equalTo("COUNT")).body("bySex", equalTo(true)).body("aggregation", equalTo("SUM"))
                .body("valueType", equalTo("INTEGER")).body("supplierSectors", contains("HEALTH"));
        given().header("Authorization", Api.HEALTH).get("/api/indicators/MATERNAL_MORTALITY_RATIO").then().statusCode(200)
                .body("unit", equalTo("PER_100000")).body("multiplier", equalTo(100000)).body("bySex", equalTo(false))
                .body("aggregation", equalTo("RATIO")).body("numeratorEn", equalTo("Maternal deaths")).body("direction", equalTo("LOWER"));
        given().header("Authorization", Api.HEALTH).get("/api/indicators/LOWER_SECONDARY_COMPLETION_RATE").then().statusCode(200)
                .body("dimensions[0].code", equalTo("ethnicity")).body("dimensions[0].values", contains("KINH", "MINORITY"));
        given().header("Authorization", Api.HEALTH).get("/api/indicators/GBV_VICTIMS_SUPPORTED_SHARE").then().statusCode(200)
                .body("supplierSectors", contains("LABOUR", "CULTURE"));
        given().header("Authorization", Api.HEALTH).get("/api/indicators/GENDER_CURRICULUM_TEACHER_TRAINING").then().statusCode(200)
                .body("valueType", equalTo("BOOLEAN")).body("aggregation", equalTo("NONE")).body("multiplier", nullValue());
        given().header("Authorization", Api.HEALTH).get("/api/indicators?sector=STATISTICS").then().statusCode(200)
                .body("items.code", containsInAnyOrder("UNPAID_CARE_HOURS", "MASTERS_DEGREE_HOLDERS", "DOCTORATE_HOLDERS"));
        given().header("Authorization", Api.HEALTH).get("/api/indicators/NOPE").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/indicators").then().statusCode(401);
    }

    @Test
    void onlyAdminsEditTheCatalogue() {
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body(indicator("TEST_FORBIDDEN", "COUNT", "FACILITIES", false, "SUM"))
                .post("/api/indicators").then().statusCode(403);
        given().contentType(ContentType.JSON).body(indicator("TEST_FORBIDDEN", "COUNT", "FACILITIES", false, "SUM"))
                .post("/api/indicators").then().statusCode(401);
        assertEquals(0, db.count("select count(*) from indicator where code = 'TEST_FORBIDDEN'"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(indicator("TEST_CLINICS", "COUNT", "FACILITIES", false, "SUM"))
                .post("/api/indicators").then().statusCode(201).header("Location", Matchers.endsWith("/api/indicators/TEST_CLINICS"))
                .header("ETag", "\"0\"").body("valueType", equalTo("INTEGER"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(indicator("TEST_CLINICS", "COUNT", "FACILITIES", false, "SUM"))
                .post("/api/indicators").then().statusCode(409).body("code", equalTo("INDICATOR_EXISTS"));
    }

    @Test
    void definitionsMustBeConsistent() {
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(indicator("TEST_PEOPLE", "COUNT", "PERSONS", false, "SUM"))
                .post("/api/indicators").then().statusCode(422).body("errors[0].field", equalTo("bySex"))
                .body("errors[0].code", equalTo("SEX_REQUIRED_FOR_PERSONS"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(indicator("TEST_SUMMED_SHARE", "PERCENT", "ORGANISATIONS", false, "SUM"))
                .post("/api/indicators").then().statusCode(422).body("errors[0].code", equalTo("INCONSISTENT_AGGREGATION"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body(indicator("TEST_RATE", "PER_1000", "WOMEN", false, "RATIO").replace("\"numeratorEn\":\"parts\",", ""))
                .post("/api/indicators").then().statusCode(422).body("errors[0].code", equalTo("NUMERATOR_DEFINITION_REQUIRED"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body(indicator("TEST_DIMS", "COUNT", "PERSONS", true, "SUM")
                        .replace("\"direction\"", "\"dimensions\":[{\"code\":\"sex\",\"values\":[\"F\"]},{\"code\":\"Area\",\"values\":[]}],\"direction\""))
                .post("/api/indicators").then().statusCode(400).body("errors.field", hasItem("dimensions[1].code"))
                .body("errors.field", hasItem("dimensions[1].values"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("{\"code\":\"lower case\"}")
                .post("/api/indicators").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("unit")).body("errors.field", hasItem("supplierSectors"));
    }

    @Test
    void editsNeedIfMatchAndCannotChangeWhatStoredValuesMean() {
        String v1 = indicator("TEST_EDIT", "COUNT", "FACILITIES", false, "SUM");
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(v1).post("/api/indicators").then().statusCode(201);
        String v2 = v1.replace("Test indicator", "Edited indicator");
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(v2).put("/api/indicators/TEST_EDIT").then().statusCode(428);
        given().header("Authorization", Api.ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(v2)
                .put("/api/indicators/TEST_EDIT").then().statusCode(200).header("ETag", "\"1\"").body("nameEn", equalTo("Edited indicator"));
        given().header("Authorization", Api.ADMIN).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(v2)
                .put("/api/indicators/TEST_EDIT").then().statusCode(412);
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body(ValueValidationTest.batch(ValueValidationTest.value("TEST_EDIT", "VN-46", "2020", null, "\"value\":3")))
                .post("/api/values/batch").then().statusCode(200);
        given().header("Authorization", Api.ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(v2.replace("\"aggregation\":\"SUM\"", "\"aggregation\":\"NONE\"")).put("/api/indicators/TEST_EDIT").then().statusCode(409)
                .body("code", equalTo("INDICATOR_HAS_VALUES")).body("errors[0].field", equalTo("aggregation"));
        given().header("Authorization", Api.HEALTH).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(v2)
                .put("/api/indicators/TEST_EDIT").then().statusCode(403);
    }

    @Test
    void supplierAssignmentsAreCheckedWithPlansService() {
        given().header("Authorization", Api.HEALTH).get("/api/indicators/suppliers?agency=TTH-DOH").then().statusCode(200)
                .body("", hasSize(1)).body("[0].sector", equalTo("HEALTH")).body("[0].unitCode", equalTo("VN-46"));
        // the fake plans-service only answers requests carrying indicators-service's own client-credentials token
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"sector\":\"HEALTH\",\"unitCode\":\"VN-42\",\"agencyCode\":\"HTI-DOH\",\"validFrom\":\"2021-01-01\"}")
                .post("/api/indicators/suppliers").then().statusCode(422).body("code", equalTo("UNKNOWN_AGENCY"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"sector\":\"HEALTH\",\"unitCode\":\"VN-99\",\"agencyCode\":\"TTH-DOH\",\"validFrom\":\"2021-01-01\"}")
                .post("/api/indicators/suppliers").then().statusCode(422).body("code", equalTo("UNKNOWN_UNIT"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"sector\":\"HEALTH\",\"unitCode\":\"VN-46\",\"agencyCode\":\"TTH-DOH\",\"validFrom\":\"2021-01-01\"}")
                .post("/api/indicators/suppliers").then().statusCode(409).body("code", equalTo("ASSIGNMENT_EXISTS"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body("{\"sector\":\"HEALTH\",\"unitCode\":\"VN-51\",\"agencyCode\":\"TTH-DOH\",\"validFrom\":\"2021-01-01\"}")
                .post("/api/indicators/suppliers").then().statusCode(403);
    }
}
