package vn.gems.e2e;

import org.awaitility.Awaitility;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * The portal in a real headless Chromium against the real suite, through the gateway: Health's reporter logs in on
 * Keycloak's login page, fills in and submits the 2025 report (the API's validation shown as she types, evidence
 * attached); DOLISA's reviewer returns it with a comment; the reporter sees the comment beside the figure, fixes it
 * and resubmits; the reviewer sees the change side by side, accepts, extends another agency's due date, exports
 * the consolidation and publishes it; an anonymous visitor finds the plan without diacritics, reads the published
 * progress, the sex-disaggregated chart of a province and downloads its CSV, in Vietnamese and in English; the
 * statistics officer's upload shows its progress and its rejected rows. Every page is screenshotted and audited
 * (axe-core, CSP). The class creates all its own data through the API, and each test its own plan with the report
 * in the state the test starts from (through the API), so the tests run in any order and one failure stays one.
 */
@ExtendWith(E2eSuite.class)
class PortalBrowserE2eTest {

    static final String CHART_INDICATOR = "MASTERS_DEGREE_HOLDERS";
    /** Health's 2025 report as the reporter first submits it (the browser test types the same figures). */
    static final String HEALTH_REPORT = """
            {"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tỷ số giới tính khi sinh 110 bé trai/100 bé gái; tử vong mẹ 16/100.000."},
                         {"kind":"DIFFICULTIES","text":"Số liệu tuyến xã còn chậm."}],
             "values":[{"measureKey":"O4-T1-M1","female":7000,"male":7800},
                       {"measureKey":"O4-T2-M1","value":16},
                       {"measureKey":"O4-T3-M1","value":21},
                       {"measureKey":"O4-T4-M1","value":1}]}""";
    static final String COMMENT = "Kiểm tra lại số trẻ trai theo sổ A1";
    static final String SUMMARY = "Đề nghị rà soát số liệu sinh";

    @BeforeAll
    static void setUp() throws Exception {
        assertTrue(Browser.available(), "the browser tests need Debian's chromium and chromium-driver (" + Browser.CHROMIUM
                + ", " + Browser.CHROMEDRIVER + "): .ci/run installs them; on a laptop: apt-get install chromium chromium-driver");
        KeycloakAdmin.allowPortalOrigin(gateway());
        // Two published years of a sex-disaggregated indicator for Huế, for the public chart.
        String stats = "Bearer " + E2eSuite.clientToken("statistics-office", "statistics-office-demo-secret");
        given().header("Authorization", stats).contentType("text/csv; charset=UTF-8").body(("""
                indicator,unit,period,sex,value,numerator,denominator,status
                %1$s,VN-46,2022,FEMALE,2300,,,FINAL
                %1$s,VN-46,2022,MALE,2100,,,FINAL
                %1$s,VN-46,2023,FEMALE,2410,,,FINAL
                %1$s,VN-46,2023,MALE,2155,,,FINAL
                """).formatted(CHART_INDICATOR).getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/values/pushes?reference=e2e-portal-chart.csv").then().statusCode(201);
        for (String period : List.of("2022", "2023")) {
            int s = given().header("Authorization", bearer("gems.admin")).contentType(ContentType.JSON)
                    .body("{\"indicator\":\"" + CHART_INDICATOR + "\",\"period\":\"" + period + "\",\"unit\":\"VN-46\"}")
                    .post(gateway() + "/api/values/publications").statusCode();
            assertTrue(s == 201 || s == 409, "publication " + period + ": " + s);
        }
    }

    /** Seed 003 under a code of its own, issued, once its obligations (from plans-service's outbox) are there: its id. */
    static long issuedPlan() throws Exception {
        return ReportingE2eTest.issueSeed003Copy("E2E-PORTAL-");
    }

    static long obligation(long plan, String user, String rule) {
        return ReportingE2eTest.obligation(plan, user, rule);
    }

    /** Health's 2025 report of the plan, submitted once with {@link #HEALTH_REPORT} (through the API): its id. */
    static long submittedReport(long plan) {
        long report = ReportingE2eTest.start("health.reporter", obligation(plan, "health.reporter", "R2"), HEALTH_REPORT);
        ReportingE2eTest.submit("health.reporter", report);
        return report;
    }

    /** ... then returned by DOLISA with a comment on the births and a summary. */
    static long returnedReport(long plan) {
        long report = submittedReport(plan);
        given().header("Authorization", bearer("dolisa.officer")).header("If-Match", ReportingE2eTest.etag("dolisa.officer", report))
                .contentType(ContentType.JSON).body("""
                        {"summary":"%s","comments":[{"measureKey":"O4-T1-M1","text":"%s"}]}""".formatted(SUMMARY, COMMENT))
                .post(gateway() + "/api/reports/submissions/" + report + "/return").then().statusCode(200).body("state", equalTo("RETURNED"));
        return report;
    }

    /** ... then fixed (7,700 boys instead of 7,800) and submitted again: version 2. */
    static long resubmittedReport(long plan) {
        long report = returnedReport(plan);
        given().header("Authorization", bearer("health.reporter")).header("If-Match", ReportingE2eTest.etag("health.reporter", report))
                .contentType(ContentType.JSON).body(HEALTH_REPORT.replace("\"male\":7800", "\"male\":7700"))
                .put(gateway() + "/api/reports/submissions/" + report).then().statusCode(200);
        ReportingE2eTest.submit("health.reporter", report);
        return report;
    }

    /** The accepted figures reach indicators-service through reporting's outbox before a consolidation shows them. */
    static void awaitAcceptedValuesDelivered() {
        E2eSuite.await("the accepted values delivered", Duration.ofSeconds(90), () -> {
            given().header("Authorization", bearer("gems.admin")).post(gateway() + "/api/reports/outbox/deliveries?now=true");
            return given().header("Authorization", bearer("gems.admin")).get(gateway() + "/api/reports/outbox").then().extract()
                    .jsonPath().getInt("pending") == 0;
        });
    }

    static Browser signIn(String user) throws Exception {
        Browser b = new Browser(user, 1280, 900);
        try {
            b.open(gateway() + "/#/ws");
            b.await("#ws-login");
            b.audit("workspace-login");
            b.find("#ws-login").click();
            b.logInOnKeycloak(user);
            b.awaitText("#ws-who", user);
            return b;
        } catch (Exception | Error e) {
            b.close();
            throw e;
        }
    }

    @Test
    void reporterFillsInAndSubmitsTheReport() throws Exception {
        long healthObligation = obligation(issuedPlan(), "health.reporter", "R2");
        try (Browser reporter = signIn("health.reporter")) {
            reporter.go("#/ws/obligations");
            WebElement row = reporter.await("tr[data-obligation='" + healthObligation + "']");
            assertTrue(row.getText().contains("30/11/2025"), "due date as dd/MM/yyyy: " + row.getText());
            reporter.audit("obligations");
            row.findElement(By.cssSelector("button")).click();
            reporter.await("#report-form");
            long reportId = Long.parseLong(reporter.driver.getCurrentUrl().replaceAll(".*/ws/report/(\\d+).*", "$1"));

            reporter.type("#s-RESULTS-O4", "Tỷ số giới tính khi sinh 110 bé trai/100 bé gái; tử vong mẹ 16/100.000.");
            // A part above its total: the API's own check answers as the user types, beside the figure.
            reporter.type("#v-O4-T1-M1-female", "9.000");
            reporter.type("#v-O4-T1-M1-male", "100");
            reporter.type("#v-O4-T1-M1-total", "5.000");
            reporter.await("#form-errors .alert-error");
            reporter.awaitText("#err-v-O4-T1-M1-total", "Tổng không được nhỏ hơn nữ + nam");
            assertEquals("true", reporter.find("#v-O4-T1-M1-total").getAttribute("aria-invalid"));
            reporter.audit("report-form-validation");
            reporter.type("#v-O4-T1-M1-female", "7.000");
            reporter.type("#v-O4-T1-M1-male", "7.800");
            reporter.find("#v-O4-T1-M1-total").clear();
            reporter.type("#v-O4-T2-M1-value", "16");
            reporter.type("#v-O4-T3-M1-value", "21");
            reporter.type("#v-O4-T4-M1-value", "1");
            reporter.type("#s-DIFFICULTIES", "Số liệu tuyến xã còn chậm.");
            Path evidence = Files.createTempFile("so-lieu-a1-", ".csv");
            evidence.toFile().deleteOnExit();
            Files.writeString(evidence, "indicator,female,male\nBIRTHS,7000,7800\n");
            reporter.upload("#evidence-file", evidence);
            reporter.find("#evidence-upload").click();
            reporter.awaitText("#attachments", evidence.getFileName().toString());
            reporter.find("#save-draft").click();
            reporter.awaitText("#form-status", "Đã lưu nháp");
            reporter.audit("report-form");
            reporter.find("#submit-report").click();
            reporter.awaitText(".badge", "Đã nộp");
            reporter.audit("report-submitted");
            given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/reports/submissions/" + reportId).then()
                    .statusCode(200).body("state", equalTo("SUBMITTED")).body("lastVersionNo", equalTo(1))
                    .body("attachments.size()", equalTo(1));
        }
    }

    @Test
    void reviewerReturnsItWithAComment() throws Exception {
        long reportId = submittedReport(issuedPlan());
        try (Browser reviewer = signIn("dolisa.officer")) {
            reviewer.go("#/ws/inbox");
            reviewer.await("tr[data-report='" + reportId + "'] a").click();
            reviewer.await("#review-form");
            reviewer.audit("review");
            reviewer.type("#c-O4-T1-M1", COMMENT);
            reviewer.type("#review-summary-text", SUMMARY);
            reviewer.find("#return-report").click();
            reviewer.awaitText("#review-status", "Đã trả lại");
            given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/reports/submissions/" + reportId).then()
                    .body("state", equalTo("RETURNED"));
        }
    }

    @Test
    void reporterSeesTheCommentFixesAndResubmits() throws Exception {
        long plan = issuedPlan();
        long reportId = returnedReport(plan);
        long healthObligation = obligation(plan, "health.reporter", "R2");
        try (Browser reporter = signIn("health.reporter")) {
            reporter.go("#/ws/obligations");
            reporter.await("tr[data-obligation='" + healthObligation + "'] a").click();
            reporter.awaitText("[data-measure='O4-T1-M1'] .reviewer-note", COMMENT);
            reporter.awaitText("#review-summary", SUMMARY);
            reporter.audit("report-returned");
            reporter.type("#v-O4-T1-M1-male", "7.700");
            reporter.find("#submit-report").click();
            reporter.awaitText(".badge", "Đã nộp");
            given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/reports/submissions/" + reportId).then()
                    .body("state", equalTo("SUBMITTED")).body("lastVersionNo", equalTo(2));
        }
    }

    @Test
    void reviewerComparesAcceptsExtendsExportsAndPublishes() throws Exception {
        long planId = issuedPlan();
        long reportId = resubmittedReport(planId);
        try (Browser reviewer = signIn("dolisa.officer")) {
            reviewer.go("#/ws/inbox");
            reviewer.await("tr[data-report='" + reportId + "'] a").click();
            WebElement change = reviewer.await("#diff tr[data-path='values[O4-T1-M1].male']");
            assertTrue(change.getText().contains("7800") && change.getText().contains("7700"), change.getText());
            reviewer.audit("review-side-by-side");
            reviewer.find("#accept-report").click();
            reviewer.awaitText("#review-status", "Đã chấp nhận");

            long education = obligation(planId, "education.reporter", "R2");
            reviewer.go("#/ws/extensions");
            reviewer.await("tr[data-obligation='" + education + "'] form");
            String newDate = LocalDate.now().plusDays(30).toString();
            reviewer.js("document.getElementById(arguments[0]).value = arguments[1]", "ext-date-" + education, newDate);
            reviewer.type("#ext-reason-" + education, "Chờ số liệu tuyến xã");
            reviewer.find("tr[data-obligation='" + education + "'] button[type=submit]").click();
            reviewer.awaitText("tr[data-obligation='" + education + "'] .status-line", "Đã gia hạn");
            reviewer.audit("extensions");
            given().header("Authorization", bearer("education.reporter")).get(gateway() + "/api/reports/obligations/" + education).then()
                    .body("dueDate", equalTo(newDate)).body("originalDueDate", equalTo("2025-11-30"));

            awaitAcceptedValuesDelivered();
            reviewer.go("#/ws/consolidation/" + planId + "?period=2025&rule=R2");
            reviewer.await("#completeness");
            reviewer.awaitText("tr[data-measure='O4-T1-M1']", "Đạt");
            reviewer.await("#chart-consolidation[data-rendered='true']");
            reviewer.audit("consolidation");
            reviewer.find("button[data-export='xlsx']").click();
            byte[] xlsx = reviewer.download(".xlsx");
            assertTrue(xlsx.length > 1000 && xlsx[0] == 'P' && xlsx[1] == 'K', "an XLSX (zip) file");
            reviewer.find("button[data-export='docx']").click();
            assertTrue(reviewer.download(".docx").length > 1000);
            reviewer.find("#publish").click();
            reviewer.await("#public-report-link").click();
            reviewer.awaitText("tr[data-measure='O4-T1-M1']", "Đạt");
        }
    }

    @Test
    void visitorFindsThePlanAndReadsTheChartsInBothLanguages() throws Exception {
        // A plan whose 2025 consolidation is published with Health's accepted report (through the API).
        long planId = issuedPlan();
        ReportingE2eTest.accept(resubmittedReport(planId));
        awaitAcceptedValuesDelivered();
        given().header("Authorization", bearer("dolisa.officer"))
                .post(gateway() + "/api/reports/plans/" + planId + "/consolidation/publication?period=2025").then().statusCode(201);
        try (Browser visitor = new Browser("visitor", 1280, 900)) {
            visitor.open(gateway() + "/");
            visitor.await("#search-q");
            visitor.audit("home");
            visitor.type("#search-q", "binh dang gioi");
            visitor.find("form[role=search] button").click();
            visitor.await("a[href='#/plan/" + planId + "']");
            visitor.audit("search");
            visitor.find("a[href='#/plan/" + planId + "']").click();
            visitor.await("tr[data-measure='O4-T1-M1'] .badge");
            visitor.awaitText("tr[data-measure='O4-T1-M1']", "Đạt");
            visitor.audit("plan");

            visitor.go("#/unit/VN-46");
            WebElement card = visitor.await("button[data-csv='" + CHART_INDICATOR + "']").findElement(By.xpath(".."));
            new WebDriverWait(visitor.driver, Duration.ofSeconds(30))
                    .until(d -> card.findElement(By.cssSelector(".chart")).getAttribute("data-rendered") != null);
            assertTrue(card.getText().contains("2.410") && card.getText().contains("2.155"), "Vietnamese number style: " + card.getText());
            visitor.audit("province");
            card.findElement(By.cssSelector("button[data-csv]")).click();
            String csv = new String(visitor.download(CHART_INDICATOR.toLowerCase().replace('_', '-') + ".csv"), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\uFEFFindicator,unit,period,female,male"), csv);
            assertTrue(csv.contains(CHART_INDICATOR + ",VN-46,2023,2410,2155,"), csv);

            visitor.find("#lang-switch").click();
            visitor.awaitText("h2", "Published sex-disaggregated figures");
            WebElement english = visitor.await("button[data-csv='" + CHART_INDICATOR + "']").findElement(By.xpath(".."));
            assertTrue(english.getText().contains("2,410"), "English number style: " + english.getText());
            assertEquals("en", visitor.js("return document.documentElement.lang"));
            visitor.audit("province-en");

            // Kon Tum was merged into Quảng Ngãi on 01/07/2025: the page says so and links the successor, which links it back.
            visitor.go("#/unit/VN-62");
            visitor.awaitText("#merge-notice", "01/07/2025");
            visitor.audit("merged-unit");
            visitor.find("#merge-notice a[data-successor='VN-51']").click();
            visitor.await("#merge-notice a[data-predecessor='VN-62']");
        }
    }

    @Test
    void provincePageMeetsItsWeightAndSpeedBudget() throws Exception {
        // Three first loads, each in a fresh profile (nothing cached). The machine is shared with other builds, so one
        // load may stall on a busy core: the budget holds for the best of three, and every figure is printed.
        List<Double> renders = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            try (Browser fresh = new Browser("budget", 1280, 900)) {
                fresh.open(gateway() + "/#/unit/VN-46");
                fresh.await(".chart[data-rendered='true']");
                Number rendered = (Number) fresh.js("return performance.getEntriesByName('gems-chart-rendered')[0].startTime");
                Number js = (Number) fresh.js("""
                        return performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))
                          .reduce((sum, e) => sum + e.transferSize, 0)""");
                Number raw = (Number) fresh.js("""
                        return performance.getEntriesByType('resource').filter(e => e.name.endsWith('.js'))
                          .reduce((sum, e) => sum + e.decodedBodySize, 0)""");
                System.out.printf("portal budget, round %d: province page, first load: %d KB of JavaScript transferred (%d KB "
                        + "uncompressed), chart rendered at %d ms%n", round, js.longValue() / 1024, raw.longValue() / 1024, rendered.longValue());
                assertTrue(js.longValue() > 0 && js.longValue() < raw.longValue(), "scripts travel compressed: " + js + " of " + raw);
                assertTrue(js.longValue() <= 300 * 1024, "at most 300 KB of JavaScript compressed: " + js);
                renders.add(rendered.doubleValue());
            }
        }
        double best = renders.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertTrue(best <= 1500, "a rendered chart within 1.5 s (best of three first loads): " + renders + " ms");
        try (Browser phone = new Browser("phone", 360, 780)) {
            phone.open(gateway() + "/#/unit/VN-46");
            phone.await(".chart[data-rendered='true']");
            Number overflow = (Number) phone.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow.intValue() <= 0, "nothing wider than a 360-px phone: " + overflow);
            phone.audit("province-phone");
        }
    }

    @Test
    void statisticsOfficersUploadShowsProgressAndRejectedRows() throws Exception {
        // Indicators of this test's own, so the rows are nobody else's figures; units that existed over the whole period.
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = "E2E_PORTAL_" + suffix + "_" + i;
            given().header("Authorization", bearer("gems.admin")).contentType(ContentType.JSON).body("""
                    {"code":"%s","nameVi":"Chỉ số thử %d","nameEn":"Test indicator %d","unit":"COUNT","subject":"PERSONS","bySex":true,
                     "dimensions":[],"aggregation":"SUM","direction":"HIGHER","periodicity":"ANNUAL","supplierSectors":["LABOUR"]}"""
                    .formatted(code, i, i)).post(gateway() + "/api/indicators").then().statusCode(201);
            indicators.add(code);
        }
        List<Map<String, Object>> units = given().header("Authorization", bearer("gems.admin")).get(gateway() + "/api/units?size=500")
                .then().statusCode(200).extract().jsonPath().getList("items");
        List<String> old = units.stream().filter(u -> String.valueOf(u.get("validFrom")).compareTo("1990-01-01") <= 0)
                .map(u -> (String) u.get("code")).sorted().toList();
        StringBuilder file = new StringBuilder("indicator,unit,period,sex,value,numerator,denominator,status\n");
        int line = 1;
        Set<Integer> badLines = new LinkedHashSet<>();
        for (String ind : indicators) {
            for (String unit : old) {
                for (int year = 1990; year <= 2024; year++) {
                    int f = 100 + (year * 7 + unit.length()) % 900;
                    int m = 100 + (year * 11 + unit.length()) % 900;
                    file.append(ind).append(',').append(unit).append(',').append(year).append(",FEMALE,").append(f).append(",,,FINAL\n");
                    file.append(ind).append(',').append(unit).append(',').append(year).append(",MALE,").append(m).append(",,,FINAL\n");
                    file.append(ind).append(',').append(unit).append(',').append(year).append(",TOTAL,").append(f + m).append(",,,FINAL\n");
                    line += 3;
                }
            }
        }
        file.append(indicators.get(0)).append(",VN-99-NOWHERE,2024,FEMALE,10,,,FINAL\n");
        badLines.add(++line);
        file.append(indicators.get(0)).append(",VN-46,2024,FEMALE,-5,,,FINAL\n");
        badLines.add(++line);
        file.append(indicators.get(0)).append(",VN-46,2024,SOMEONE,5,,,FINAL\n");
        badLines.add(++line);
        Path csv = Files.createTempFile("thong-ke-", ".csv");
        csv.toFile().deleteOnExit();
        Files.writeString(csv, file.toString());
        assertTrue(Files.size(csv) > 64 * 1024, "large enough to be a background job (202): " + Files.size(csv));

        try (Browser stats = signIn("stats.officer")) {
                stats.go("#/ws/upload");
                stats.upload("#upload-file", csv);
                stats.audit("upload");
                stats.find("#upload-dry-run").click();
                stats.await("#upload-summary[data-dry-run='true']");
                String rejectedDry = stats.find("#upload-summary dd[data-key='rowsRejected']").getText();
                assertTrue(Integer.parseInt(rejectedDry.replace(".", "")) >= 3, "the dry run finds the bad rows: " + rejectedDry);
                stats.audit("upload-dry-run");

                stats.find("#upload-import").click();
                Set<String> phases = new LinkedHashSet<>();
                // Samples the phase line every 50 ms until the result shows.
                Awaitility.await("the import's result").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    phases.add(stats.find("#upload-phase").getText().replaceAll("[0-9.,]+", "#"));
                    return !stats.all("#upload-summary[data-dry-run='false']").isEmpty();
                });
                // The last phase is read after the loop: a fast import can leave the running phase for the final one between two polls.
                phases.add(stats.find("#upload-phase").getText().replaceAll("[0-9.,]+", "#"));
                assertEquals("100", stats.find("#upload-progress").getDomProperty("value"));
                assertTrue(phases.stream().anyMatch(p -> p.startsWith("Hoàn tất")), "the bar ends on the done phase: " + phases);
                assertTrue(phases.size() >= 2, "the progress bar moved through several phases: " + phases);
                for (int bad : badLines) {
                    stats.await("#rejections tr[data-line='" + bad + "']");
                }
                stats.audit("upload-result");
                long rejected = given().header("Authorization", bearer("stats.officer")).get(gateway() + "/api/values/pushes?size=5")
                        .then().statusCode(200).extract().jsonPath().getLong("items.find { it.source.reference == '" + csv.getFileName() + "' && !it.dryRun }.rowsRejected");
                assertEquals(rejected, Long.parseLong(stats.find("#upload-summary dd[data-key='rowsRejected']").getText().replace(".", "")));
        }
    }
}
