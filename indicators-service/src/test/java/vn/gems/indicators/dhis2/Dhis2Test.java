package vn.gems.indicators.dhis2;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DHIS2 mappings (admin CRUD with ETag and checks), dataValueSets pushed through the pipeline, and exported. */
@QuarkusTest
@TestProfile(Dhis2Test.OwnDatabase.class)
class Dhis2Test {

    /** A database of its own: this class writes figures other classes expect fresh (see the module README). */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @InjectTestDatabase
    TestDatabase db;

    static final String MAPPING = """
            {"name":"HMIS Huế","dataSet":"QX4ZTUbOt3a",
             "dataElements":[{"dataElement":"h0xKKjijTdI","categoryOptionCombo":"hEFKSsPV5et","indicator":"BIRTHS","sex":"female"},
                             {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"V6L425pT3A0","indicator":"BIRTHS","sex":"MALE"},
                             {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"TOT0000001a","indicator":"BIRTHS","sex":"TOTAL"},
                             {"dataElement":"QkBH6ZbRvLX","indicator":"MATERNAL_MORTALITY_RATIO"},
                             {"dataElement":"PrimCompl01","categoryOptionCombo":"MinFemale01","indicator":"PRIMARY_COMPLETION_RATE","sex":"FEMALE",
                              "dimensions":{"ethnicity":"minority"}}],
             "orgUnits":[{"orgUnit":"ImspTQPwCqd","unit":"VN-46"},{"orgUnit":"QNG_PROVINCE","unit":"VN-51"}]}""";

    @BeforeEach
    void data() {
        Demo.load();
        if (given().header("Authorization", Api.ADMIN).get("/api/values/dhis2/mappings/hmis-hue").statusCode() == 404) {
            given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(MAPPING).put("/api/values/dhis2/mappings/hmis-hue")
                    .then().statusCode(201);
        }
    }

    static String set(String period, String values) {
        return "{\"dataSet\":\"QX4ZTUbOt3a\",\"period\":\"" + period + "\",\"orgUnit\":\"ImspTQPwCqd\",\"completeDate\":\"2026-01-10\",\"dataValues\":["
                + values + "]}";
    }

    @Test
    void adminsManageMappingsWithETagsAndChecks() {
        given().get("/api/values/dhis2/mappings").then().statusCode(401);
        given().header("Authorization", Api.HEALTH).get("/api/values/dhis2/mappings").then().statusCode(200).body("code", hasItem("hmis-hue"));
        given().header("Authorization", Api.HEALTH).get("/api/values/dhis2/mappings/hmis-hue").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("dataElements[0].sex", equalTo("FEMALE"))
                .body("dataElements[4].dimensions.ethnicity", equalTo("MINORITY"));
        // Only admins write.
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(MAPPING).put("/api/values/dhis2/mappings/other")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(MAPPING).put("/api/values/dhis2/mappings/other").then().statusCode(401);
        // Create, replace with If-Match, delete.
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(MAPPING.replace("QX4ZTUbOt3a", "OtherSet001"))
                .put("/api/values/dhis2/mappings/crud-test").then().statusCode(201).header("ETag", equalTo("\"1\"")).body("version", equalTo(1));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(MAPPING).put("/api/values/dhis2/mappings/crud-test")
                .then().statusCode(428);
        given().header("Authorization", Api.ADMIN).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(MAPPING)
                .put("/api/values/dhis2/mappings/crud-test").then().statusCode(412).body("code", equalTo("STALE_VERSION"));
        given().header("Authorization", Api.ADMIN).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(MAPPING.replace("HMIS Huế", "Renamed"))
                .put("/api/values/dhis2/mappings/crud-test").then().statusCode(200).header("ETag", equalTo("\"2\"")).body("name", equalTo("Renamed"));
        given().header("Authorization", Api.STATS).header("If-Match", "\"2\"").delete("/api/values/dhis2/mappings/crud-test").then().statusCode(403);
        given().header("Authorization", Api.ADMIN).delete("/api/values/dhis2/mappings/crud-test").then().statusCode(428);
        given().header("Authorization", Api.ADMIN).header("If-Match", "\"2\"").delete("/api/values/dhis2/mappings/crud-test").then().statusCode(204);
        given().header("Authorization", Api.ADMIN).get("/api/values/dhis2/mappings/crud-test").then().statusCode(404);
        // Every problem at once, each with its field.
        String bad = """
                {"name":"bad","dataElements":[{"dataElement":"a1","indicator":"NO_SUCH"},{"dataElement":"a2","indicator":"BIRTHS"},
                  {"dataElement":"a3","indicator":"MATERNAL_MORTALITY_RATIO","sex":"FEMALE"},
                  {"dataElement":"a4","indicator":"PRIMARY_COMPLETION_RATE","sex":"MALE","dimensions":{"ethnicity":"ALIEN"}},
                  {"dataElement":"a4","indicator":"BIRTHS","sex":"MALE"}],
                 "orgUnits":[{"orgUnit":"x","unit":"VN-99"},{"orgUnit":"x","unit":"VN-46"}]}""";
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(bad).put("/api/values/dhis2/mappings/bad").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("INVALID_MAPPING"))
                .body("errors.field", containsInAnyOrder("dataElements[0].indicator", "dataElements[1].sex", "dataElements[2].sex",
                        "dataElements[3].dimensions.ethnicity", "dataElements[4].dataElement", "orgUnits[0].unit", "orgUnits[1].orgUnit"))
                .body("errors.code", hasItem("UNKNOWN_INDICATOR")).body("errors.code", hasItem("SEX_REQUIRED"))
                .body("errors.code", hasItem("DUPLICATE_DATA_ELEMENT")).body("errors.code", hasItem("UNKNOWN_UNIT"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("{\"name\":\"\",\"dataElements\":[],\"orgUnits\":[]}")
                .put("/api/values/dhis2/mappings/bad").then().statusCode(400);
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(MAPPING).put("/api/values/dhis2/mappings/Bad_Code")
                .then().statusCode(400).body("code", equalTo("INVALID_MAPPING_CODE"));
    }

    @Test
    void aDataValueSetStoresWhatTheSameCsvStores() {
        String dvs = set("2005", """
                {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"hEFKSsPV5et","value":"7000","storedBy":"hmis","followup":false},
                {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"V6L425pT3A0","value":"7700","comment":"sổ A1"},
                {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"TOT0000001a","value":"14700"},
                {"dataElement":"QkBH6ZbRvLX","period":"2005","orgUnit":"QNG_PROVINCE","value":"16.5"},
                {"dataElement":"PrimCompl01","categoryOptionCombo":"MinFemale01","value":"91.2"}""");
        // Dry run: every row checked, nothing written.
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(dvs).post("/api/values/dhis2/dataValueSets?dryRun=true")
                .then().statusCode(200).body("format", equalTo("DHIS2_JSON")).body("rowsRead", equalTo(5)).body("rowsAccepted", equalTo(5));
        assertEquals(0, db.count("select count(*) from indicator_value where period = '2005'"));
        given().header("Authorization", Api.STATS).header("Idempotency-Key", "dhis2-2005").contentType(ContentType.JSON).body(dvs)
                .post("/api/values/dhis2/dataValueSets?status=FINAL&reference=hmis-2005.json").then().statusCode(201)
                .body("inserted", equalTo(5)).body("source.reference", equalTo("hmis-2005.json"));
        List<String> stored = stored("2005");
        // The same key and file replay the answer; the same figures as CSV change nothing: the values are identical.
        given().header("Authorization", Api.STATS).header("Idempotency-Key", "dhis2-2005").contentType(ContentType.JSON).body(dvs)
                .post("/api/values/dhis2/dataValueSets?status=FINAL&reference=hmis-2005.json").then().statusCode(201).body("inserted", equalTo(5));
        String csv = """
                indicator,unit,period,sex,value,numerator,denominator,status,ethnicity
                BIRTHS,VN-46,2005,FEMALE,7000,,,FINAL,
                BIRTHS,VN-46,2005,MALE,7700,,,FINAL,
                BIRTHS,VN-46,2005,TOTAL,14700,,,FINAL,
                MATERNAL_MORTALITY_RATIO,VN-51,2005,,16.5,,,FINAL,
                PRIMARY_COMPLETION_RATE,VN-46,2005,FEMALE,91.2,,,FINAL,MINORITY
                """;
        Api.pushCsv(Api.STATS, csv, "?reference=hmis-2005.json").statusCode(201).body("unchanged", equalTo(5)).body("changed", equalTo(0));
        assertEquals(stored, stored("2005"));
        // The pushes route takes the same document by its media type, the mapping named.
        given().header("Authorization", Api.STATS).contentType("application/vnd.dhis2.datavalueset+json").body(dvs)
                .post("/api/values/pushes?mapping=hmis-hue&status=FINAL&reference=hmis-2005.json").then().statusCode(201)
                .body("unchanged", equalTo(5)).body("format", equalTo("DHIS2_JSON"));
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(dvs).post("/api/values/dhis2/dataValueSets?mapping=nope")
                .then().statusCode(400).body("code", equalTo("DHIS2_MAPPING_NOT_FOUND"));
        given().contentType(ContentType.JSON).body(dvs).post("/api/values/dhis2/dataValueSets").then().statusCode(401);
        given().header("Authorization", Api.AUDITOR).contentType(ContentType.JSON).body(dvs).post("/api/values/dhis2/dataValueSets").then().statusCode(403);
    }

    @Test
    void rowsTheMappingCannotPlaceAreRejectedWithTheirPointer() {
        String dvs = set("2018", """
                {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"hEFKSsPV5et","value":"7000"},
                {"dataElement":"UnknownDE01","value":"1"},
                {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"UnknownCOC1","value":"2"},
                {"dataElement":"QkBH6ZbRvLX","orgUnit":"Elsewhere01","value":"3"},
                {"dataElement":"QkBH6ZbRvLX","period":"2018W05","value":"4"},
                {"dataElement":"QkBH6ZbRvLX","value":"not a number"},
                {"dataElement":"QkBH6ZbRvLX","period":"201805","value":"17","deleted":true}""");
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(dvs).post("/api/values/dhis2/dataValueSets?onError=SKIP")
                .then().statusCode(201).body("rowsRead", equalTo(7)).body("inserted", equalTo(1)).body("rowsRejected", equalTo(6))
                .body("rejections.line", contains(2, 3, 4, 5, 6, 7))
                .body("rejections.code", contains("DHIS2_UNMAPPED_DATA_ELEMENT", "DHIS2_UNMAPPED_COMBO", "DHIS2_UNMAPPED_ORG_UNIT",
                        "DHIS2_PERIOD_UNSUPPORTED", "INVALID_NUMBER", "DHIS2_DELETION_NOT_SUPPORTED"))
                .body("rejections[0].column", equalTo("/dataValues/1/dataElement"))
                .body("rejections[1].column", equalTo("/dataValues/2/categoryOptionCombo"))
                .body("rejections[2].column", equalTo("/dataValues/3/orgUnit"))
                .body("rejections[3].column", equalTo("/dataValues/4/period"));
        // ABORT (the default): nothing written, 422 with the rejections.
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(dvs.replace("2018", "2019"))
                .post("/api/values/dhis2/dataValueSets").then().statusCode(422);
        assertEquals(0, db.count("select count(*) from indicator_value where period = '2019'"));
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body("{\"dataValues\":5}").post("/api/values/dhis2/dataValueSets")
                .then().statusCode(400).body("code", equalTo("MALFORMED_DHIS2"));
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body("[1,2]").post("/api/values/dhis2/dataValueSets")
                .then().statusCode(400).body("code", equalTo("MALFORMED_DHIS2"));
    }

    @Test
    void publishedValuesGoOutAsADataValueSetAndComeBackUnchanged() {
        String dvs = set("2020", """
                {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"hEFKSsPV5et","value":"6900"},
                {"dataElement":"h0xKKjijTdI","categoryOptionCombo":"V6L425pT3A0","value":"7600"},
                {"dataElement":"QkBH6ZbRvLX","value":"18"}""");
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(dvs).post("/api/values/dhis2/dataValueSets?status=FINAL")
                .then().statusCode(201).body("inserted", equalTo(3));
        String url = "/api/values/dhis2/dataValueSets?mapping=hmis-hue&period=2020";
        // Nothing is published yet: nothing goes out.
        given().header("Authorization", Api.HEALTH).get(url).then().statusCode(200).body("dataValues.size()", equalTo(0));
        for (String indicator : List.of("BIRTHS", "MATERNAL_MORTALITY_RATIO")) {
            given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                    .body("{\"indicator\":\"" + indicator + "\",\"period\":\"2020\",\"unit\":\"VN-46\"}").post("/api/values/publications").then().statusCode(201);
        }
        JsonPath out = given().header("Authorization", Api.HEALTH).get(url).then().statusCode(200)
                .body("dataSet", equalTo("QX4ZTUbOt3a")).body("period", equalTo("2020")).extract().jsonPath();
        assertEquals(3, out.getList("dataValues").size());
        assertEquals("6900", out.getString("dataValues.find { it.categoryOptionCombo == 'hEFKSsPV5et' }.value"));
        assertEquals("ImspTQPwCqd", out.getString("dataValues.find { it.dataElement == 'QkBH6ZbRvLX' }.orgUnit"));
        assertEquals(null, out.getString("dataValues.find { it.dataElement == 'QkBH6ZbRvLX' }.categoryOptionCombo"));
        // The export, pushed back, is the same values.
        given().header("Authorization", Api.STATS).contentType(ContentType.JSON).body(out.prettify()).post("/api/values/dhis2/dataValueSets?status=FINAL")
                .then().statusCode(201).body("unchanged", equalTo(3));
        given().get(url).then().statusCode(401);
        given().header("Authorization", Api.HEALTH).get("/api/values/dhis2/dataValueSets?period=2020").then().statusCode(400);
        given().header("Authorization", Api.HEALTH).get("/api/values/dhis2/dataValueSets?mapping=hmis-hue&period=2020W1").then().statusCode(400)
                .body("code", equalTo("INVALID_PERIOD"));
    }

    /** Every stored value of the period, as text: indicator, unit, sex, dimensions, value, numerator, denominator, status. */
    @Test
    void anAdxDocumentIsReadThroughTheSameMapping() {
        String mapping = """
                {"name":"ADX Huế","dataSet":"AdxSet00001",
                 "dataElements":[{"dataElement":"BIRTHS_LIVE","categoryOptions":{"SEX":"F"},"indicator":"BIRTHS","sex":"FEMALE"},
                                 {"dataElement":"BIRTHS_LIVE","categoryOptions":{"SEX":"M"},"indicator":"BIRTHS","sex":"MALE"},
                                 {"dataElement":"MMR","indicator":"MATERNAL_MORTALITY_RATIO"}],
                 "orgUnits":[{"orgUnit":"HUE","unit":"VN-46"}]}""";
        if (given().header("Authorization", Api.ADMIN).get("/api/values/dhis2/mappings/hmis-adx").statusCode() == 404) {
            given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(mapping).put("/api/values/dhis2/mappings/hmis-adx")
                    .then().statusCode(201).body("dataElements[0].categoryOptions.SEX", equalTo("F"));
        }
        String adx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-01-15T08:00:00Z">
                  <group orgUnit="HUE" period="2021-01-01/P1Y" dataSet="AdxSet00001" completeDate="2026-01-10">
                    <dataValue dataElement="BIRTHS_LIVE" SEX="F" value="7100"/>
                    <dataValue dataElement="BIRTHS_LIVE" SEX="M" value="7800"><annotation>sổ A1</annotation></dataValue>
                    <dataValue dataElement="MMR" value="15.5"/>
                  </group>
                  <group orgUnit="NOWHERE" period="2021-01-01/P1Y" dataSet="AdxSet00001"><dataValue dataElement="MMR" value="1"/></group>
                  <group orgUnit="HUE" period="2021-01-01/P1Y" dataSet="AdxSet00001"><dataValue dataElement="BIRTHS_LIVE" SEX="X" value="1"/></group>
                  <group orgUnit="HUE" period="2021-03-15/P1M" dataSet="AdxSet00001"><dataValue dataElement="MMR" value="2"/></group>
                </adx>""";
        given().header("Authorization", Api.STATS).contentType("application/adx+xml").body(adx)
                .post("/api/values/pushes?mapping=hmis-adx&onError=SKIP&status=FINAL").then().statusCode(201)
                .body("format", equalTo("DHIS2_ADX")).body("rowsRead", equalTo(6)).body("inserted", equalTo(3))
                .body("rejections.line", contains(4, 5, 6))
                .body("rejections.code", contains("DHIS2_UNMAPPED_ORG_UNIT", "DHIS2_UNMAPPED_COMBO", "DHIS2_PERIOD_UNSUPPORTED"))
                .body("rejections.column", contains("/adx/group[2]/@orgUnit", "/adx/group[3]/dataValue[1]/@SEX", "/adx/group[4]/@period"));
        // The same figures as CSV are no change; the ADX route of DHIS2 clients takes the document too.
        Api.pushCsv(Api.STATS, """
                indicator,unit,period,sex,value,status
                BIRTHS,VN-46,2021,FEMALE,7100,FINAL
                BIRTHS,VN-46,2021,MALE,7800,FINAL
                MATERNAL_MORTALITY_RATIO,VN-46,2021,,15.5,FINAL
                """, "").statusCode(201).body("unchanged", equalTo(3));
        given().header("Authorization", Api.STATS).contentType("application/adx+xml").body(adx)
                .post("/api/values/dhis2/dataValueSets?mapping=hmis-adx&onError=SKIP&status=FINAL").then().statusCode(201)
                .body("format", equalTo("DHIS2_ADX")).body("unchanged", equalTo(3));
        // No DTD, no external entity.
        given().header("Authorization", Api.STATS).contentType("application/adx+xml")
                .body("<?xml version=\"1.0\"?><!DOCTYPE adx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><adx><group orgUnit=\"&x;\"/></adx>")
                .post("/api/values/pushes?mapping=hmis-adx").then().statusCode(400).body("code", equalTo("MALFORMED_ADX"));
    }

    private List<String> stored(String period) {
        List<String> rows = new ArrayList<>();
        try (var c = db.connect(); var st = c.prepareStatement("select i.code || '|' || u.code || '|' || v.sex || '|' || v.dims || '|' || v.value "
                + "|| '|' || coalesce(v.numerator::text, '') || '|' || coalesce(v.denominator::text, '') || '|' || v.status "
                + "from indicator_value v join indicator i on i.id = v.indicator_id join admin_unit u on u.id = v.unit_id where v.period = ? order by 1")) {
            st.setString(1, period);
            try (var rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(5, rows.size(), rows.toString());
        return rows;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
