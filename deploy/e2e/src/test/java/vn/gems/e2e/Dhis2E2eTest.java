package vn.gems.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * DHIS2 through the gateway: an admin stores a mapping; the statistics office pushes the demo CSV, then a DHIS2
 * {@code dataValueSets} file of the same figures, and the stored values are identical (the second push changes
 * nothing); published values go out as a {@code dataValueSets} document.
 */
@ExtendWith(E2eSuite.class)
class Dhis2E2eTest {

    /** indicator|sex → data element and combo; unit → org unit. */
    static final Map<String, String[]> ELEMENTS = Map.of(
            "BIRTHS|FEMALE", new String[]{"BirthsLive1", "FemaleCoc01"}, "BIRTHS|MALE", new String[]{"BirthsLive1", "MaleCoc0001"},
            "BIRTHS|TOTAL", new String[]{"BirthsLive1", "TotalCoc001"}, "MASTERS_DEGREE_HOLDERS|FEMALE", new String[]{"MastersHld1", "FemaleCoc01"},
            "MASTERS_DEGREE_HOLDERS|MALE", new String[]{"MastersHld1", "MaleCoc0001"}, "MASTERS_DEGREE_HOLDERS|TOTAL", new String[]{"MastersHld1", "TotalCoc001"},
            "WAGE_WORKERS|FEMALE", new String[]{"WageWorker1", "FemaleCoc01"}, "WAGE_WORKERS|MALE", new String[]{"WageWorker1", "MaleCoc0001"},
            "WAGE_WORKERS|TOTAL", new String[]{"WageWorker1", "TotalCoc001"});
    static final Map<String, String> ORG_UNITS = Map.of("VN-46", "HueCity0001", "VN-51", "QuangNgai01", "VN-62", "KonTum00001");

    static String stats() {
        return "Bearer " + E2eSuite.clientToken("statistics-office", "statistics-office-demo-secret");
    }

    static String mapping() {
        StringBuilder sb = new StringBuilder("{\"name\":\"HMIS e2e\",\"dataSet\":\"E2eDataSet1\",\"dataElements\":[");
        ELEMENTS.forEach((target, de) -> sb.append("{\"dataElement\":\"").append(de[0]).append("\",\"categoryOptionCombo\":\"").append(de[1])
                .append("\",\"indicator\":\"").append(target.split("\\|")[0]).append("\",\"sex\":\"").append(target.split("\\|")[1]).append("\"},"));
        sb.setLength(sb.length() - 1);
        sb.append("],\"orgUnits\":[");
        ORG_UNITS.forEach((unit, ou) -> sb.append("{\"orgUnit\":\"").append(ou).append("\",\"unit\":\"").append(unit).append("\"},"));
        sb.setLength(sb.length() - 1);
        return sb.append("]}").toString();
    }

    /** The demo CSV's final rows that the mapping maps, as DHIS2 data values (the same figures, DHIS2's identifiers). */
    static List<String[]> mappedCsvRows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : new String(IndicatorsE2eTest.sampleCsv(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\\R")) {
            String[] f = line.split(",", -1);
            if (f.length >= 8 && ELEMENTS.containsKey(f[0] + "|" + f[3]) && ORG_UNITS.containsKey(f[1]) && !f[4].isEmpty() && f[7].equals("FINAL")) {
                rows.add(f);
            }
        }
        return rows;
    }

    static String dataValueSet(List<String[]> rows) {
        StringBuilder sb = new StringBuilder("{\"dataSet\":\"E2eDataSet1\",\"completeDate\":\"2026-01-15\",\"dataValues\":[");
        for (String[] f : rows) {
            String[] de = ELEMENTS.get(f[0] + "|" + f[3]);
            sb.append("{\"dataElement\":\"").append(de[0]).append("\",\"categoryOptionCombo\":\"").append(de[1]).append("\",\"period\":\"").append(f[2])
                    .append("\",\"orgUnit\":\"").append(ORG_UNITS.get(f[1])).append("\",\"value\":\"").append(f[4])
                    .append("\",\"storedBy\":\"hmis\",\"lastUpdated\":\"2026-01-15T08:00:00.000\",\"followup\":false},");
        }
        sb.setLength(sb.length() - 1);
        return sb.append("]}").toString();
    }

    /** What is stored for the mapped figures: indicator, unit, period, sex, value, status. */
    static TreeSet<String> stored() {
        TreeSet<String> out = new TreeSet<>();
        for (String[] q : List.of(new String[]{"BIRTHS", "2023"}, new String[]{"MASTERS_DEGREE_HOLDERS", "2024"}, new String[]{"WAGE_WORKERS", "2024"})) {
            JsonPath page = given().header("Authorization", bearer("planning.reporter"))
                    .get(gateway() + "/api/values?indicator=" + q[0] + "&period=" + q[1] + "&size=500").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> v : items) {
                if (ORG_UNITS.containsKey(String.valueOf(v.get("unitCode")))) {
                    out.add(v.get("indicatorCode") + "|" + v.get("unitCode") + "|" + v.get("period") + "|" + v.get("sex") + "|"
                            + new BigDecimal(String.valueOf(v.get("value"))).stripTrailingZeros().toPlainString() + "|" + v.get("status"));
                }
            }
        }
        return out;
    }

    /** The class's fixtures, whichever test runs first: the mapping and the statistics office's CSV (both idempotent). */
    @BeforeAll
    static void mappingAndCsv() throws Exception {
        given().header("Authorization", bearer("planning.reporter")).contentType(ContentType.JSON).body(mapping())
                .put(gateway() + "/api/values/dhis2/mappings/hmis-e2e").then().statusCode(403);
        // 201 when created, 200 when it was there already
        given().header("Authorization", bearer("gems.admin")).contentType(ContentType.JSON).body(mapping())
                .put(gateway() + "/api/values/dhis2/mappings/hmis-e2e").then().statusCode(anyOf(equalTo(201), equalTo(200)));
        // The statistics office's CSV (as IndicatorsE2eTest pushes it; again is harmless).
        given().header("Authorization", stats()).contentType("text/csv").body(IndicatorsE2eTest.sampleCsv())
                .post(gateway() + "/api/values/pushes?reference=statistics-sample.csv").then().statusCode(201);
    }

    @Test
    void aDhis2FileOfTheCsvsFiguresStoresIdenticalValues() throws Exception {
        given().header("Authorization", bearer("gems.admin")).get(gateway() + "/api/values/dhis2/mappings/hmis-e2e").then().statusCode(200);
        TreeSet<String> fromCsv = stored();
        List<String[]> rows = mappedCsvRows();
        assertEquals(12, rows.size(), "births in two provinces, masters and wage workers: female, male, total");
        assertEquals(12, fromCsv.size(), fromCsv.toString());

        String dvs = dataValueSet(rows);
        given().contentType(ContentType.JSON).body(dvs).post(gateway() + "/api/values/dhis2/dataValueSets").then().statusCode(401);
        given().header("Authorization", stats()).contentType(ContentType.JSON).body(dvs)
                .post(gateway() + "/api/values/dhis2/dataValueSets?dryRun=true&status=FINAL").then().statusCode(200)
                .body("rowsRead", equalTo(12)).body("rowsAccepted", equalTo(12));
        given().header("Authorization", stats()).header("Idempotency-Key", "e2e-dhis2-" + System.nanoTime()).contentType(ContentType.JSON).body(dvs)
                .post(gateway() + "/api/values/dhis2/dataValueSets?status=FINAL&reference=hmis-export.json").then().statusCode(201)
                .body("format", equalTo("DHIS2_JSON")).body("rowsAccepted", equalTo(12)).body("unchanged", equalTo(12)).body("changed", equalTo(0));
        assertEquals(fromCsv, stored(), "the DHIS2 file stores exactly what the CSV stored");
    }

    @Test
    void publishedValuesGoOutAsADataValueSet() {
        given().header("Authorization", bearer("gems.admin")).contentType(ContentType.JSON)
                .body("{\"indicator\":\"MASTERS_DEGREE_HOLDERS\",\"period\":\"2024\",\"unit\":\"VN-46\"}")
                .post(gateway() + "/api/values/publications").then().statusCode(anyOf(equalTo(201), equalTo(409)));
        JsonPath out = given().header("Authorization", bearer("auditor.tth")).get(gateway() + "/api/values/dhis2/dataValueSets?mapping=hmis-e2e&period=2024")
                .then().statusCode(200).body("dataSet", equalTo("E2eDataSet1")).extract().jsonPath();
        assertEquals("2410", out.getString("dataValues.find { it.dataElement == 'MastersHld1' && it.categoryOptionCombo == 'FemaleCoc01' }.value"));
        assertEquals("HueCity0001", out.getString("dataValues.find { it.dataElement == 'MastersHld1' }.orgUnit"));
        List<String> elements = out.getList("dataValues.dataElement");
        assertTrue(elements.stream().allMatch(e -> e.equals("MastersHld1") || e.equals("WageWorker1")), "only published data sets: " + elements);
        given().get(gateway() + "/api/values/dhis2/dataValueSets?mapping=hmis-e2e&period=2024").then().statusCode(401);
    }
}
