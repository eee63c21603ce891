package vn.gems.indicators.rest;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Single and batch upserts: idempotent, audited, Idempotency-Key, the overwrite rule, and who may do what. */
@QuarkusTest
class ValueWriteTest {

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        Demo.load();
    }

    long history(String unit, String period) {
        return db.count("select count(*) from indicator_value_history h join admin_unit u on u.id = h.unit_id where u.code = ? and h.period = ?",
                unit, period);
    }

    @Test
    void singleUpsertIsIdempotentAndAudited() {
        String body = "{\"value\":12.5,\"status\":\"PROVISIONAL\"}";
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body(body)
                .put("/api/values/MATERNAL_MORTALITY_RATIO/VN-46/2021").then().statusCode(200)
                .body("changed", equalTo(true)).body("value.value", equalTo(12.5f)).body("value.status", equalTo("PROVISIONAL"))
                .body("value.source.agency", equalTo("TTH-DOH")).body("value.source.kind", equalTo("MANUAL"))
                .body("value.writtenBy", equalTo("health.reporter")).body("value.writtenAt", notNullValue());
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body(body)
                .put("/api/values/MATERNAL_MORTALITY_RATIO/VN-46/2021").then().statusCode(200).body("changed", equalTo(false));
        assertEquals(0, history("VN-46", "2021"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body("{\"numerator\":2,\"denominator\":15000,\"status\":\"FINAL\"}")
                .put("/api/values/MATERNAL_MORTALITY_RATIO/VN-46/2021").then().statusCode(200)
                .body("changed", equalTo(true)).body("value.value", equalTo(13.333333f)).body("value.status", equalTo("FINAL"));
        assertEquals(1, history("VN-46", "2021"));
        given().header("Authorization", Api.AUDITOR).get("/api/values/history?indicator=MATERNAL_MORTALITY_RATIO&unit=VN-46&period=2021")
                .then().statusCode(200).body("change", contains("CURRENT", "UPDATED")).body("status", contains("FINAL", "PROVISIONAL"))
                .body("value", contains(13.333333f, 12.5f));
        given().header("Authorization", Api.HEALTH).get("/api/values/MATERNAL_MORTALITY_RATIO/VN-46/2021").then().statusCode(200)
                .body("numerator", equalTo(2)).body("denominator", equalTo(15000));
        given().header("Authorization", Api.HEALTH).get("/api/values/MATERNAL_MORTALITY_RATIO/VN-46/2020").then().statusCode(404);
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body("{\"value\":-1}")
                .put("/api/values/MATERNAL_MORTALITY_RATIO/VN-46/2021").then().statusCode(422).body("errors[0].code", equalTo("NEGATIVE_VALUE"));
    }

    @Test
    void idempotencyKeyReplaysAndRefusesAnotherBody() {
        String body = ValueValidationTest.batch(ValueValidationTest.value("BIRTHS", "VN-46", "2012", "TOTAL", "\"value\":77"));
        int pushId = given().header("Authorization", Api.HEALTH).header("Idempotency-Key", "batch-key-1").contentType(ContentType.JSON).body(body)
                .post("/api/values/batch").then().statusCode(200).body("inserted", equalTo(1)).extract().path("pushId");
        given().header("Authorization", Api.HEALTH).header("Idempotency-Key", "batch-key-1").contentType(ContentType.JSON).body(body)
                .post("/api/values/batch").then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("pushId", equalTo(pushId)).body("inserted", equalTo(1));
        given().header("Authorization", Api.HEALTH).header("Idempotency-Key", "batch-key-1").contentType(ContentType.JSON)
                .body(body.replace("77", "78")).post("/api/values/batch").then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }

    @Test
    void concurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        String body = ValueValidationTest.batch(ValueValidationTest.value("BIRTHS", "VN-46", "2011", "TOTAL", "\"value\":5"));
        long before = db.count("select count(*) from value_push");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> given().header("Authorization", Api.HEALTH).header("Idempotency-Key", "race-key").contentType(ContentType.JSON)
                        .body(body).post("/api/values/batch").then().extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, db.count("select count(*) from value_push"));
    }

    @Test
    void reportingServiceWritesAcceptedReportsForTheSubmittingAgency() {
        String births = ValueValidationTest.value("BIRTHS", "VN-46", "2010", "FEMALE", "\"value\":7012,\"status\":\"FINAL\"");
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body(ValueValidationTest.batch(births.replace("7012", "7000")))
                .post("/api/values/batch").then().statusCode(200);
        // the contract's shape: source names the report and the agency; the service is trusted after review
        String report = "{\"source\":{\"kind\":\"REPORT\",\"reference\":\"submission:41:v2\",\"agency\":\"TTH-DOH\"},\"values\":[" + births + "]}";
        given().header("Authorization", Api.REPORTING_SERVICE).header("Idempotency-Key", "submission-41-v2").contentType(ContentType.JSON)
                .body(report).post("/api/values/batch").then().statusCode(200)
                .body("accepted", equalTo(1)).body("changed", equalTo(1)).body("unchanged", equalTo(0));
        given().header("Authorization", Api.HEALTH).get("/api/values/BIRTHS/VN-46/2010?sex=FEMALE").then().statusCode(200)
                .body("value", equalTo(7012)).body("source.kind", equalTo("REPORT")).body("source.reference", equalTo("submission:41:v2"))
                .body("source.agency", equalTo("TTH-DOH"));
        // a service must say for whom it writes; people may not pretend to be reports
        given().header("Authorization", Api.REPORTING_SERVICE).contentType(ContentType.JSON).body(report.replace(",\"agency\":\"TTH-DOH\"", ""))
                .post("/api/values/batch").then().statusCode(422).body("code", equalTo("SOURCE_AGENCY_REQUIRED"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body(report).post("/api/values/batch").then().statusCode(403)
                .body("code", equalTo("SOURCE_KIND_NOT_ALLOWED"));
    }

    @Test
    void anotherAgencyCannotOverwriteWithoutReview() {
        String v = ValueValidationTest.value("BIRTHS", "VN-46", "2009", "TOTAL", "\"value\":100");
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body(ValueValidationTest.batch(v))
                .post("/api/values/batch").then().statusCode(200);
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(ValueValidationTest.batch(v.replace("100", "101")))
                .post("/api/values/batch").then().statusCode(422).body("errors[0].code", equalTo("OWNED_BY_OTHER_AGENCY"))
                .body("errors[0].field", equalTo("values[0].value"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(ValueValidationTest.batch(v.replace("100", "102")))
                .post("/api/values/batch").then().statusCode(200).body("changed", equalTo(1));
    }

    @Test
    void readsNeedAFilterAndAToken() {
        given().get("/api/values?indicator=BIRTHS").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Api.HEALTH).get("/api/values").then().statusCode(400).body("code", equalTo("FILTER_REQUIRED"));
        given().header("Authorization", Api.HEALTH).get("/api/values?indicator=NOPE").then().statusCode(404);
        given().header("Authorization", Api.HEALTH).get("/api/values?unit=VN-46&size=501").then().statusCode(400).body("code", equalTo("INVALID_PAGE_SIZE"));
        given().header("Authorization", Api.HEALTH).get("/api/values?indicator=BIRTHS&sex=X").then().statusCode(400).body("code", equalTo("INVALID_SEX"));
        // every authenticated role reads, including other agencies and machine clients
        given().header("Authorization", Api.QNG).get("/api/values?unit=VN-46&period=2009").then().statusCode(200)
                .body("items[0].indicatorCode", equalTo("BIRTHS"));
        given().header("Authorization", Api.REPORTING_SERVICE).get("/api/values?indicator=BIRTHS&unit=VN-46&subtree=true&period=2009")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void writesNeedAWritingRole() {
        String body = ValueValidationTest.batch(ValueValidationTest.value("BIRTHS", "VN-46", "2008", "TOTAL", "\"value\":1"));
        given().contentType(ContentType.JSON).body(body).post("/api/values/batch").then().statusCode(401);
        given().header("Authorization", Api.AUDITOR).contentType(ContentType.JSON).body(body).post("/api/values/batch").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", TestTokens.bearer("nobody", null, "reporter")).contentType(ContentType.JSON)
                .body(body).post("/api/values/batch").then().statusCode(403).body("code", equalTo("NO_AGENCY"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON).body(body.replace("\"reference\"", "\"agency\":\"TTH-DOLISA\",\"reference\""))
                .post("/api/values/batch").then().statusCode(403).body("code", equalTo("SOURCE_AGENCY_MISMATCH"));
        // nor may it claim the values came from another system (provenance)
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body(body.replace("\"reference\"", "\"system\":\"statistics-office\",\"reference\""))
                .post("/api/values/batch").then().statusCode(403).body("code", equalTo("SOURCE_SYSTEM_MISMATCH"));
    }

    @Test
    void batchesAreLimitedInSize() {
        long before = db.count("select count(*) from value_push");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 10001; i++) {
            values.append(i == 0 ? "" : ",").append("{\"indicatorCode\":\"BIRTHS\",\"unitCode\":\"VN-46\",\"period\":\"2001\",\"sex\":\"TOTAL\",\"value\":1}");
        }
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body("{\"source\":{\"kind\":\"MANUAL\"},\"values\":[" + values + "]}")
                .post("/api/values/batch").then().statusCode(400).body("code", equalTo("BATCH_TOO_LARGE"))
                .body("detail", containsString("/api/values/pushes"));
        assertEquals(before, db.count("select count(*) from value_push"));
    }
}
