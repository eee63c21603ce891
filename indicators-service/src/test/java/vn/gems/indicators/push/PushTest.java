package vn.gems.indicators.push;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk pushes: formats, idempotent re-push, audit, dry run, bad rows, replacing a slice, background jobs, access. */
@QuarkusTest
class PushTest {

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void data() {
        Demo.load();
    }

    long values(String indicator, String period) {
        return StoredValues.count(db, indicator, period);
    }

    long history(String indicator, String period) {
        return db.count("select count(*) from indicator_value_history v join indicator i on i.id = v.indicator_id where i.code = ? and v.period = ?",
                indicator, period);
    }

    @Test
    void csvAsExcelWritesItIsAcceptedAndTheSameFileAgainChangesNothing() {
        // BOM, CRLF, quoted fields, header in another case and order, an ethnicity column
        String csv = "\uFEFFUnit,Indicator,Period,Sex,Value,Status,ethnicity\r\n"
                + "VN-46,MASTERS_DEGREE_HOLDERS,2016,FEMALE,\"1,2\",FINAL,\r\n".replace("\"1,2\"", "1200")
                + "\"VN-46\",MASTERS_DEGREE_HOLDERS,2016,MALE,1000,FINAL,\r\n"
                + "VN-46,MASTERS_DEGREE_HOLDERS,2016,TOTAL,2200,FINAL,\r\n"
                + "VN-46,PRIMARY_COMPLETION_RATE,2016,FEMALE,91.5,FINAL,MINORITY\r\n"
                + "VN-46,PRIMARY_COMPLETION_RATE,2016,MALE,90.1,FINAL,minority\r\n";
        Api.pushCsv(Api.STATS, csv, "?reference=excel.csv").statusCode(201)
                .header("Location", containsString("/api/values/pushes/"))
                .body("status", equalTo("SUCCEEDED")).body("committed", equalTo(true)).body("format", equalTo("CSV"))
                .body("rowsRead", equalTo(5)).body("rowsAccepted", equalTo(5)).body("inserted", equalTo(5))
                .body("source.agency", equalTo("TTH-STATS")).body("source.reference", equalTo("excel.csv"));
        assertEquals(3, values("MASTERS_DEGREE_HOLDERS", "2016"));
        given().header("Authorization", Api.HEALTH).get("/api/values?indicator=PRIMARY_COMPLETION_RATE&period=2016&dims=ethnicity:MINORITY")
                .then().statusCode(200).body("total", equalTo(2)).body("items[0].dimensions.ethnicity", equalTo("MINORITY"));

        Api.pushCsv(Api.STATS, csv, "").statusCode(201).body("changed", equalTo(0)).body("unchanged", equalTo(5))
                .body("inserted", equalTo(0)).body("updated", equalTo(0));
        assertEquals(0, history("MASTERS_DEGREE_HOLDERS", "2016"));

        Api.pushCsv(Api.STATS, csv.replace("1200", "1201").replace("2200", "2201"), "").statusCode(201)
                .body("updated", equalTo(2)).body("unchanged", equalTo(3));
        assertEquals(2, history("MASTERS_DEGREE_HOLDERS", "2016"));
        given().header("Authorization", Api.AUDITOR)
                .get("/api/values/history?indicator=MASTERS_DEGREE_HOLDERS&unit=VN-46&period=2016&sex=FEMALE").then().statusCode(200)
                .body("change", contains("CURRENT", "UPDATED")).body("value", contains(1201, 1200))
                .body("[0].writtenBy", equalTo("stats.officer")).body("[1].supersededBy", notNullValue());
        given().header("Authorization", Api.HEALTH)
                .get("/api/values/history?indicator=MASTERS_DEGREE_HOLDERS&unit=VN-46&period=2016&sex=FEMALE").then().statusCode(403);
    }

    @Test
    void theDemoSamplePushIsValidInBothForms() throws Exception {
        // the demo loader posts the JSON form; people and the e2e suite use the CSV form
        byte[] json = Files.readAllBytes(Demo.DIR.resolve("statistics-sample.json"));
        Api.push(Api.STATS, "application/json", json, "?dryRun=true&status=FINAL").statusCode(200)
                .body("rowsRead", equalTo(34)).body("rowsAccepted", equalTo(34)).body("rowsRejected", equalTo(0));
        byte[] csv = Files.readAllBytes(Demo.DIR.resolve("statistics-sample.csv"));
        Api.push(Api.STATS, "text/csv", csv, "?dryRun=true").statusCode(200)
                .body("rowsRead", equalTo(34)).body("rowsAccepted", equalTo(34)).body("rowsRejected", equalTo(0));
    }

    @Test
    void semicolonsAndDecimalCommasAsVietnameseExcelWritesThem() {
        String csv = "indicator;unit;period;sex;value;numerator;denominator\n"
                + "UNPAID_CARE_HOURS;VN-46;2016;FEMALE;21,5;;\n"
                + "UNPAID_CARE_HOURS;VN-46;2016;MALE;;1050,5;100\n";
        Api.pushCsv(Api.STATS, csv, "").statusCode(201).body("inserted", equalTo(2));
        given().header("Authorization", Api.HEALTH).get("/api/values/UNPAID_CARE_HOURS/VN-46/2016?sex=MALE").then().statusCode(200)
                .body("value", equalTo(10.505f)).body("numerator", equalTo(1050.5f)).body("status", equalTo("PROVISIONAL"));
    }

    @Test
    void jsonLinesAndJsonArrays() {
        String jsonl = """
                {"indicatorCode":"DOCTORATE_HOLDERS","unitCode":"VN-46","period":"2016","sex":"FEMALE","value":30,"status":"FINAL"}

                {"indicator":"DOCTORATE_HOLDERS","unit":"VN-46","period":"2016","sex":"MALE","value":"70","status":"FINAL"}
                {"indicatorCode":"DOCTORATE_HOLDERS","unitCode":"VN-46","period":"2016","sex":"TOTAL","value":100,"colour":"red"}
                {not json
                """;
        Api.push(Api.STATS, "application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8), "?onError=SKIP").statusCode(201)
                .body("format", equalTo("JSONL")).body("rowsRead", equalTo(4)).body("inserted", equalTo(2)).body("rowsRejected", equalTo(2))
                .body("rejections.line", contains(4, 5)).body("rejections.code", contains("UNKNOWN_FIELD", "MALFORMED_ROW"));
        String array = """
                [{"indicatorCode":"HEALTH_FACILITIES_LGBT_PILOT","unitCode":"VN-46","period":"2016","value":1,"status":"FINAL"},
                 {"indicatorCode":"GENDER_CURRICULUM_TEACHER_TRAINING","unitCode":"VN-46","period":"2016","value":"yes"}]""";
        Api.push(Api.ADMIN, "application/json", array.getBytes(StandardCharsets.UTF_8), "").statusCode(201)
                .body("format", equalTo("JSON")).body("inserted", equalTo(2));
        Api.push(Api.ADMIN, "application/json", "[{\"indicatorCode\":".getBytes(StandardCharsets.UTF_8), "").statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aBadRowRejectsTheWholeFileWithLineColumnAndReason() {
        long before = values("WAGE_WORKERS", "2016");
        String csv = """
                indicator,unit,period,sex,value
                WAGE_WORKERS,VN-46,2016,FEMALE,100
                WAGE_WORKERS,VN-46,2016,MALE,-5
                WAGE_WORKERS,VN-46,2016,TOTAL,abc
                WAGE_WORKERS,VN-99,2016,FEMALE,1
                """;
        String location = Api.pushCsv(Api.STATS, csv, "").statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("PUSH_REJECTED")).body("detail", containsString("3 row(s) rejected"))
                .body("errors.field", contains("lines[3].value", "lines[4].value", "lines[5].unit"))
                .body("errors.code", contains("NEGATIVE_VALUE", "INVALID_NUMBER", "UNKNOWN_UNIT"))
                .extract().header("Location");
        assertEquals(before, values("WAGE_WORKERS", "2016"));
        given().header("Authorization", Api.STATS).get(location).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("committed", equalTo(false)).body("rowsRead", equalTo(4))
                .body("rowsRejected", equalTo(3)).body("rejectionsTotal", equalTo(3));
        given().header("Authorization", Api.STATS).get(location + "/rejections?size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("items[0].line", equalTo(3)).body("items[0].column", equalTo("value"));
        // another agency cannot read the summary (BOLA); an auditor can
        given().header("Authorization", Api.HEALTH).get(location).then().statusCode(403).body("code", equalTo("NOT_YOUR_PUSH"));
        given().header("Authorization", Api.AUDITOR).get(location).then().statusCode(200);
    }

    @Test
    void skipModeCommitsTheGoodRowsAndReportsTheBad() {
        String csv = """
                indicator,unit,period,sex,value
                VOCATIONAL_NEW_ENROLMENTS,VN-46,2016,FEMALE,300
                VOCATIONAL_NEW_ENROLMENTS,VN-46,2016,MALE,700
                VOCATIONAL_NEW_ENROLMENTS,VN-46,2016,TOTAL,1000
                VOCATIONAL_NEW_ENROLMENTS,VN-42,2016,FEMALE,5
                VOCATIONAL_NEW_ENROLMENTS,VN-42,2016,MALE,5
                VOCATIONAL_NEW_ENROLMENTS,VN-42,2016,TOTAL,11
                VOCATIONAL_NEW_ENROLMENTS,VN-01,2016,TOTAL,1.5
                """;
        Api.pushCsv(Api.STATS, csv, "?onError=SKIP").statusCode(201).body("committed", equalTo(true))
                .body("inserted", equalTo(3)).body("rowsRejected", equalTo(4))
                .body("message", containsString("skipped"))
                .body("rejections.code", hasItem("SEX_TOTAL_MISMATCH")).body("rejections.code", hasItem("NOT_A_WHOLE_NUMBER"));
        assertEquals(3, values("VOCATIONAL_NEW_ENROLMENTS", "2016"));
    }

    @Test
    void dryRunReportsWithoutWriting() {
        String csv = """
                indicator,unit,period,sex,value
                ENTERPRISE_DIRECTORS,VN-46,2016,FEMALE,300
                ENTERPRISE_DIRECTORS,VN-46,2016,MALE,700
                ENTERPRISE_DIRECTORS,VN-46,2016,TOTAL,1000
                ENTERPRISE_DIRECTORS,VN-46,2016,TOTAL,1001
                """;
        Api.pushCsv(Api.STATS, csv, "?dryRun=true").statusCode(200).body("dryRun", equalTo(true)).body("committed", equalTo(false))
                .body("inserted", equalTo(2)).body("rowsRejected", equalTo(2))
                .body("rejections.code", contains("DUPLICATE_ROW", "DUPLICATE_ROW")).body("rejections.line", contains(4, 5));
        assertEquals(0, values("ENTERPRISE_DIRECTORS", "2016"));
    }

    @Test
    void anIdenticalDuplicateRowIsKeptOnceWithAWarningAndDisagreeingDuplicatesAreBothRejected() {
        String csv = """
                indicator,unit,period,sex,value,status
                ENTERPRISE_DIRECTORS,VN-42,2017,FEMALE,30,FINAL
                ENTERPRISE_DIRECTORS,VN-42,2017,MALE,70,FINAL
                ENTERPRISE_DIRECTORS,VN-42,2017,TOTAL,100,FINAL
                ENTERPRISE_DIRECTORS,VN-42,2017,MALE,70,FINAL
                ENTERPRISE_DIRECTORS,VN-51,2017,TOTAL,50,FINAL
                ENTERPRISE_DIRECTORS,VN-51,2017,TOTAL,51,FINAL
                ENTERPRISE_DIRECTORS,VN-62,2017,TOTAL,9,FINAL
                ENTERPRISE_DIRECTORS,VN-62,2017,TOTAL,9,PROVISIONAL
                """;
        Api.pushCsv(Api.STATS, csv, "?onError=SKIP").statusCode(201).body("committed", equalTo(true))
                .body("rowsRead", equalTo(8)).body("rowsAccepted", equalTo(3)).body("inserted", equalTo(3)).body("rowsRejected", equalTo(4))
                .body("rejections.line", contains(6, 7, 8, 9)).body("rejections.code", Matchers.everyItem(equalTo("DUPLICATE_ROW")))
                .body("warningsTotal", equalTo(1)).body("warnings[0].line", equalTo(5)).body("warnings[0].code", equalTo("IDENTICAL_DUPLICATE"))
                .body("warnings[0].message", containsString("line 3")).body("message", containsString("identical duplicate"));
        assertEquals(3, values("ENTERPRISE_DIRECTORS", "2017"));
        // all or nothing: a file whose only flaw is an identical copy is not rejected, and its sums are still checked
        Api.pushCsv(Api.STATS, "indicator,unit,period,sex,value\nENTERPRISE_DIRECTORS,VN-01,2017,TOTAL,8\nENTERPRISE_DIRECTORS,VN-01,2017,TOTAL,8\n"
                + "ENTERPRISE_DIRECTORS,VN-01,2017,FEMALE,3\nENTERPRISE_DIRECTORS,VN-01,2017,MALE,5\n", "").statusCode(201)
                .body("inserted", equalTo(3)).body("warningsTotal", equalTo(1)).body("rowsRejected", equalTo(0));
        Api.pushCsv(Api.STATS, "indicator,unit,period,sex,value\nENTERPRISE_DIRECTORS,VN-01,2018,TOTAL,8\nENTERPRISE_DIRECTORS,VN-01,2018,TOTAL,8\n"
                + "ENTERPRISE_DIRECTORS,VN-01,2018,FEMALE,3\nENTERPRISE_DIRECTORS,VN-01,2018,MALE,6\n", "").statusCode(422)
                .body("errors.code", Matchers.everyItem(equalTo("SEX_TOTAL_MISMATCH")));
        assertEquals(0, values("ENTERPRISE_DIRECTORS", "2018"));
    }

    @Test
    void aRejectedCellIsQuotedAsItIsInTheFile() {
        Api.pushCsv(Api.STATS, "indicator;unit;period;sex;value\nWAGE_WORKERS;VN-46;2017;TOTAL;1.234,5\n", "").statusCode(422)
                .body("errors[0].field", equalTo("lines[2].value")).body("errors[0].code", equalTo("INVALID_NUMBER"))
                .body("errors[0].message", containsString("1.234,5")).body("errors[0].message", not(containsString("1.234.5")));
    }

    @Test
    void replacingASliceRetiresWhatTheFileLacksWithAudit() {
        String all = """
                indicator,unit,period,value
                HEALTH_FACILITIES_LGBT_PILOT,VN-46-HUE-PHUHOI,2017,1
                HEALTH_FACILITIES_LGBT_PILOT,VN-46-HUE-PHUNHUAN,2017,2
                HEALTH_FACILITIES_LGBT_PILOT,VN-46-HUE-KIMLONG,2017,0
                HEALTH_FACILITIES_LGBT_PILOT,VN-51,2017,4
                """;
        Api.pushCsv(Api.STATS, all, "").statusCode(201).body("inserted", equalTo(4));
        // A row outside the declared slice is refused; SKIP cannot be combined with REPLACE
        Api.pushCsv(Api.STATS, all, "?mode=REPLACE&indicators=HEALTH_FACILITIES_LGBT_PILOT&periods=2017&unit=VN-46").statusCode(422)
                .body("errors.code", contains("OUTSIDE_SLICE"));
        Api.pushCsv(Api.STATS, all, "?mode=REPLACE&indicators=HEALTH_FACILITIES_LGBT_PILOT&periods=2017&unit=VN-46&onError=SKIP")
                .statusCode(400).body("code", equalTo("SKIP_NOT_ALLOWED_WITH_REPLACE"));
        Api.pushCsv(Api.STATS, "indicator,unit,period,value\n", "?mode=REPLACE&indicators=NOPE&periods=2017x&unit=VN-46")
                .statusCode(400).body("code", equalTo("INVALID_SLICE")).body("errors.code", contains("UNKNOWN_INDICATOR", "INVALID_PERIOD"));
        String slice = """
                indicator,unit,period,value
                HEALTH_FACILITIES_LGBT_PILOT,VN-46-HUE-PHUHOI,2017,1
                HEALTH_FACILITIES_LGBT_PILOT,VN-46-HUE-KIMLONG,2017,3
                """;
        Api.pushCsv(Api.STATS, slice, "?mode=REPLACE&indicators=HEALTH_FACILITIES_LGBT_PILOT&periods=2017&unit=VN-46&dryRun=true")
                .statusCode(200).body("retired", equalTo(1)).body("updated", equalTo(1));
        Api.pushCsv(Api.STATS, slice, "?mode=REPLACE&indicators=HEALTH_FACILITIES_LGBT_PILOT&periods=2017&unit=VN-46")
                .statusCode(201).body("mode", equalTo("REPLACE")).body("retired", equalTo(1)).body("updated", equalTo(1))
                .body("unchanged", equalTo(1)).body("changed", equalTo(2)).body("slice", containsString("unit=VN-46"));
        assertEquals(3, values("HEALTH_FACILITIES_LGBT_PILOT", "2017"));
        given().header("Authorization", Api.AUDITOR)
                .get("/api/values/history?indicator=HEALTH_FACILITIES_LGBT_PILOT&unit=VN-46-HUE-PHUNHUAN&period=2017").then().statusCode(200)
                .body("change", contains("RETIRED")).body("[0].value", equalTo(2));
        // Quảng Ngãi's value is outside the slice and untouched
        given().header("Authorization", Api.HEALTH).get("/api/values/HEALTH_FACILITIES_LGBT_PILOT/VN-51/2017").then().statusCode(200);
    }

    @Test
    void replacingKeepsOtherAgenciesValuesAndSaysSo() {
        Api.pushCsv(Api.HEALTH, "indicator,unit,period,value\nHEALTH_FACILITIES_LGBT_PILOT,VN-46-HUE-KIMLONG,2015,1\n", "").statusCode(201);
        Api.pushCsv(Api.STATS, "indicator,unit,period,value\nHEALTH_FACILITIES_LGBT_PILOT,VN-46-HUE-PHUHOI,2015,1\n",
                "?mode=REPLACE&indicators=HEALTH_FACILITIES_LGBT_PILOT&periods=2015&unit=VN-46")
                .statusCode(201).body("retired", equalTo(0)).body("retainedForeign", equalTo(1));
        assertEquals(2, values("HEALTH_FACILITIES_LGBT_PILOT", "2015"));
    }

    @Test
    void largeFilesAnswer202AndTheJobReportsProgressThenTheSummary() {
        StringBuilder csv = new StringBuilder("indicator,unit,period,sex,value,status\n");
        int rows = 0;
        for (int year = 1992; year < 2008; year++) {
            for (String unit : new String[]{"VN-01", "VN-42", "VN-46", "VN-51", "VN-62"}) {
                for (String ind : new String[]{"WAGE_WORKERS", "ENTERPRISE_DIRECTORS", "VOCATIONAL_NEW_ENROLMENTS", "MASTERS_DEGREE_HOLDERS",
                        "DOCTORATE_HOLDERS"}) {
                    int f = 100 + year + rows;
                    csv.append(ind).append(',').append(unit).append(',').append(year).append(",FEMALE,").append(f).append(",FINAL\n");
                    csv.append(ind).append(',').append(unit).append(',').append(year).append(",MALE,").append(f + 7).append(",FINAL\n");
                    csv.append(ind).append(',').append(unit).append(',').append(year).append(",TOTAL,").append(2 * f + 7).append(",FINAL\n");
                    rows += 3;
                }
            }
        }
        assertTrue(rows > 1000);
        String location = Api.pushCsv(Api.STATS, csv.toString(), "?reference=big.csv").statusCode(202)
                .header("Location", containsString("/api/values/pushes/")).body("committed", equalTo(false)).extract().header("Location");
        Api.awaitEnd(location, Api.STATS);
        given().header("Authorization", Api.STATS).get(location).then().body("status", equalTo("SUCCEEDED"))
                .body("rowsRead", equalTo(rows)).body("inserted", equalTo(rows)).body("committed", equalTo(true));
        // the same file again: recognised by its content, nothing read again, nothing written
        String again = Api.pushCsv(Api.STATS, csv.toString(), "?reference=big-again.csv").statusCode(201)
                .body("status", equalTo("SUCCEEDED")).body("changed", equalTo(0)).body("unchanged", equalTo(rows))
                .body("message", containsString("identical to push")).extract().header("Location");
        assertTrue(again.contains("/api/values/pushes/"));
        // once one of its indicators changed, the same file is compared row by row again (and restores the value)
        Api.pushCsv(Api.STATS, "indicator,unit,period,sex,value,status\nWAGE_WORKERS,VN-01,1992,FEMALE,2093,FINAL\n"
                + "WAGE_WORKERS,VN-01,1992,TOTAL,4192,FINAL\n", "").statusCode(201).body("updated", equalTo(2));
        String third = Api.pushCsv(Api.STATS, csv.toString(), "").statusCode(202).extract().header("Location");
        Api.awaitEnd(third, Api.STATS);
        given().header("Authorization", Api.STATS).get(third).then().body("status", equalTo("SUCCEEDED"))
                .body("updated", equalTo(2)).body("unchanged", equalTo(rows - 2));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherFile() {
        String csv = "indicator,unit,period,value\nHEALTH_FACILITIES_LGBT_PILOT,VN-42,2016,3\n";
        int id = given().header("Authorization", Api.STATS).header("Idempotency-Key", "push-key-1").contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/values/pushes").then().statusCode(201).extract().path("id");
        given().header("Authorization", Api.STATS).header("Idempotency-Key", "push-key-1").contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/values/pushes").then().statusCode(201).body("id", equalTo(id));
        given().header("Authorization", Api.STATS).header("Idempotency-Key", "push-key-1").contentType("text/csv")
                .body(csv.replace(",3", ",4").getBytes(StandardCharsets.UTF_8)).post("/api/values/pushes").then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(1, db.count("select count(*) from value_push where idem_key = ?", "push-key-1"));
    }

    @Test
    void badHeadersAndMediaTypesAreRefusedBeforeAnyRow() {
        Api.pushCsv(Api.STATS, "indicator,unit,period,value,colour\nBIRTHS,VN-46,2016,1,red\n", "").statusCode(400)
                .body("code", equalTo("UNKNOWN_COLUMN")).body("errors[0].field", equalTo("header.colour"));
        Api.pushCsv(Api.STATS, "indicator,period,value\nBIRTHS,2016,1\n", "").statusCode(400)
                .body("code", equalTo("MISSING_COLUMN")).body("detail", containsString("unit"));
        Api.pushCsv(Api.STATS, "", "").statusCode(400).body("code", equalTo("EMPTY_FILE"));
        Api.push(Api.STATS, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8), "").statusCode(415)
                .contentType("application/problem+json");
        Api.pushCsv(Api.STATS, "indicator,unit,period,value\n", "?mode=MERGE").statusCode(400).body("code", equalTo("INVALID_MODE"));
    }

    @Test
    void accessRules() {
        String births = "indicator,unit,period,sex,value\nBIRTHS,VN-46,2014,TOTAL,10\n";
        // no token 401, an auditor 403 (reads only)
        given().contentType("text/csv").body(births).post("/api/values/pushes").then().statusCode(401);
        Api.pushCsv(Api.AUDITOR, births, "").statusCode(403);
        // a reporter writes its own agency's indicators (Health: BIRTHS) in its province, not others
        Api.pushCsv(Api.HEALTH, births, "").statusCode(201);
        Api.pushCsv(Api.HEALTH, "indicator,unit,period,sex,value\nWAGE_WORKERS,VN-46,2014,TOTAL,10\nBIRTHS,VN-51,2014,TOTAL,5\n", "")
                .statusCode(422).body("errors.code", contains("NOT_YOUR_INDICATOR", "NOT_YOUR_INDICATOR"));
        // the Statistics Office pushes anything, but cannot overwrite Health's figure without review...
        Api.pushCsv(Api.STATS, "indicator,unit,period,sex,value\nBIRTHS,VN-46,2014,TOTAL,11\n", "").statusCode(422)
                .body("errors[0].code", equalTo("OWNED_BY_OTHER_AGENCY")).body("errors[0].message", containsString("TTH-DOH"));
        // ...while re-sending the same figure is no change, so no conflict
        Api.pushCsv(Api.STATS, births, "").statusCode(201).body("unchanged", equalTo(1));
        // a service names the agency it writes for; nobody else may claim another agency
        Api.pushCsv(Api.STATS, births, "?agency=TTH-DOH").statusCode(403).body("code", equalTo("SOURCE_AGENCY_MISMATCH"));
        given().header("Authorization", Api.HEALTH).get("/api/values/pushes").then().statusCode(200)
                .body("items.source.agency", Matchers.everyItem(equalTo("TTH-DOH")));
    }

    @Test
    void anUploadLargerThanTheJsonLimitIsStillAcceptedOnThePushEndpointOnly() {
        // 17 MB of blank lines after the header: over the 16 MB limit of JSON endpoints, fine for a streamed push
        byte[] head = "indicator,unit,period,value\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[17 * 1024 * 1024];
        System.arraycopy(head, 0, body, 0, head.length);
        Arrays.fill(body, head.length, body.length, (byte) '\n');
        String location = Api.push(Api.STATS, "text/csv", body, "?dryRun=true").statusCode(202).extract().header("Location");
        Api.awaitEnd(location, Api.STATS);
        given().header("Authorization", Api.STATS).get(location).then().body("status", equalTo("SUCCEEDED")).body("rowsRead", equalTo(0));
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(body).post("/api/values/batch").then().statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
