package vn.gems.e2e;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.config;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * SDMX through the gateway with real tokens (issue 16): the Statistics Office's SDMX-CSV of the demo figures stores
 * exactly what its CSV stored; published data exported as SDMX-CSV without a token and pushed into a fresh slice
 * gives the same values; the SDMX-ML answers validate against the official SDMX-ML 2.1 schemas; an off-the-shelf
 * SDMX client (R's rsdmx, where installed) reads the dataflow's data unmodified.
 */
@ExtendWith(E2eSuite.class)
class SdmxE2eTest {

    static final String CSV1 = "application/vnd.sdmx.data+csv;version=1.0.0";
    static final String DATA = "/sdmx/2.1/data/DF_GEMS";

    static String statisticsOffice() {
        return IndicatorsE2eTest.statisticsOffice();
    }

    /** The demo CSV (indicator, unit, period, sex, value, numerator, denominator, status) written as SDMX-CSV 1.0. */
    static String asSdmxCsv(String csv) {
        StringBuilder out = new StringBuilder("DATAFLOW,INDICATOR,REF_AREA,SEX,ETHNICITY,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NUMERATOR,DENOMINATOR\n");
        List<String> lines = csv.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            String[] f = line.split(",", -1);
            String sex = switch (f[3]) {
                case "FEMALE" -> "F";
                case "MALE" -> "M";
                case "TOTAL" -> "_T";
                default -> "_Z";
            };
            out.append("GEMS:DF_GEMS(1.0),").append(f[0]).append(',').append(f[1]).append(',').append(sex).append(",_Z,")
                    .append(f[2]).append(',').append(f[4]).append(',').append(f[7].equals("FINAL") ? "A" : "P").append(',')
                    .append(f[5]).append(',').append(f[6]).append('\n');
        }
        return out.toString();
    }

    /**
     * The class's fixture, whichever test runs first: the statistics office's CSV and the published 2024 slices of Huế
     * that the exports read (both idempotent: a repeated push changes nothing, a repeated publication is a 409).
     */
    @BeforeAll
    static void publishedFigures() throws IOException {
        given().header("Authorization", statisticsOffice()).contentType("text/csv").body(IndicatorsE2eTest.sampleCsv())
                .post(gateway() + "/api/values/pushes?reference=statistics-sample.csv").then().statusCode(201).body("rowsRejected", equalTo(0));
        publish();
    }

    static void publish() {
        for (String indicator : List.of("UNPAID_CARE_HOURS", "EMPLOYED_IN_AGRICULTURE_SHARE", "WAGE_WORKERS")) {
            int s = given().header("Authorization", bearer("gems.admin")).contentType(ContentType.JSON)
                    .body("{\"indicator\":\"" + indicator + "\",\"period\":\"2024\",\"unit\":\"VN-46\"}")
                    .post(gateway() + "/api/values/publications").statusCode();
            assertTrue(s == 201 || s == 409, indicator + " publication: " + s);
        }
    }

    @Test
    void anSdmxCsvOfTheSameFiguresStoresIdenticalValues() throws IOException {
        byte[] csv = IndicatorsE2eTest.sampleCsv();
        given().header("Authorization", statisticsOffice()).contentType("text/csv").body(csv)
                .post(gateway() + "/api/values/pushes?reference=statistics-sample.csv").then().statusCode(201).body("rowsRejected", equalTo(0));
        String sdmx = asSdmxCsv(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        // every stored value compared with the SDMX row of the same key: all unchanged, nothing inserted, updated or retired
        given().header("Authorization", statisticsOffice()).contentType(CSV1).body(sdmx.getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/values/pushes?reference=statistics-sample.sdmx.csv").then().statusCode(201)
                .body("format", equalTo("SDMX_CSV")).body("rowsRead", equalTo(37)).body("rowsAccepted", equalTo(37))
                .body("unchanged", equalTo(37)).body("inserted", equalTo(0)).body("updated", equalTo(0)).body("changed", equalTo(0));
        // and an SDMX-CSV of new figures is stored as its CSV twin would be, line numbers in its rejections
        String bad = "DATAFLOW,INDICATOR,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE\nGEMS:DF_GEMS(1.0),WAGE_WORKERS,VN-46,F,2024-13,1\n";
        given().header("Authorization", statisticsOffice()).contentType(CSV1).body(bad.getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/values/pushes").then().statusCode(422).body("code", equalTo("PUSH_REJECTED"))
                .body("errors[0].field", startsWith("lines[2]."));
    }

    @Test
    void publishedDataRoundTripsThroughSdmxCsvIntoAFreshSlice() {
        publish();
        String export = given().header("Accept", CSV1)
                .get(gateway() + DATA + "/UNPAID_CARE_HOURS+EMPLOYED_IN_AGRICULTURE_SHARE+WAGE_WORKERS.VN-46..?startPeriod=2024&endPeriod=2024")
                .then().statusCode(200).extract().asString();
        assertEquals(10, export.lines().count(), export);
        String fresh = export.replace(",2024,", ",2019,");
        given().header("Authorization", statisticsOffice()).contentType(CSV1).body(fresh.getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/values/pushes?reference=sdmx-round-trip.csv").then().statusCode(201)
                .body("inserted", equalTo(9)).body("rowsRejected", equalTo(0));
        for (String indicator : List.of("UNPAID_CARE_HOURS", "EMPLOYED_IN_AGRICULTURE_SHARE", "WAGE_WORKERS")) {
            assertEquals(values(indicator, "2024"), values(indicator, "2019"), indicator);
        }
    }

    /** sex → [value, numerator, denominator, status] of VN-46, as the authenticated API lists them. */
    static Map<String, List<Object>> values(String indicator, String period) {
        List<Map<String, Object>> items = given().header("Authorization", bearer("health.reporter"))
                .get(gateway() + "/api/values?unit=VN-46&indicator=" + indicator + "&period=" + period).then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, List<Object>> out = new TreeMap<>();
        for (Map<String, Object> i : items) {
            List<Object> v = new ArrayList<>();
            v.add(i.get("value"));
            v.add(i.get("numerator"));
            v.add(i.get("denominator"));
            v.add(i.get("status"));
            out.put(String.valueOf(i.get("sex")), v);
        }
        assertEquals(3, out.size(), indicator + " " + period + ": " + items);
        return out;
    }

    @Test
    void sdmxMlThroughTheGatewayValidatesAgainstTheOfficialSchemas() throws Exception {
        String structure = given().header("Accept", "application/vnd.sdmx.structure+xml;version=2.1")
                .get(gateway() + "/sdmx/2.1/dataflow/GEMS/DF_GEMS/1.0?references=all").then().statusCode(200).extract().asString();
        validate(structure, null);
        String schema = given().get(gateway() + "/sdmx/2.1/schema/dataflow/GEMS/DF_GEMS/1.0").then().statusCode(200).extract().asString();
        String data = given().header("Accept", "application/vnd.sdmx.structurespecificdata+xml;version=2.1")
                .get(gateway() + DATA + "/all").then().statusCode(200).extract().asString();
        validate(data, schema);
        assertTrue(data.contains("INDICATOR=\"UNPAID_CARE_HOURS\""));
        assertThrows(SAXException.class, () -> validate(data.replace("OBS_STATUS=\"A\"", "OBS_STATUS=\"Z\""), schema));
        // the same for a caller with a token; the internal API still wants one
        given().header("Authorization", bearer("health.reporter")).header("Accept", CSV1).get(gateway() + DATA + "/all").then().statusCode(200);
        given().get(gateway() + "/api/values?indicator=WAGE_WORKERS").then().statusCode(401);
        given().get(gateway() + DATA + "/WAGE_WORKERS").then().statusCode(400).body("errors[0].field", equalTo("key"));
    }

    @Test
    void anOffTheShelfSdmxClientReadsTheData() throws Exception {
        // R's rsdmx (Debian: r-cran-rsdmx) — run where it is installed; the SDMX-ML checks above hold everywhere.
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/Rscript")) && Files.isDirectory(Path.of("/usr/lib/R/site-library/rsdmx")),
                "rsdmx not installed (apt-get install r-cran-rsdmx)");
        String script = """
                suppressMessages(library(rsdmx))
                d <- as.data.frame(readSDMX("%1$s/sdmx/2.1/data/DF_GEMS/UNPAID_CARE_HOURS.VN-46..?startPeriod=2024&endPeriod=2024"))
                d <- d[order(d$SEX), ]
                cat(paste(d$INDICATOR, d$REF_AREA, d$SEX, d$TIME_PERIOD, d$OBS_VALUE, d$NUMERATOR, sep = "|"), sep = "\\n")
                s <- readSDMX("%1$s/sdmx/2.1/datastructure/GEMS/DSD_GEMS/1.0")
                cl <- as.data.frame(slot(s, "codelists"), codelistId = "CL_SEX")
                cat("codes:", paste(sort(cl$id), collapse = ","), "\\n")
                """.formatted(gateway());
        Process p = new ProcessBuilder("Rscript", "-e", script).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Rscript timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("UNPAID_CARE_HOURS|VN-46|F|2024|"), out);
        assertTrue(out.contains("|1820400"), out);
        assertTrue(out.contains("codes: _T,_Z,F,M") || out.contains("codes: F,M,_T,_Z") || out.contains("codes: _T _Z F M"), out);
    }

    /** SDMXMessage.xsd of {@code standards/sdmx-ml-2.1} (the official schemas, kept in the repository), plus the service's DSD schema. */
    static void validate(String xml, String dsdSchema) throws SAXException, IOException {
        Path dir = standards();
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        List<Source> sources = new ArrayList<>(List.of(new StreamSource(dir.resolve("SDMXMessage.xsd").toFile())));
        if (dsdSchema != null) {
            sources.add(new StreamSource(new ByteArrayInputStream(dsdSchema.getBytes(StandardCharsets.UTF_8)), dir.resolve("gems-dsd.xsd").toUri().toString()));
        }
        f.newSchema(sources.toArray(Source[]::new)).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    static Path standards() {
        for (Path p = config().repoRoot().toAbsolutePath(); p != null; p = p.getParent()) {
            // the repository's copy (standards/), else the workspace's shared/standards beside the checkout
            for (String dir : new String[]{"standards", "shared/standards"}) {
                Path candidate = p.resolve(dir).resolve("sdmx-ml-2.1/schemas");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("standards/sdmx-ml-2.1/schemas not found above " + config().repoRoot());
    }
}
