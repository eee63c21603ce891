package vn.gems.indicators.sdmx;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SDMX out (structures and published data in every format, validated against the official SDMX-ML 2.1 schemas) and
 * SDMX-CSV in (the same push job: rejections with line numbers, idempotent re-push, round trip of an export).
 */
@QuarkusTest
@TestProfile(SdmxTest.OwnDatabase.class)
class SdmxTest {

    /** A database of its own: this class writes figures other classes expect fresh (see the module README). */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    static final String SS_XML = "application/vnd.sdmx.structurespecificdata+xml;version=2.1";
    static final String CSV1 = "application/vnd.sdmx.data+csv;version=1.0.0";
    static final String CSV2 = "application/vnd.sdmx.data+csv;version=2.0.0";
    static final String JSON = "application/vnd.sdmx.data+json;version=1.0.0";
    static final String STRUCTURE = "application/vnd.sdmx.structure+xml;version=2.1";
    static final String FLOW = "/sdmx/2.1/data/GEMS,DF_GEMS,1.0";

    @InjectTestDatabase
    TestDatabase db;

    private static boolean loaded;

    @BeforeEach
    void data() {
        Demo.load();
        synchronized (SdmxTest.class) {
            if (loaded) {
                return;
            }
            // 2007: masters (by sex), primary completion by ethnicity (a rate), a share not by sex with its parts
            String csv = """
                    indicator,unit,period,sex,value,numerator,denominator,status,ethnicity
                    MASTERS_DEGREE_HOLDERS,VN-46,2007,FEMALE,1500,,,FINAL,
                    MASTERS_DEGREE_HOLDERS,VN-46,2007,MALE,1400,,,FINAL,
                    MASTERS_DEGREE_HOLDERS,VN-46,2007,TOTAL,2900,,,FINAL,
                    PRIMARY_COMPLETION_RATE,VN-46,2007,FEMALE,91.5,,,FINAL,MINORITY
                    PRIMARY_COMPLETION_RATE,VN-46,2007,MALE,90.25,,,FINAL,MINORITY
                    GOV_BODIES_FEMALE_KEY_LEADER_SHARE,VN-46,2007,,,30,50,FINAL,
                    DOCTORATE_HOLDERS,VN-46,2007,FEMALE,120,,,FINAL,
                    MASTERS_DEGREE_HOLDERS,VN-46,2006,FEMALE,1300,,,PROVISIONAL,
                    """;
            Api.pushCsv(Api.STATS, csv, "?reference=sdmx-fixture.csv").statusCode(201).body("inserted", equalTo(8));
            for (String ind : List.of("MASTERS_DEGREE_HOLDERS", "PRIMARY_COMPLETION_RATE", "GOV_BODIES_FEMALE_KEY_LEADER_SHARE")) {
                publish(ind, "2007");
            }
            publish("MASTERS_DEGREE_HOLDERS", "2006"); // published, but its only value is provisional: never shown
            loaded = true;
        }
    }

    static void publish(String indicator, String period) {
        int status = given().header("Authorization", Api.ADMIN).contentType("application/json")
                .body("{\"indicator\":\"" + indicator + "\",\"period\":\"" + period + "\",\"unit\":\"VN-46\"}")
                .post("/api/values/publications").statusCode();
        assertTrue(status == 201 || status == 409, "publish " + indicator + " answered " + status);
    }

    static String get(String path, String accept, String token) {
        var spec = given().header("Accept", accept);
        if (token != null) {
            spec = spec.header("Authorization", token);
        }
        return spec.get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void structuresAreSdmxMl21ThatValidatesAgainstTheOfficialSchemas() throws Exception {
        Response dsd = given().header("Accept", STRUCTURE).get("/sdmx/2.1/datastructure/GEMS/DSD_GEMS/1.0");
        dsd.then().statusCode(200).contentType(startsWith("application/vnd.sdmx.structure+xml"));
        String xml = dsd.asString();
        keep("datastructure.xml", xml);
        SdmxSchemas.validate(xml, null);
        // key order: indicator, unit, sex, each catalogue dimension, time last; attributes; code lists with unit validity
        assertOrder(xml, "<str:Dimension id=\"INDICATOR\" position=\"1\"", "<str:Dimension id=\"REF_AREA\" position=\"2\"",
                "<str:Dimension id=\"SEX\" position=\"3\"", "<str:Dimension id=\"ETHNICITY\" position=\"4\"", "<str:TimeDimension id=\"TIME_PERIOD\" position=\"5\"");
        for (String s : List.of("id=\"OBS_STATUS\"", "id=\"UNIT_MEASURE\"", "id=\"SOURCE\"", "<str:Codelist id=\"CL_REF_AREA\"",
                "<str:Code id=\"VN-46\">", "<com:AnnotationType>VALID_FROM</com:AnnotationType>", "<str:Codelist id=\"CL_ETHNICITY\"",
                "<str:Code id=\"MINORITY\">", "<str:Code id=\"_T\">", "<str:ConceptScheme id=\"CS_GEMS\"")) {
            assertTrue(xml.contains(s), s + " missing");
        }
        String flow = get("/sdmx/2.1/dataflow/GEMS/DF_GEMS/1.0", STRUCTURE, null);
        SdmxSchemas.validate(flow, null);
        assertTrue(flow.contains("<str:Dataflow id=\"DF_GEMS\"") && !flow.contains("<str:DataStructure "));
        String full = get("/sdmx/2.1/dataflow/GEMS/DF_GEMS/latest?references=all", "application/xml", null);
        SdmxSchemas.validate(full, null);
        assertTrue(full.contains("<str:DataStructure ") && full.contains("<str:Codelist id=\"CL_SEX\""));
        String sex = get("/sdmx/2.1/codelist/GEMS/CL_SEX/1.0", STRUCTURE, Api.HEALTH);
        SdmxSchemas.validate(sex, null);
        assertTrue(sex.contains("<str:Code id=\"F\">") && !sex.contains("CL_REF_AREA"));
        SdmxSchemas.validate(get("/sdmx/2.1/conceptscheme/GEMS/CS_GEMS/1.0", STRUCTURE, null), null);

        // a broken message does not pass: the check can fail
        assertThrows(SAXException.class, () -> SdmxSchemas.validate(xml.replace("<str:DimensionList", "<str:DimensionLyst")
                .replace("</str:DimensionList>", "</str:DimensionLyst>"), null));

        given().get("/sdmx/2.1/dataflow/OTHER/DF_GEMS/1.0").then().statusCode(404).body("code", equalTo("NO_SUCH_STRUCTURE"));
        given().get("/sdmx/2.1/datastructure/GEMS/DSD_X/1.0").then().statusCode(404);
        given().get("/sdmx/2.1/codelist/GEMS/CL_NOPE").then().statusCode(404);
        given().header("Accept", "application/vnd.sdmx.structure+json;version=1.0.0").get("/sdmx/2.1/dataflow/GEMS/DF_GEMS/1.0")
                .then().statusCode(406).contentType(startsWith("application/problem+json")).body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void structureSpecificDataValidatesAgainstTheOfficialAndTheGeneratedSchema() throws Exception {
        String schema = get("/sdmx/2.1/schema/dataflow/GEMS/DF_GEMS/1.0", "application/xml", null);
        String series = get(FLOW + "/all", SS_XML, null);
        keep("data.xml", series);
        SdmxSchemas.validate(series, schema);
        assertTrue(series.contains("<Series INDICATOR=\"MASTERS_DEGREE_HOLDERS\" REF_AREA=\"VN-46\" SEX=\"F\" ETHNICITY=\"_Z\">"
                + "<Obs TIME_PERIOD=\"2007\" OBS_VALUE=\"1500\" OBS_STATUS=\"A\" UNIT_MEASURE=\"COUNT\" SOURCE=\"TTH-STATS\"/></Series>"), series);
        assertTrue(series.contains("SEX=\"_Z\" ETHNICITY=\"_Z\"><Obs TIME_PERIOD=\"2007\" OBS_VALUE=\"60"), "share not by sex, _Z");
        assertTrue(series.contains("NUMERATOR=\"30\" DENOMINATOR=\"50\""));
        assertFalse(series.contains("DOCTORATE_HOLDERS"), "an unpublished data set stays out");
        assertFalse(series.contains("1300"), "a provisional value stays out");

        String flatSchema = get("/sdmx/2.1/schema/dataflow/GEMS/DF_GEMS/1.0?dimensionAtObservation=AllDimensions", "application/xml", null);
        String flat = get(FLOW + "/PRIMARY_COMPLETION_RATE..F+M.MINORITY?dimensionAtObservation=AllDimensions", SS_XML, null);
        SdmxSchemas.validate(flat, flatSchema);
        assertEquals(2, count(flat, "<Obs "));
        // the flat message is not valid against the series schema: the generated schema does check the payload
        assertThrows(SAXException.class, () -> SdmxSchemas.validate(flat, schema));
        // a code outside the code lists fails the generated schema's enumerations
        assertThrows(SAXException.class, () -> SdmxSchemas.validate(series.replace("SEX=\"F\"", "SEX=\"Q\""), schema));
    }

    @Test
    void sdmxCsvOneAndTwoListPublishedFinalValuesOnlyTheSameForEveryCaller() {
        String csv = get(FLOW + "/MASTERS_DEGREE_HOLDERS+GOV_BODIES_FEMALE_KEY_LEADER_SHARE.VN-46..?startPeriod=2007&endPeriod=2007", CSV1, null);
        assertEquals("""
                DATAFLOW,INDICATOR,REF_AREA,SEX,ETHNICITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,SOURCE,NUMERATOR,DENOMINATOR
                GEMS:DF_GEMS(1.0),GOV_BODIES_FEMALE_KEY_LEADER_SHARE,VN-46,_Z,_Z,2007,60,A,PERCENT,TTH-STATS,30,50
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,F,_Z,2007,1500,A,COUNT,TTH-STATS,,
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,M,_Z,2007,1400,A,COUNT,TTH-STATS,,
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,_T,_Z,2007,2900,A,COUNT,TTH-STATS,,
                """, csv);
        assertEquals(csv, get(FLOW + "/MASTERS_DEGREE_HOLDERS+GOV_BODIES_FEMALE_KEY_LEADER_SHARE.VN-46..?startPeriod=2007&endPeriod=2007", CSV1, Api.ADMIN),
                "an administrator sees exactly what the public sees");
        String v2 = get(FLOW + "/PRIMARY_COMPLETION_RATE...MINORITY", CSV2, Api.HEALTH);
        assertTrue(v2.startsWith("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,SEX,ETHNICITY,TIME_PERIOD,OBS_VALUE,"), v2);
        assertTrue(v2.contains("\ndataflow,GEMS:DF_GEMS(1.0),I,PRIMARY_COMPLETION_RATE,VN-46,F,MINORITY,2007,91.5,A,PERCENT,"), v2);
        assertEquals(csv, given().get(FLOW + "/MASTERS_DEGREE_HOLDERS+GOV_BODIES_FEMALE_KEY_LEADER_SHARE.VN-46..?startPeriod=2007&endPeriod=2007&format=csv")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void sdmxJsonDataRefersToItsStructureByIndex() throws Exception {
        Response r = given().header("Accept", JSON).get(FLOW + "/MASTERS_DEGREE_HOLDERS.VN-46..");
        r.then().statusCode(200).contentType(startsWith("application/vnd.sdmx.data+json"))
                .body("meta.sender.id", equalTo("GEMS"))
                .body("data.structure.dimensions.series.id", equalTo(List.of("INDICATOR", "REF_AREA", "SEX", "ETHNICITY")))
                .body("data.structure.dimensions.observation[0].id", equalTo("TIME_PERIOD"))
                .body("data.structure.dimensions.series[2].values.id", equalTo(List.of("F", "M", "_T")))
                .body("data.dataSets[0].series.'0:0:0:0'.observations.'0'[0]", equalTo(1500))
                .body("data.dataSets[0].series.'0:0:2:0'.observations.'0'[0]", equalTo(2900))
                .body("data.structure.attributes.observation.id", hasItem("OBS_STATUS"));
        String json = r.asString();
        keep("data.json", json);
        var schema = SdmxSchemas.sdmxJsonData();
        if (schema.isPresent()) {
            List<String> errors = JsonSchemaCheck.errors(schema.get(), json);
            assertTrue(errors.isEmpty(), errors.toString());
            assertFalse(JsonSchemaCheck.errors(schema.get(), json.replace("\"keyPosition\":0", "\"keyPosition\":\"zero\"")).isEmpty());
        }
        given().header("Accept", JSON).get(FLOW + "/all?dimensionAtObservation=AllDimensions").then().statusCode(200)
                .body("data.dataSets[0].observations.size()", equalTo(6))
                .body("data.structure.dimensions.observation.id", equalTo(List.of("INDICATOR", "REF_AREA", "SEX", "ETHNICITY", "TIME_PERIOD")));
    }

    @Test
    void badQueriesAreProblemsNamingTheField() {
        given().get(FLOW + "/MASTERS_DEGREE_HOLDERS.VN-46").then().statusCode(400).body("code", equalTo("INVALID_KEY"))
                .body("errors[0].field", equalTo("key"));
        given().get(FLOW + "/MASTERS DEGREE...").then().statusCode(400).body("errors[0].field", equalTo("key.INDICATOR"));
        given().get(FLOW + "/NO_SUCH_INDICATOR...").then().statusCode(404).body("code", equalTo("NO_SUCH_CODE"));
        given().get(FLOW + "/all?startPeriod=2007-13").then().statusCode(400).body("errors[0].field", equalTo("startPeriod"));
        given().get(FLOW + "/all?startPeriod=2018&endPeriod=2007").then().statusCode(400).body("code", equalTo("INVALID_PERIOD"));
        given().get(FLOW + "/all?dimensionAtObservation=SEX").then().statusCode(400).body("errors[0].field", equalTo("dimensionAtObservation"));
        given().get("/sdmx/2.1/data/OTHER,DF_X,1.0/all").then().statusCode(404).body("code", equalTo("NO_SUCH_STRUCTURE"));
        given().get(FLOW + "/DOCTORATE_HOLDERS...").then().statusCode(404).body("code", equalTo("NO_RESULTS"));
        given().get(FLOW + "/all?startPeriod=2030").then().statusCode(404).body("code", equalTo("NO_RESULTS"));
        given().header("Accept", "application/pdf").get(FLOW + "/all").then().statusCode(406).body("code", equalTo("NOT_ACCEPTABLE"));
        given().get(FLOW + "/all?format=pdf").then().statusCode(400).body("errors[0].field", equalTo("format"));
        // quarters in SDMX form bound the range; a year value is inside a range covering it
        given().header("Accept", CSV1).get(FLOW + "/all?startPeriod=2007-Q1&endPeriod=2007-12-31").then().statusCode(200)
                .body(containsString(",2007,2900,"));
        given().header("Accept", CSV1).get(FLOW + "/all?startPeriod=2007-Q2").then().statusCode(404);
    }

    @Test
    void anSdmxCsvPushIsTheSameJobAsACsvPush() {
        String sdmx = """
                DATAFLOW,INDICATOR,REF_AREA,SEX,ETHNICITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE,SOURCE,NUMERATOR,DENOMINATOR
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,F,_Z,2013,1100,A,COUNT,,,
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,M,_Z,2013,1000,A,COUNT,,,
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,_T,_Z,2013,2100,P,COUNT,,,
                GEMS:DF_GEMS(1.0),PRIMARY_COMPLETION_RATE,VN-46,F,MINORITY,2013,88.5,A,PERCENT,,,
                GEMS:DF_GEMS(1.0),GOV_BODIES_FEMALE_KEY_LEADER_SHARE,VN-46,_Z,_Z,2013,,A,PERCENT,,12,40
                """;
        Api.push(Api.STATS, CSV1, sdmx.getBytes(StandardCharsets.UTF_8), "?reference=sdmx.csv").statusCode(201)
                .body("format", equalTo("SDMX_CSV")).body("inserted", equalTo(5)).body("rowsRejected", equalTo(0));
        assertEquals(1, db.count("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id "
                + "where i.code = 'MASTERS_DEGREE_HOLDERS' and v.period = '2013' and v.sex = 'T' and v.status = 'P' and v.value = 2100"));
        assertEquals(1, db.count("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id "
                + "where i.code = 'PRIMARY_COMPLETION_RATE' and v.period = '2013' and v.dims = 'ethnicity:MINORITY' and v.status = 'F'"));
        assertEquals(1, db.count("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id "
                + "where i.code = 'GOV_BODIES_FEMALE_KEY_LEADER_SHARE' and v.period = '2013' and v.sex = '-' and v.value = 30"));
        // the same file again changes nothing (SDMX-CSV 2.0 with labelled headers and a quarter are read too)
        Api.push(Api.STATS, CSV1, sdmx.getBytes(StandardCharsets.UTF_8), "").statusCode(201).body("unchanged", equalTo(5)).body("inserted", equalTo(0));
        String v2 = """
                STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR: Indicator,REF_AREA: Reference area,SEX,ETHNICITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS
                dataflow,GEMS:DF_GEMS(1.0),I,COMMUNES_GE_NEWS_SHARE,VN-46,_Z,_Z,2013-Q2,75,A
                """;
        Api.push(Api.STATS, CSV2 + "; charset=UTF-8", v2.getBytes(StandardCharsets.UTF_8), "").statusCode(201).body("inserted", equalTo(1));
        assertEquals(1, db.count("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id "
                + "where i.code = 'COMMUNES_GE_NEWS_SHARE' and v.period = '2013Q2'"));

        // rejections carry the file's line numbers, as for CSV
        String bad = """
                DATAFLOW,INDICATOR,REF_AREA,SEX,ETHNICITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,F,_Z,2012,10,A
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-46,X,_Z,2012,10,A
                OTHER:DF_X(1.0),MASTERS_DEGREE_HOLDERS,VN-46,M,_Z,2012,10,A
                GEMS:DF_GEMS(1.0),MASTERS_DEGREE_HOLDERS,VN-99,M,_Z,2012,10,A
                """;
        Api.push(Api.STATS, CSV1, bad.getBytes(StandardCharsets.UTF_8), "?onError=SKIP").statusCode(201)
                .body("rowsRejected", equalTo(3)).body("rejections.line", equalTo(List.of(3, 4, 5)))
                .body("rejections[1].code", equalTo("UNKNOWN_DATAFLOW"));
        Api.push(Api.STATS, CSV1, "DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,COLOUR\n".getBytes(StandardCharsets.UTF_8), "")
                .statusCode(400).body("code", equalTo("UNKNOWN_COLUMN"));
        given().header("Authorization", Api.HEALTH).contentType(CSV1).body(sdmx.getBytes(StandardCharsets.UTF_8)).post("/api/values/pushes")
                .then().statusCode(422);
        given().contentType(CSV1).body(sdmx.getBytes(StandardCharsets.UTF_8)).post("/api/values/pushes").then().statusCode(401);
    }

    @Test
    void anExportPushedBackChangesNothingAndAFreshSliceGetsTheSameValues() {
        String export = get(FLOW + "/all?startPeriod=2007&endPeriod=2007", CSV1, null);
        long rows = export.lines().count() - 1;
        assertEquals(6, rows, "published final values of 2007: masters F/M/T, primary completion F/M, the leaders' share");
        Api.push(Api.STATS, CSV1, export.getBytes(StandardCharsets.UTF_8), "").statusCode(201)
                .body("rowsAccepted", equalTo((int) rows)).body("unchanged", equalTo((int) rows));
        String fresh = export.replace(",2007,", ",2011,");
        Api.push(Api.STATS, CSV1, fresh.getBytes(StandardCharsets.UTF_8), "").statusCode(201).body("inserted", equalTo((int) rows));
        assertEquals(0, db.count("""
                select count(*) from (
                  select indicator_id, unit_id, sex, dims, value, numerator, denominator, status from indicator_value where period = '2007'
                    and indicator_id in (select id from indicator where code in ('MASTERS_DEGREE_HOLDERS','PRIMARY_COMPLETION_RATE','GOV_BODIES_FEMALE_KEY_LEADER_SHARE'))
                  except
                  select indicator_id, unit_id, sex, dims, value, numerator, denominator, status from indicator_value where period = '2011') d"""));
    }

    /** Keeps an answer under target/sdmx-samples/ for a look, or for other clients to read. */
    private static void keep(String name, String content) throws IOException {
        Path dir = Path.of("target/sdmx-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), content);
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }

    private static void assertOrder(String s, String... parts) {
        int at = -1;
        for (String p : parts) {
            int i = s.indexOf(p);
            assertTrue(i > at, p + " missing or out of order in " + Arrays.toString(parts));
            at = i;
        }
    }
}
