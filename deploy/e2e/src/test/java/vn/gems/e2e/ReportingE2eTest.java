package vn.gems.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.common.testing.PdfText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.common.testing.ConsolidationRows.row;
import static vn.gems.common.testing.ConsolidationRows.sources;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * The seed 003 cycle (Thừa Thiên Huế 2021-2025) for the year 2025 against the real suite, through the gateway with
 * real tokens: DOLISA imports and issues the plan (plans-service tells reporting-service from its outbox) →
 * obligations → DOLISA extends Health's and Planning's 30/11/2025 deadline to a month from today → Health, Home
 * Affairs and Planning submit (Home Affairs late; Health is returned with comments and resubmits) → the Statistics
 * Office pushes its figures to indicators-service as a CSV file →
 * DOLISA accepts (values go to indicators-service through reporting's outbox) and consolidates → the exports are
 * read back → the summary is published → DOLISA's own report goes to the ministry that took over (VN-MOHA). Then
 * the outbox with indicators-service stopped and started again: nothing lost, nothing twice.
 */
@ExtendWith(E2eSuite.class)
class ReportingE2eTest {

    static final String PERIOD = "2025";
    static final String PLAN_DUE = "2025-11-30";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ObjectMapper JSON = new ObjectMapper();
    /** The extended due date of Health's and Planning's annual reports: a month from the day the test runs. */
    static final LocalDate EXTENDED = LocalDate.now(VIETNAM).plusDays(30);

    static long planId;
    static long dohReport;
    static long dohaReport;
    static long dpiReport;
    static long dohaDaysLate;

    static String url(String path) {
        return gateway() + path;
    }

    static long obligation(String user, String rule) {
        return obligation(planId, user, rule);
    }

    static long obligation(long plan, String user, String rule) {
        return given().header("Authorization", bearer(user))
                .get(url("/api/reports/obligations?size=500&planId=" + plan + "&period=" + PERIOD)).then().statusCode(200)
                .extract().jsonPath().getLong("items.find { it.ruleKey == '" + rule + "' }.id");
    }

    static String obligationETag(String user, long obligation) {
        return given().header("Authorization", bearer(user)).get(url("/api/reports/obligations/" + obligation)).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
    }

    /** DOLISA, the receiving agency, extends an obligation's due date (with the ETag it just read). */
    static Response extend(long obligation, String body) {
        Response r = given().header("Authorization", bearer("dolisa.officer")).header("If-Match", obligationETag("dolisa.officer", obligation))
                .contentType(ContentType.JSON).body(body).post(url("/api/reports/obligations/" + obligation + "/extension"));
        assertEquals(200, r.statusCode(), r.asString());
        return r;
    }

    /** The answer must match reporting-service's published OpenAPI exactly (no undeclared fields, right types). */
    static void assertMatchesOpenApi(String path, Response res) throws Exception {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(ApiOperations.document("reporting").toString()).build();
        ValidationReport report = validator.validateResponse(path, Request.Method.POST, SimpleResponse.Builder.status(res.statusCode())
                .withBody(res.asString()).withContentType(res.contentType()).build());
        assertTrue(!report.hasErrors(), () -> path + " answered outside its OpenAPI schema: " + report.getMessages());
    }

    static long start(String user, long obligation, String content) {
        return given().header("Authorization", bearer(user)).contentType(ContentType.JSON).body(content)
                .post(url("/api/reports/obligations/" + obligation + "/report")).then().statusCode(201)
                .header("Location", notNullValue()).extract().jsonPath().getLong("id");
    }

    static String etag(String user, long report) {
        return given().header("Authorization", bearer(user)).get(url("/api/reports/submissions/" + report)).then().statusCode(200)
                .extract().header("ETag");
    }

    static void submit(String user, long report) {
        given().header("Authorization", bearer(user)).header("Idempotency-Key", "e2e-submit-" + report + "-" + System.nanoTime())
                .post(url("/api/reports/submissions/" + report + "/submit")).then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    static void accept(long report) {
        given().header("Authorization", bearer("dolisa.officer")).header("If-Match", etag("dolisa.officer", report))
                .contentType(ContentType.JSON).body("{}").post(url("/api/reports/submissions/" + report + "/accept"))
                .then().statusCode(200).body("state", equalTo("ACCEPTED"));
    }

    static JsonPath rollup(String indicator, String dims) {
        return given().header("Authorization", bearer("dolisa.officer"))
                .get(url("/api/values/rollup?indicator=" + indicator + "&unit=VN-46&period=" + PERIOD + (dims == null ? "" : "&dims=" + dims)))
                .then().statusCode(200).extract().jsonPath();
    }

    /*
     * The demo's seed 003 plan (deploy/demo/plans/tth-2021-2025.json, issue 13.6), by rule:
     * - departments (ALL_ASSIGNED): 13 RESPONSIBLE agencies (DOLISA, DPI, DOF, DOH, DOJ, DOHA, DCS, DIC, DOET, STATS,
     *   POLICE, NEWS, RTV) less DOLISA, which receives R1/R2 and never owes itself = 12 required, + the Front and the
     *   Women's Union, only requested ("Đề nghị"): 2 invited = 14 obligations per due date.
     *   R1 own plans 25/6/2021: 14; R2 annual 2021-2025: 14 × 5 = 70.
     * - district-level People's Committees (UNIT_COMMITTEES DISTRICT VN-46, as the province stood on the due date):
     *   Huế city + 8 districts/towns = 9 in 2021-2024, none after 1 July 2025.
     *   R3 annual: 9 × 4 (2021-2024) + 0 (2025) = 36; R8 own plans 25/6/2021: 9; R9 five-year report 30/11/2025: 0.
     * - DOLISA: R4 to the ministry 2021-2025: 5; R5 mid-term review: 1; R6 final review: 1.
     * - R7, R10, R11: on request (no date), nothing until a request.
     * 14 + 70 + 36 + 5 + 1 + 1 + 9 = 136 (was 103: 16 assigned agencies incl. DOLISA itself, the Front, the Women's
     * Union and Huế city's hand-registered committee, all required).
     */
    static final long DEMO_SEED_003_OBLIGATIONS = 136;

    // The story, as stages that each run once, by whichever test needs them first (see Stage).
    static final Stage ISSUED = new Stage("DOLISA issues the plan; its obligations follow", ReportingE2eTest::issueThePlan);
    static final Stage EXTENDED_DUE = new Stage("DOLISA extends Health and Planning", () -> {
        ISSUED.reach();
        extendHealthAndPlanning();
    });
    static final Stage ACCEPTED = new Stage("three agencies submit, one is returned and resubmits, all accepted", () -> {
        EXTENDED_DUE.reach();
        submitReturnResubmitAccept();
    });
    static final Stage VALUES_ARRIVED = new Stage("the statistics office pushes; the accepted values arrive", () -> {
        ACCEPTED.reach();
        pushAndAwaitAcceptedValues();
    });

    @Test
    void dolisaIssuesThePlanAndObligationsFollow() throws Exception {
        ISSUED.reach();
    }

    @Test
    void dolisaExtendsHealthAndPlanning() throws Exception {
        EXTENDED_DUE.reach();
    }

    @Test
    void threeAgenciesSubmitOneIsReturnedAndResubmits() throws Exception {
        ACCEPTED.reach();
    }

    @Test
    void statisticsOfficePushesAndAcceptedValuesArrive() throws Exception {
        VALUES_ARRIVED.reach();
    }

    /** A copy of the demo's seed 003 plan, issued by DOLISA, once its obligations are there: its id. */
    static long issueSeed003Copy(String codePrefix) throws Exception {
        Path file = Path.of(System.getProperty("gems.root", "../.."), "deploy/demo/plans/tth-2021-2025.json");
        ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
        doc.put("code", codePrefix + Long.toString(System.nanoTime(), 36).toUpperCase());
        Response created = given().header("Authorization", bearer("dolisa.officer")).header("Idempotency-Key", "e2e-import-" + doc.get("code").asText())
                .contentType(ContentType.JSON).body(doc.toString()).post(url("/api/plans"));
        assertEquals(201, created.statusCode(), created.asString());
        long id = created.jsonPath().getLong("id");
        given().header("Authorization", bearer("dolisa.officer")).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"documentNumber\":\"E2E/KH-UBND\",\"issueDate\":\"2021-05-10\"}")
                .post(url("/api/plans/" + id + "/issue")).then().statusCode(200).body("status", equalTo("ISSUED"));

        // plans-service's outbox tells reporting-service; the obligations appear.
        E2eSuite.await("obligations of the issued plan", Duration.ofSeconds(90), () -> given().header("Authorization", bearer("health.reporter"))
                .get(url("/api/reports/obligations?planId=" + id + "&period=" + PERIOD)).then().extract().jsonPath()
                .getList("items.ruleKey").contains("R2"));
        return id;
    }

    static void issueThePlan() throws Exception {
        planId = issueSeed003Copy("E2E-RPT-");
        // The demo's seed 003 plan gives this many obligations (the reporting README quotes the figure; issue 12.8).
        String byRule = "select string_agg(rule_key || ':' || n, ' ' order by rule_key) from (select rule_key, count(*) n from obligation where plan_id = "
                + planId + " group by rule_key) t";
        assertEquals(DEMO_SEED_003_OBLIGATIONS, ServiceDb.count("reporting", "select count(*) from obligation where plan_id = " + planId),
                () -> "per rule: " + ServiceDb.text("reporting", byRule));
        // As worked out above DEMO_SEED_003_OBLIGATIONS.
        assertEquals("R1:14 R2:70 R3:36 R4:5 R5:1 R6:1 R8:9", ServiceDb.text("reporting", byRule));
        long doh = obligation("health.reporter", "R2");
        given().header("Authorization", bearer("health.reporter")).get(url("/api/reports/obligations/" + doh)).then().statusCode(200)
                .body("dueDate", equalTo("2025-11-30")).body("receivingAgency", equalTo("TTH-DOLISA")).body("unitCode", equalTo("VN-46"))
                .body("status", equalTo("OVERDUE")).body("late", equalTo(true));
        // DOLISA's consolidated report of 2025 goes to the Ministry of Home Affairs: the labour ministry was retired in 2025.
        JsonPath dolisa = given().header("Authorization", bearer("dolisa.officer"))
                .get(url("/api/reports/obligations?size=500&planId=" + planId)).then().statusCode(200).extract().jsonPath();
        assertEquals("VN-MOHA", dolisa.getString("items.find { it.ruleKey == 'R4' && it.period == '2025' }.receivingAgency"));
        // DOLISA receives the own plans and never owes itself one; the Women's Union, only requested, is invited.
        assertEquals(List.of(), dolisa.getList("items.findAll { it.ruleKey == 'R1' || it.ruleKey == 'R2' }"));
        JsonPath received = given().header("Authorization", bearer("dolisa.officer"))
                .get(url("/api/reports/obligations?view=received&size=500&planId=" + planId)).then().statusCode(200).extract().jsonPath();
        assertEquals("2021-06-25", received.getString("items.find { it.ruleKey == 'R1' }.dueDate"));
        assertEquals(false, received.getBoolean("items.find { it.ruleKey == 'R2' && it.agency == 'TTH-WU' && it.period == '2025' }.required"));
        assertEquals(true, received.getBoolean("items.find { it.ruleKey == 'R2' && it.agency == 'TTH-DOH' && it.period == '2025' }.required"));
        // the districts of 2024 owe their annual report; in 2025 there are none
        assertEquals(9, received.getList("items.findAll { it.ruleKey == 'R3' && it.period == '2024' }").size());
        assertEquals(List.of(), received.getList("items.findAll { it.ruleKey == 'R3' && it.period == '2025' }"));
        assertEquals("MID_TERM_REVIEW", dolisa.getString("items.find { it.ruleKey == 'R5' }.kind"));
        assertEquals("FINAL_REVIEW", dolisa.getString("items.find { it.ruleKey == 'R6' }.kind"));
        // The receiving agency sees every annual report it is owed, with timeliness.
        given().header("Authorization", bearer("dolisa.officer"))
                .get(url("/api/reports/obligations?view=received&size=500&planId=" + planId + "&period=" + PERIOD + "&status=OVERDUE"))
                .then().statusCode(200).body("items.agency", hasItem("TTH-DOH"));
    }

    static void extendHealthAndPlanning() throws Exception {
        long doh = obligation("health.reporter", "R2");
        String reason = "Chờ số liệu tuyến xã sau sáp nhập đơn vị hành chính";
        String body = "{\"dueDate\":\"" + EXTENDED + "\",\"reason\":\"" + reason + "\"}";
        // The agency that owes the report cannot give itself more time.
        given().header("Authorization", bearer("health.reporter")).header("If-Match", obligationETag("health.reporter", doh))
                .contentType(ContentType.JSON).body(body).post(url("/api/reports/obligations/" + doh + "/extension"))
                .then().statusCode(403).contentType("application/problem+json");

        Response extended = extend(doh, body);
        extended.then().body("dueDate", equalTo(EXTENDED.toString())).body("originalDueDate", equalTo(PLAN_DUE))
                .body("extensionReason", equalTo(reason)).body("status", equalTo("UPCOMING")).body("late", nullValue());
        assertMatchesOpenApi("/api/reports/obligations/" + doh + "/extension", extended);
        extend(obligation("planning.reporter", "R2"), "{\"dueDate\":\"" + EXTENDED + "\",\"reason\":\"Chờ số liệu điều tra doanh nghiệp\"}")
                .then().body("originalDueDate", equalTo(PLAN_DUE));

        // The agency sees its new date; Home Affairs, not extended, is still overdue.
        given().header("Authorization", bearer("health.reporter")).get(url("/api/reports/obligations/" + doh)).then().statusCode(200)
                .body("dueDate", equalTo(EXTENDED.toString())).body("originalDueDate", equalTo(PLAN_DUE)).body("status", equalTo("UPCOMING"));
        given().header("Authorization", bearer("homeaffairs.reporter")).get(url("/api/reports/obligations/" + obligation("homeaffairs.reporter", "R2")))
                .then().statusCode(200).body("dueDate", equalTo(PLAN_DUE)).body("originalDueDate", nullValue()).body("status", equalTo("OVERDUE"));
        given().header("Authorization", bearer("health.reporter")).get(url("/api/reports/notifications?kind=DUE_DATE_EXTENDED")).then()
                .statusCode(200).body("items.obligationId", hasItem((int) doh));
    }

    static void submitReturnResubmitAccept() {
        String health = """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tỷ số giới tính khi sinh 110 bé trai/100 bé gái; tử vong mẹ 16/100.000."},
                             {"kind":"DIFFICULTIES","text":"Số liệu tuyến xã còn chậm."},
                             {"kind":"PROPOSALS","text":"Đề nghị bổ sung kinh phí truyền thông."}],
                 "activities":[{"objectiveKey":"O4","title":"Tập huấn tư vấn sức khỏe sinh sản","count":12,
                                "participantsFemale":420,"participantsMale":180,"participantsTotal":600}],
                 "values":[{"measureKey":"O4-T1-M1","female":7000,"male":7800},
                           {"measureKey":"O4-T2-M1","value":16},
                           {"measureKey":"O4-T3-M1","value":21},
                           {"measureKey":"O4-T4-M1","value":1}]}""";
        long doh = obligation("health.reporter", "R2");
        dohReport = start("health.reporter", doh, health);
        submit("health.reporter", dohReport);
        // After 30/11/2025 but before the extended date: on time.
        given().header("Authorization", bearer("health.reporter")).get(url("/api/reports/submissions/" + dohReport)).then()
                .body("late", equalTo(false)).body("daysLate", equalTo(0));
        given().header("Authorization", bearer("health.reporter")).get(url("/api/reports/obligations/" + doh)).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("late", equalTo(false)).body("daysLate", equalTo(0));
        // Another agency cannot read it (BOLA); the reviewer reads the submitted version, not a draft.
        given().header("Authorization", bearer("education.reporter")).get(url("/api/reports/submissions/" + dohReport)).then().statusCode(403);
        given().header("Authorization", bearer("dolisa.officer")).get(url("/api/reports/submissions/" + dohReport)).then().statusCode(200)
                .body("draft", nullValue());

        given().header("Authorization", bearer("dolisa.officer")).header("If-Match", etag("dolisa.officer", dohReport))
                .contentType(ContentType.JSON).body("""
                        {"summary":"Số trẻ trai chưa khớp sổ A1","comments":[{"measureKey":"O4-T1-M1","text":"Kiểm tra lại số trẻ trai"}]}""")
                .post(url("/api/reports/submissions/" + dohReport + "/return")).then().statusCode(200).body("state", equalTo("RETURNED"));
        given().header("Authorization", bearer("health.reporter")).header("If-Match", etag("health.reporter", dohReport))
                .contentType(ContentType.JSON).body(health.replace("\"male\":7800", "\"male\":7700"))
                .put(url("/api/reports/submissions/" + dohReport)).then().statusCode(200);
        submit("health.reporter", dohReport);
        given().header("Authorization", bearer("dolisa.officer")).get(url("/api/reports/submissions/" + dohReport + "/diff")).then()
                .statusCode(200).body("count", equalTo(1)).body("changes[0].path", equalTo("values[O4-T1-M1].male"));

        dohaReport = start("homeaffairs.reporter", obligation("homeaffairs.reporter", "R2"), """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O1","text":"48% cơ quan có lãnh đạo chủ chốt là nữ."}],
                 "values":[{"measureKey":"O1-T1-M1","value":48,"comment":"=1+2"}]}""");
        submit("homeaffairs.reporter", dohaReport);
        // Home Affairs had no extension: late by the days since 30/11/2025 (in Vietnam's time zone).
        JsonPath doha = given().header("Authorization", bearer("homeaffairs.reporter")).get(url("/api/reports/submissions/" + dohaReport))
                .then().statusCode(200).body("late", equalTo(true)).extract().jsonPath();
        dohaDaysLate = ChronoUnit.DAYS.between(LocalDate.parse(PLAN_DUE),
                Instant.parse(doha.getString("firstSubmittedAt")).atZone(VIETNAM).toLocalDate());
        assertTrue(dohaDaysLate > 0, "30/11/2025 has passed");
        assertEquals(dohaDaysLate, doha.getLong("daysLate"));
        dpiReport = start("planning.reporter", obligation("planning.reporter", "R2"), """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O2","text":"Tỷ lệ nữ giám đốc doanh nghiệp đạt 31%."}],
                 "values":[{"measureKey":"O2-T3-M1","female":3100,"male":6900}]}""");
        submit("planning.reporter", dpiReport);
        given().header("Authorization", bearer("planning.reporter")).get(url("/api/reports/submissions/" + dpiReport)).then()
                .body("late", equalTo(false)).body("daysLate", equalTo(0));
        accept(dohReport);
        accept(dohaReport);
        accept(dpiReport);
    }

    static void pushAndAwaitAcceptedValues() throws Exception {
        String stats = "Bearer " + E2eSuite.clientToken("statistics-office", "statistics-office-demo-secret");
        // The Statistics Office's file, in the columns of deploy/demo/indicators/statistics-sample.csv.
        String csv = """
                indicator,unit,period,sex,value,numerator,denominator,status
                UNPAID_CARE_HOURS,VN-46,2025,FEMALE,4.2,,,FINAL
                UNPAID_CARE_HOURS,VN-46,2025,MALE,1.5,,,FINAL
                """;
        given().header("Authorization", stats).header("Idempotency-Key", "e2e-stats-unpaid-care-" + planId)
                .contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(url("/api/values/pushes?reference=e2e-tdt-2025.csv")).then().statusCode(201)
                .header("Location", notNullValue()).body("format", equalTo("CSV")).body("status", equalTo("SUCCEEDED"))
                .body("committed", equalTo(true)).body("rowsRead", equalTo(2)).body("rowsAccepted", equalTo(2))
                .body("rowsRejected", equalTo(0)).body("rejectionsTotal", equalTo(0)).body("rejections", empty())
                .body("inserted", equalTo(2)).body("source.kind", equalTo("PUSH")).body("source.agency", equalTo("TTH-STATS"))
                .body("source.reference", equalTo("e2e-tdt-2025.csv"));
        // reporting-service's outbox delivers the accepted reports' values to indicators-service.
        // Wait until reporting-service has delivered every accepted report: another class's copy of the plan
        // (PortalBrowserE2eTest) may have put Health's same figures for Huế 2025 there first, and an unchanged value
        // keeps the source it came from, so the source is Health's report, this one's or that copy's.
        E2eSuite.await("Health's accepted values in indicators-service", Duration.ofSeconds(60),
                () -> rollup("BIRTHS", null).getInt("female") == 7000 && given().header("Authorization", bearer("gems.admin"))
                        .get(url("/api/reports/outbox")).then().statusCode(200).extract().jsonPath().getInt("pending") == 0);
        JsonPath births = rollup("BIRTHS", null);
        assertEquals(7000, births.getInt("female"));
        assertEquals(7700, births.getInt("male"));
        assertEquals(List.of("TTH-DOH"), births.getList("sources.agency"), births.prettify());
        assertTrue(births.getString("sources[0].reference").matches("submission:\\d+:v2"), births.prettify());
        assertTrue(births.getList("sources.kind").contains("REPORT"));
        E2eSuite.await("Home Affairs' value", Duration.ofSeconds(30), () -> rollup("GOV_BODIES_FEMALE_KEY_LEADER_SHARE", null).get("value") != null);
        // Planning's values too: the outbox round that delivered the first two may have run before its acceptance
        // committed, so wait until nothing is pending rather than for two of the three.
        E2eSuite.await("every accepted report's values delivered", Duration.ofSeconds(60), () -> given().header("Authorization", bearer("gems.admin"))
                .get(url("/api/reports/outbox")).then().statusCode(200).extract().jsonPath().getInt("pending") == 0);
        given().header("Authorization", bearer("gems.admin")).get(url("/api/reports/outbox")).then().statusCode(200).body("failed", equalTo(0));
        assertEquals(3100, rollup("ENTERPRISE_DIRECTORS", null).getInt("female"), "Planning's accepted figure arrived");
    }

    @Test
    void dolisaConsolidates() throws Exception {
        VALUES_ARRIVED.reach();
        JsonPath c = given().header("Authorization", bearer("dolisa.officer"))
                .get(url("/api/reports/plans/" + planId + "/consolidation?rule=R2&period=" + PERIOD)).then().statusCode(200)
                .body("receivingAgency", equalTo("TTH-DOLISA")).extract().jsonPath();
        int expected = c.getInt("completeness.expected");
        assertTrue(expected >= 10, "every assigned agency owes the annual report: " + expected);
        assertEquals(3, c.getInt("completeness.submitted"));
        // Health and Planning were given until EXTENDED; Home Affairs' 30/11/2025 had passed.
        assertEquals(2, c.getInt("completeness.onTime"));
        assertEquals(1, c.getInt("completeness.late"));
        assertEquals(expected - 3, c.getInt("completeness.missing"));
        assertEquals(3, c.getInt("completeness.accepted"));
        assertEquals("ON_TIME", c.getString("agencies.find { it.agency == 'TTH-DOH' }.timeliness"));
        assertEquals(EXTENDED.toString(), c.getString("agencies.find { it.agency == 'TTH-DOH' }.dueDate"));
        assertEquals("ON_TIME", c.getString("agencies.find { it.agency == 'TTH-DPI' }.timeliness"));
        assertEquals("LATE", c.getString("agencies.find { it.agency == 'TTH-DOHA' }.timeliness"));
        assertEquals(dohaDaysLate, c.getLong("agencies.find { it.agency == 'TTH-DOHA' }.daysLate"));
        assertEquals("MISSING", c.getString("agencies.find { it.agency == 'TTH-DOET' }.timeliness"));

        Map<String, Object> srb = row(c, "O4-T1-M1");
        assertEquals("ACHIEVED", srb.get("status"), String.valueOf(srb));
        assertEquals(110.0, ((Number) srb.get("figureValue")).doubleValue(), 0.001);
        assertEquals(List.of("TTH-DOH"), sources(srb, "agency"));
        Map<String, Object> care = row(c, "O3-T1-M1");
        assertEquals(2.8, ((Number) care.get("figureValue")).doubleValue(), 0.001);
        assertEquals("OFF_TRACK", care.get("status"));
        assertEquals(List.of("PUSH"), sources(care, "kind"));
        assertEquals(List.of("TTH-STATS"), sources(care, "agency"));
        assertEquals("ACHIEVED", row(c, "O2-T3-M1").get("status"));
        assertEquals("OFF_TRACK", row(c, "O1-T1-M1").get("status"));
        // No report and no push carries support of GBV victims (O3-T2): no data. (O2-T1, wage workers, would take
        // the latest earlier year pushed by other suites, so it is not used here.)
        assertEquals("NO_DATA", row(c, "O3-T2-M1").get("status"));
        assertEquals("TTH-DOH", c.getString("narratives.find { it.objectiveKey == 'O4' }.agencies[0].agency"));

        // Who may read it.
        given().header("Authorization", bearer("health.reporter")).get(url("/api/reports/plans/" + planId + "/consolidation?period=" + PERIOD))
                .then().statusCode(403);
        given().header("Authorization", bearer("auditor.tth")).get(url("/api/reports/plans/" + planId + "/consolidation?period=" + PERIOD))
                .then().statusCode(200);
        given().get(url("/api/reports/plans/" + planId + "/consolidation?period=" + PERIOD)).then().statusCode(401);
    }

    @Test
    void exportsReadBack() throws Exception {
        VALUES_ARRIVED.reach();
        String base = "/api/reports/plans/" + planId + "/consolidation/export?rule=R2&period=" + PERIOD + "&format=";
        byte[] csv = given().header("Authorization", bearer("dolisa.officer")).get(url(base + "csv")).then().statusCode(200).extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "UTF-8 with BOM");
        List<String> srb = csvLines(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).stream()
                .filter(r -> r.size() > 2 && r.get(2).equals("O4-T1-M1")).findFirst().orElseThrow();
        assertEquals(List.of("7000", "7700", "110", "Đạt"), List.of(srb.get(7), srb.get(8), srb.get(10), srb.get(11)));
        // What an agency typed cannot run as a spreadsheet formula.
        String doha = new String(given().header("Authorization", bearer("dolisa.officer"))
                .get(url("/api/reports/submissions/" + dohaReport + "/export?format=csv")).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(doha.contains(",'=1+2,"), doha);

        Map<String, String> xlsx = unzip(given().header("Authorization", bearer("dolisa.officer")).get(url(base + "xlsx")).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray());
        assertTrue(xlsx.get("xl/workbook.xml").contains("O4 Trong lĩnh vực y tế"), "one sheet per objective");
        assertTrue(xlsx.get("xl/sharedStrings.xml").contains("O4-T1-M1"));
        assertTrue(xlsx.get("xl/sharedStrings.xml").contains("<t>Đạt</t>"));
        assertFalse(xlsx.get("xl/sharedStrings.xml").contains("(achieved)"), "no English glosses in the Vietnamese text");

        Map<String, String> docx = unzip(given().header("Authorization", bearer("dolisa.officer")).get(url(base + "docx")).then().statusCode(200)
                .extract().asByteArray());
        String body = docx.get("word/document.xml");
        for (String s : List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                "I. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO", "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "O4-T1-M1", "Nơi nhận:")) {
            assertTrue(body.contains(s), "the printable report carries " + s);
        }
        String births = docx.entrySet().stream().filter(e -> e.getKey().startsWith("word/charts/chart") && e.getValue().contains("O4-T1-M1"))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no female-vs-male chart for O4-T1-M1"));
        assertTrue(births.contains("<c:v>7000.0</c:v>") || births.contains("<c:v>7000</c:v>"), births);
        assertTrue(docx.get("word/document.xml").contains("w:w=\"11906\"") && docx.get("word/document.xml").contains("w:left=\"1701\""),
                "A4 with the decree's 30 mm left margin");
    }

    @Test
    void theOfficialPdfThroughTheGateway() throws Exception {
        VALUES_ARRIVED.reach();
        String url = url("/api/reports/plans/" + planId + "/consolidation/export?period=" + PERIOD);
        // Accept: application/pdf and format=pdf give the same document.
        byte[] pdf = given().header("Authorization", bearer("dolisa.officer")).accept("application/pdf").get(url).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString(".pdf")).extract().asByteArray();
        byte[] again = given().header("Authorization", bearer("dolisa.officer")).get(url + "&format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text = PdfText.of(pdf);
        assertEquals(text, PdfText.of(again));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String date = "ngày " + (today.getDayOfMonth() < 10 ? "0" : "") + today.getDayOfMonth() + " tháng " + (today.getMonthValue() <= 2 ? "0" : "")
                + today.getMonthValue() + " năm " + today.getYear();
        // Decree 30/2020's parts in order, the bodies named as in 2025 and after (Thừa Thiên Huế is the city of Huế).
        List<String> parts = List.of("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI THÀNH PHỐ HUẾ", "Số:",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Huế, " + date, "BÁO CÁO",
                "Tổng hợp kết quả thực hiện Chiến lược quốc gia về bình đẳng giới", "năm 2025", "I. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO",
                "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "Số liệu các chỉ tiêu theo giới tính", "Tiến độ thực hiện các chỉ tiêu",
                "III. KẾT QUẢ HOẠT ĐỘNG CỦA CÁC CƠ QUAN, ĐƠN VỊ", "Nơi nhận:", "GIÁM ĐỐC");
        PdfText.assertInOrder(text, parts);
        assertFalse(text.contains("thực hiện Thực hiện"), "the title does not double the word");
        assertFalse(text.contains("(expected)") || text.contains("(missing)") || text.contains("(achieved)"), "no English glosses");
        assertTrue(text.contains("30/11/2025"), "due dates as dd/MM/yyyy");
        assertFalse(text.contains("2025-11-30"), "no ISO dates");
        // Figures by sex and the progress of births' sex ratio: 7000 girls, 7700 boys, 110 boys per 100 girls, achieved.
        Matcher births = Pattern.compile("O4-T1-M1 .{0,400}? 7000 7700 ").matcher(text);
        assertTrue(births.find(), text);
        assertTrue(Pattern.compile("O4-T1-M1 .{0,400}? 110( \\(2025\\))? Đạt ").matcher(text).find(), text);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(595.3, doc.getPage(0).getMediaBox().getWidth(), 0.5, "A4");
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertTrue(xmp.contains("pdfaid:part") && xmp.contains("pdfaid:conformance"), "declares PDF/A: " + xmp);
        }
        // The English rendering.
        String english = PdfText.of(given().header("Authorization", bearer("dolisa.officer")).get(url + "&format=pdf&lang=en").then().statusCode(200)
                .extract().asByteArray());
        assertTrue(english.contains("SOCIALIST REPUBLIC OF VIET NAM") && english.contains("Table 2. Figures by sex"), english);
        // Who may download it: as for the consolidation itself.
        given().header("Authorization", bearer("health.reporter")).get(url + "&format=pdf").then().statusCode(403);
        given().get(url + "&format=pdf").then().statusCode(401);
    }

    @Test
    void summaryIsPublishedForThePortal() throws Exception {
        VALUES_ARRIVED.reach();
        given().header("Authorization", bearer("health.reporter")).post(url("/api/reports/plans/" + planId + "/consolidation/publication?period=" + PERIOD))
                .then().statusCode(403);
        String location = given().header("Authorization", bearer("dolisa.officer"))
                .post(url("/api/reports/plans/" + planId + "/consolidation/publication?period=" + PERIOD)).then().statusCode(201)
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().get(url("/api/public/reports/consolidations/" + id)).then().statusCode(200)
                .body("planId", equalTo((int) planId)).body("narratives", nullValue())
                .body("objectives.find { it.key == 'O4' }.rows.find { it.measureKey == 'O4-T1-M1' }.status", equalTo("ACHIEVED"));
        given().get(url("/api/public/reports/consolidations?planId=" + planId)).then().statusCode(200).body("id", hasItem(Integer.parseInt(id)));
    }

    @Test
    void dolisasConsolidatedReportGoesToTheMinistry() throws Exception {
        VALUES_ARRIVED.reach();
        long upward = obligation("dolisa.officer", "R4");
        long report = given().header("Authorization", bearer("dolisa.officer")).contentType(ContentType.JSON)
                .post(url("/api/reports/obligations/" + upward + "/report")).then().statusCode(201)
                .body("receivingAgency", equalTo("VN-MOHA")).extract().jsonPath().getLong("id");
        JsonPath draft = given().header("Authorization", bearer("dolisa.officer")).get(url("/api/reports/submissions/" + report)).then()
                .extract().jsonPath();
        assertEquals(7000, draft.getInt("draft.values.find { it.measureKey == 'O4-T1-M1' }.female"));
        assertTrue(draft.getString("draft.sections.text").contains("Sở Y tế"));
        submit("dolisa.officer", report);
        // DOLISA does not review its own report upward.
        given().header("Authorization", bearer("dolisa.officer")).header("If-Match", etag("dolisa.officer", report)).contentType(ContentType.JSON)
                .body("{}").post(url("/api/reports/submissions/" + report + "/accept")).then().statusCode(403);
    }

    @Test
    void outboxSurvivesIndicatorsServiceStoppedAndRestarted() throws Exception {
        // A plan of its own: Education's report changes no figure of the story's plan that the other tests assert.
        long plan = issueSeed003Copy("E2E-OBX-");
        // Nothing else in the outbox, so that what it holds while indicators-service is down is this report's alone.
        E2eSuite.await("an empty outbox", Duration.ofSeconds(60), () -> given().header("Authorization", bearer("gems.admin"))
                .get(url("/api/reports/outbox")).then().statusCode(200).extract().jsonPath().getInt("pending") == 0);
        long det = start("education.reporter", obligation(plan, "education.reporter", "R2"), """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O5","text":"Tỷ lệ hoàn thành tiểu học của trẻ dân tộc thiểu số đạt 92%."}],
                 "values":[{"measureKey":"O5-T1-M1","value":1},
                           {"measureKey":"O5-T2-M1","female":92.5},{"measureKey":"O5-T2-M2","male":91},
                           {"measureKey":"O5-T2-M3","female":84},{"measureKey":"O5-T2-M4","male":83}]}""");
        submit("education.reporter", det);
        String key = "reporting-submission-" + det + "-v1";
        E2eSuite.suite().stopService("indicators-service");
        try {
            // Acceptance does not need indicators-service: its values wait in the outbox, which keeps trying.
            accept(det);
            E2eSuite.await("a failed delivery attempt", Duration.ofSeconds(60), () -> given().header("Authorization", bearer("gems.admin"))
                    .get(url("/api/reports/outbox")).then().statusCode(200).extract().jsonPath()
                    .getList("recentProblems.idemKey").contains(key));
            given().header("Authorization", bearer("gems.admin")).get(url("/api/reports/outbox")).then().body("pending", equalTo(1));
        } finally {
            E2eSuite.suite().restartService("indicators-service");
        }
        // Back up: an operator's "retry now" (the scheduler would get there after its back-off).
        E2eSuite.await("the education report's values after indicators-service is back", Duration.ofSeconds(120), () -> {
            given().header("Authorization", bearer("gems.admin")).post(url("/api/reports/outbox/deliveries?now=true")).then().statusCode(200);
            return rollup("PRIMARY_COMPLETION_RATE", "ethnicity:MINORITY").get("female") != null;
        });
        given().header("Authorization", bearer("gems.admin")).post(url("/api/reports/outbox/deliveries?now=true")).then().statusCode(200);
        JsonPath r = rollup("PRIMARY_COMPLETION_RATE", "ethnicity:MINORITY");
        // Sent once: the figure is the reported one, from one source.
        assertEquals(92.5, ((Number) r.get("female")).doubleValue(), 0.001);
        assertEquals(91.0, ((Number) r.get("male")).doubleValue(), 0.001);
        assertEquals(List.of("submission:" + det + ":v1"), r.getList("sources.reference"));
        // indicators-service recorded one batch for this report version: a redelivery is answered from its Idempotency-Key.
        List<Object> batches = given().header("Authorization", bearer("gems.admin")).get(url("/api/values/pushes?size=500")).then()
                .statusCode(200).extract().jsonPath().getList("items.findAll { it.source.reference == 'submission:" + det + ":v1' }.id");
        assertEquals(1, batches.size(), "one batch for the report version: " + batches);
        given().header("Authorization", bearer("gems.admin")).get(url("/api/reports/outbox")).then().statusCode(200)
                .body("pending", equalTo(0)).body("failed", equalTo(0));
    }

    /** The entries of an OOXML package (XLSX, DOCX) as text: the files are zips of XML parts. */
    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(parts.containsKey("[Content_Types].xml"), "an OOXML package");
        return parts;
    }

    /** RFC 4180 records (quoted fields, doubled quotes, CRLF), read by a real CSV parser rather than by hand. */
    private static List<List<String>> csvLines(String text) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            return parser.stream().map(CSVRecord::toList).toList();
        }
    }
}
