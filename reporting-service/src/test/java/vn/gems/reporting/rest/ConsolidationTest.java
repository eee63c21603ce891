package vn.gems.reporting.rest;

import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.PdfText;
import vn.gems.common.testing.TestDatabase;
import vn.gems.common.testing.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.common.testing.ConsolidationRows.row;
import static vn.gems.common.testing.ConsolidationRows.sources;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.HEALTH;
import static vn.gems.reporting.Fixtures.HOME_AFFAIRS;
import static vn.gems.reporting.Fixtures.PLANNING;

/**
 * The seed 003 cycle for one year against fake peers: three agencies submit (one late, one returned and
 * resubmitted), the statistics office's figures arrive in indicators-service, DOLISA consolidates, exports are
 * parsed back, the summary is published, and DOLISA's own report goes upward.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolidationTest {

    static final long PLAN = 5001;
    static final String MOHA = TestTokens.bearer("moha.reviewer", "VN-MOHA", "reviewer");

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    static int year;
    static String period;

    @BeforeEach
    void plan() {
        Fixtures.agencies(fake);
        LocalDate due = Fixtures.today().plusDays(10);
        year = due.getYear();
        period = String.valueOf(year);
        fake.plan(PLAN, 1, Fixtures.seed003("T-5001", year, year + 1, due.getDayOfMonth(), due.getMonthValue()));
        Fixtures.event(PLAN, 1, "ISSUED").then().statusCode(200);
    }

    @Test
    @Order(1)
    void theCycle() throws Exception {
        // Health: returned once, then accepted.
        long doh = Fixtures.start(HEALTH, Fixtures.obligation(HEALTH, PLAN, period, "R2"), Fixtures.healthReport(7000, 7800, "16"));
        Fixtures.submit(HEALTH, doh);
        given().header("Authorization", DOLISA).header("If-Match", Fixtures.etag(DOLISA, doh)).contentType(ContentType.JSON)
                .body("{\"comments\":[{\"measureKey\":\"O4-T1-M1\",\"text\":\"Số trẻ trai chưa khớp sổ A1\"}]}")
                .post("/api/reports/submissions/" + doh + "/return").then().statusCode(200);
        Fixtures.put(HEALTH, doh, Fixtures.healthReport(7000, 7700, "16"));
        Fixtures.submit(HEALTH, doh);
        Fixtures.accept(DOLISA, doh);

        // Home Affairs: late. Its deadline (10 days ahead) is moved 15 days back, so it fell due 5 days ago.
        long dohaObligation = Fixtures.obligation(HOME_AFFAIRS, PLAN, period, "R2");
        try (var c = db.connect(); var st = c.prepareStatement("update obligation set due_date = due_date - 15 where id = ?")) {
            st.setLong(1, dohaObligation);
            st.executeUpdate();
        }
        long doha = Fixtures.start(HOME_AFFAIRS, dohaObligation, """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O1","text":"48% cơ quan có lãnh đạo chủ chốt là nữ."},
                             {"kind":"PROPOSALS","objectiveKey":"O1","text":"=HYPERLINK(\\"http://evil.example\\",\\"bấm\\")"}],
                 "values":[{"measureKey":"O1-T1-M1","value":48,"comment":"=1+2"}]}""");
        Fixtures.submit(HOME_AFFAIRS, doha);
        Fixtures.accept(DOLISA, doha);

        // Planning and Investment: on time.
        long dpi = Fixtures.start(PLANNING, Fixtures.obligation(PLANNING, PLAN, period, "R2"), """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O2","text":"Tỷ lệ nữ giám đốc doanh nghiệp đạt 31%."}],
                 "values":[{"measureKey":"O2-T3-M1","female":3100,"male":6900}]}""");
        Fixtures.submit(PLANNING, dpi);
        Fixtures.accept(DOLISA, dpi);

        // The agencies' accepted values reach indicators-service through the outbox.
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.batches().keySet().containsAll(List.of(
                "reporting-submission-" + doh + "-v2", "reporting-submission-" + doha + "-v1", "reporting-submission-" + dpi + "-v1")));
        // The statistics office pushes its own figures (unpaid care hours) and last year's health figures.
        fake.push("UNPAID_CARE_HOURS", "VN-46", period, "FEMALE", new BigDecimal("4.2"), "STATISTICS", "tth-stats-" + year, "TTH-STATS");
        fake.push("UNPAID_CARE_HOURS", "VN-46", period, "MALE", new BigDecimal("1.5"), "STATISTICS", "tth-stats-" + year, "TTH-STATS");
        fake.push("MATERNAL_MORTALITY_RATIO", "VN-46", String.valueOf(year - 1), null, new BigDecimal("18"), "STATISTICS", "tth-stats-" + (year - 1), "TTH-STATS");

        JsonPath c = given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation?rule=R2&period=" + period)
                .then().statusCode(200).body("receivingAgency", equalTo("TTH-DOLISA")).body("unitCode", equalTo("VN-46"))
                .extract().jsonPath();
        // Completeness: 9 agencies owe the annual report (of the 10 assigned, DOLISA receives it and never owes itself);
        // 3 submitted (one late); the others are not due yet.
        assertEquals(9, c.getInt("completeness.expected"));
        assertEquals(3, c.getInt("completeness.submitted"));
        assertEquals(2, c.getInt("completeness.onTime"));
        assertEquals(1, c.getInt("completeness.late"));
        assertEquals(6, c.getInt("completeness.pending"));
        assertEquals(3, c.getInt("completeness.accepted"));
        assertEquals("LATE", c.getString("agencies.find { it.agency == 'TTH-DOHA' }.timeliness"));
        assertEquals(5, c.getInt("agencies.find { it.agency == 'TTH-DOHA' }.daysLate"));
        assertEquals("ON_TIME", c.getString("agencies.find { it.agency == 'TTH-DOH' }.timeliness"));
        assertEquals("PENDING", c.getString("agencies.find { it.agency == 'TTH-DOET' }.timeliness"));

        // Target progress: statuses from comparator and trend, with the source of each figure.
        Map<String, Object> srb = row(c, "O4-T1-M1");
        assertEquals(7000, ((Number) srb.get("female")).intValue());
        assertEquals(7700, ((Number) srb.get("male")).intValue());
        assertNumber("110", srb.get("figureValue").toString());
        assertEquals("ACHIEVED", srb.get("status"));
        assertEquals(List.of("REPORT"), sources(srb, "kind"));
        assertEquals(List.of("TTH-DOH"), sources(srb, "agency"));
        assertEquals(List.of("submission:" + doh + ":v2"), sources(srb, "reference"));
        // Maternal mortality 16 against "below 15": last year 18, so the trend reaches it by the target year.
        assertEquals("ON_TRACK", row(c, "O4-T2-M1").get("status"));
        assertEquals(18, ((Number) row(c, "O4-T2-M1").get("previousFigureValue")).intValue());
        // Adolescent births 22 against a path from 23 to 18: behind the straight path.
        assertEquals("OFF_TRACK", row(c, "O4-T3-M1").get("status"));
        assertEquals("ACHIEVED", row(c, "O4-T4-M1").get("status"));
        assertEquals("ACHIEVED", row(c, "O2-T3-M1").get("status"));
        assertNumber("31", row(c, "O2-T3-M1").get("figureValue").toString());
        assertEquals("OFF_TRACK", row(c, "O1-T1-M1").get("status"));
        // The statistics office's figure: women's unpaid hours 2.8 times men's against "down to 2".
        Map<String, Object> care = row(c, "O3-T1-M1");
        assertNumber("2.8", care.get("figureValue").toString());
        assertEquals("OFF_TRACK", care.get("status"));
        assertEquals(List.of("STATISTICS"), sources(care, "kind"));
        assertEquals(List.of("TTH-STATS"), sources(care, "agency"));
        assertEquals("NO_DATA", row(c, "O2-T1-M1").get("status"));
        // The milestone applies only from the plan's last year.
        assertEquals("NO_DATA", row(c, "O6-T3-M1").get("status"));

        // Narratives of accepted reports, grouped by objective and agency.
        assertEquals("TTH-DOH", c.getString("narratives.find { it.objectiveKey == 'O4' }.agencies[0].agency"));
        assertEquals("Sở Y tế tỉnh Thừa Thiên Huế", c.getString("narratives.find { it.objectiveKey == 'O4' }.agencies[0].agencyName"));
        assertTrue(c.getString("narratives.find { it.objectiveKey == null }.agencies[0].sections[0].text").startsWith("Số liệu tuyến xã"));

        // Without the rule filter the own-plan reports of the year count too (due 25/6).
        given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation?period=" + period).then().statusCode(200)
                .body("completeness.expected", equalTo(18)).body("upward[0].receivingAgency", equalTo("VN-MOHA"));
    }

    @Test
    @Order(2)
    void exportsOpenAndCarryTheFigures() throws Exception {
        byte[] csv = given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation/export?rule=R2&format=csv&period=" + period)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        assertEquals((byte) 0xBF, csv[2]);
        List<CSVRecord> records = CSVFormat.EXCEL.parse(new InputStreamReader(new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8)).getRecords();
        CSVRecord srb = records.stream().filter(r -> r.size() > 2 && r.get(2).equals("O4-T1-M1")).findFirst().orElseThrow();
        assertEquals("7000", srb.get(7));
        assertEquals("7700", srb.get(8));
        assertEquals("110", srb.get(10));
        assertEquals("Đạt", srb.get(11));
        assertTrue(records.stream().anyMatch(r -> r.size() > 1 && r.get(1).equals("TTH-DOHA")), "completeness table lists the agencies");

        // A submission's CSV neutralises formulas that an agency typed into its report.
        long doha = given().header("Authorization", HOME_AFFAIRS).get("/api/reports/obligations/" + Fixtures.obligation(HOME_AFFAIRS, PLAN, period, "R2"))
                .then().extract().jsonPath().getLong("reportId");
        byte[] sub = given().header("Authorization", DOLISA).get("/api/reports/submissions/" + doha + "/export?format=csv").then().statusCode(200)
                .extract().asByteArray();
        String text = new String(sub, StandardCharsets.UTF_8);
        assertTrue(text.contains("'=1+2"), text);
        assertFalse(text.contains(",=1+2"));

        byte[] xlsx = given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation/export?rule=R2&format=xlsx&period=" + period)
                .then().statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertTrue(sheets.contains("O4 Trong lĩnh vực y tế"), sheets.toString());
            assertTrue(sheets.contains("O1 Trong công tác tổ chức cán b"), "names are cut to Excel's 31 characters: " + sheets);
            assertEquals(6 + 2, sheets.size(), "cover, completeness and one sheet per objective: " + sheets);
            Sheet health = wb.getSheet("O4 Trong lĩnh vực y tế");
            Row r = find(health, "O4-T1-M1");
            assertEquals(7000, r.getCell(7).getNumericCellValue());
            assertEquals(110, r.getCell(10).getNumericCellValue());
            assertEquals("Đạt", r.getCell(11).getStringCellValue());
            assertTrue(r.getCell(12).getStringCellValue().contains("REPORT TTH-DOH"));
            assertTrue(find(sheet(wb, "O3 "), "O3-T1-M1").getCell(12).getStringCellValue().contains("STATISTICS TTH-STATS"));
        }

        byte[] docx = given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation/export?rule=R2&format=docx&period=" + period)
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String all = x.getText();
            assertTrue(all.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), all);
            assertTrue(all.contains("Độc lập - Tự do - Hạnh phúc"));
            // Named as on the document's date: Thừa Thiên Huế has been the city of Huế since 1 January 2025.
            assertTrue(all.contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ"), all);
            assertTrue(all.contains("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI THÀNH PHỐ HUẾ"));
            assertTrue(all.contains("Huế, " + decreeDate(Fixtures.today())), all);
            assertTrue(all.contains("BÁO CÁO"));
            assertTrue(all.contains("Tổng hợp kết quả thực hiện Kế hoạch thực hiện Chiến lược"), all);
            assertTrue(all.contains("I. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO"));
            assertTrue(all.contains("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"));
            assertTrue(all.contains("Nơi nhận:"));
            assertTrue(all.contains("GIÁM ĐỐC"));
            assertFalse(all.contains("(expected)") || all.contains("(missing)") || all.contains("(achieved)"), "no English glosses: " + all);
            assertTrue(d.getTables().stream().anyMatch(t -> t.getText().contains("O4-T1-M1") && t.getText().contains("Đạt")));
            assertTrue(d.getTables().stream().anyMatch(t -> t.getText().contains(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(Fixtures.today().plusDays(10)))), "dates as dd/MM/yyyy");
            // A4 with the decree's margins (twentieths of a point): 210 × 297 mm; top/bottom 20, left 30, right 15 mm.
            var sect = d.getDocument().getBody().getSectPr();
            assertEquals(11906, ((BigInteger) sect.getPgSz().getW()).intValue());
            assertEquals(16838, ((BigInteger) sect.getPgSz().getH()).intValue());
            assertEquals(1701, ((BigInteger) sect.getPgMar().getLeft()).intValue());
            assertEquals(850, ((BigInteger) sect.getPgMar().getRight()).intValue());
            assertEquals(1134, ((BigInteger) sect.getPgMar().getTop()).intValue());
            // One female-vs-male chart per measure reported by sex: births, directors, unpaid care hours.
            assertEquals(3, d.getCharts().size());
            XWPFChart births = d.getCharts().stream().filter(ch -> title(ch).startsWith("O4-T1-M1")).findFirst().orElseThrow();
            var series = births.getChartSeries().get(0).getSeries(0);
            assertEquals(7000.0, series.getValuesData().getPointAt(0));
            assertEquals(7700.0, series.getValuesData().getPointAt(1));
        }
        given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation/export?format=odt&period=" + period)
                .then().statusCode(400).body("code", equalTo("INVALID_FORMAT"));
        given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation/export?format=pdf&lang=fr&period=" + period)
                .then().statusCode(400).body("code", equalTo("INVALID_LANG"));

        // A submission's printable report.
        byte[] subDocx = given().header("Authorization", HOME_AFFAIRS).get("/api/reports/submissions/" + doha + "/export?format=docx").then().statusCode(200)
                .extract().asByteArray();
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(subDocx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            assertTrue(x.getText().contains("SỞ NỘI VỤ THÀNH PHỐ HUẾ"), x.getText());
            assertTrue(x.getText().contains("Kính gửi: Sở Lao động - Thương binh và Xã hội thành phố Huế"));
            assertTrue(x.getText().contains("48% cơ quan có lãnh đạo chủ chốt là nữ."));
        }
        byte[] subXlsx = given().header("Authorization", HOME_AFFAIRS).get("/api/reports/submissions/" + doha + "/export?format=xlsx&version=1")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(subXlsx))) {
            assertEquals(48, find(sheet(wb, "O1 "), "O1-T1-M1").getCell(9).getNumericCellValue());
        }
        given().header("Authorization", HOME_AFFAIRS).get("/api/reports/submissions/" + doha + "/export?format=json").then().statusCode(200)
                .body("number", equalTo(1)).body("content.values[0].measureKey", equalTo("O1-T1-M1"));
    }

    @Test
    @Order(2)
    void theOfficialPdfCarriesEveryPartAndFigure() throws Exception {
        String url = "/api/reports/plans/" + PLAN + "/consolidation/export?period=" + period;
        // Accept: application/pdf chooses the PDF as format=pdf does.
        byte[] pdf = given().header("Authorization", DOLISA).accept("application/pdf").get(url).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString(".pdf")).extract().asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertEquals(595.3, a4.getWidth(), 0.5, "A4 width in points");
            assertEquals(841.9, a4.getHeight(), 0.5, "A4 height in points");
            // PDF/A-2u, declared in the XMP metadata, with an sRGB output intent.
            var xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            assertEquals(2, xmp.getPDFAIdentificationSchema().getPart());
            assertEquals("U", xmp.getPDFAIdentificationSchema().getConformance());
            assertFalse(doc.getDocumentCatalog().getOutputIntents().isEmpty());
            // Every font is Liberation Serif, embedded.
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertTrue(f.getName().contains("LiberationSerif"), f.getName());
                    assertTrue(f.isEmbedded(), f.getName());
                    fonts++;
                }
            }
            assertTrue(fonts >= 2, "regular and bold at least");
        }
        String text = PdfText.of(pdf);
        // Decree 30's parts in order: issuing body beside the national name, number, place and date, type and
        // summary, addressee, body, recipients beside the signature block.
        inOrder(text, "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI THÀNH PHỐ HUẾ", "Số: /BC-TTH-DOLISA",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Huế, " + decreeDate(Fixtures.today()), "BÁO CÁO",
                "Tổng hợp kết quả thực hiện Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới", "năm " + period,
                "Kính gửi: Bộ Nội vụ", "I. TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO", "Bảng 1.",
                "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "Bảng 2. Số liệu các chỉ tiêu theo giới tính", "Bảng 3. Tiến độ thực hiện các chỉ tiêu",
                "III. KẾT QUẢ HOẠT ĐỘNG CỦA CÁC CƠ QUAN, ĐƠN VỊ", "Nơi nhận:", "GIÁM ĐỐC", "(Ký, ghi rõ họ tên, đóng dấu)");
        assertFalse(text.contains("Thực hiện Thực hiện") || text.contains("thực hiện Thực hiện"), "the title does not double the word");
        for (String gloss : List.of("(expected)", "(missing)", "(achieved)", "(female)", "(objective)", "(no data)")) {
            assertFalse(text.contains(gloss), gloss + " in the Vietnamese text");
        }
        // Completeness: counts and every agency's line with its due date as dd/MM/yyyy.
        assertTrue(text.contains("Số báo cáo phải nộp: 18; đã nộp: 3 (đúng hạn 2, trễ hạn 1)"), text);
        String due = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(Fixtures.today().plusDays(10));
        String lateDue = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(Fixtures.today().minusDays(5));
        assertTrue(text.contains(due) && text.contains(lateDue), "due dates as dd/MM/yyyy");
        assertFalse(text.matches("(?s).*\\b" + year + "-\\d\\d-\\d\\d\\b.*"), "no ISO dates in the document");
        for (String agency : List.of("TTH-DOH", "TTH-DOHA", "TTH-DPI", "TTH-DOET", "TTH-STATS")) {
            assertTrue(text.contains(agency), agency);
        }
        // Every body named as on the document's date: no "tỉnh Thừa Thiên Huế" left in the agencies' names.
        assertTrue(text.contains("TTH-DOHA Sở Nội vụ thành phố Huế Báo cáo năm " + lateDue), text);
        assertFalse(text.contains("Sở Y tế tỉnh Thừa Thiên Huế"));
        assertTrue(text.contains("Trễ hạn") && text.contains("Đúng hạn") && text.contains("Chưa đến hạn"));
        // Figures by sex: births 7000 girls / 7700 boys; directors 3100 / 6900; unpaid care hours 4.2 / 1.5.
        assertRow(text, "O4-T1-M1", "7000", "7700");
        assertRow(text, "O2-T3-M1", "3100", "6900");
        assertRow(text, "O3-T1-M1", "4.2", "1.5");
        // Target progress: the figure and the status of each reported measure.
        assertRow(text, "O4-T1-M1", "110", "Đạt");
        assertRow(text, "O2-T3-M1", "31", "Đạt");
        assertRow(text, "O3-T1-M1", "2.8", "Chậm tiến độ");
        assertRow(text, "O1-T1-M1", "48", "Chậm tiến độ");
        assertRow(text, "O4-T2-M1", "16", "Đúng tiến độ");
        assertRow(text, "O4-T3-M1", "22", "Chậm tiến độ");
        assertRow(text, "O2-T1-M1", "Chưa có số liệu");
        // Narratives of the accepted reports.
        assertTrue(text.contains("48% cơ quan có lãnh đạo chủ chốt là nữ."));
        assertTrue(text.contains("Tỷ lệ nữ giám đốc doanh nghiệp đạt 31%."));

        // The English rendering, asked by Accept-Language, is a document of its own.
        byte[] en = given().header("Authorization", DOLISA).header("Accept-Language", "en-GB,en;q=0.9").get(url + "&format=pdf").then()
                .statusCode(200).header("Content-Disposition", containsString("-en.pdf")).extract().asByteArray();
        String english = PdfText.of(en);
        LocalDate today = Fixtures.today();
        inOrder(english, "HUE PROVINCIAL PEOPLE'S COMMITTEE", "HUE DEPARTMENT OF LABOUR, INVALIDS AND SOCIAL AFFAIRS", "SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness",
                "Hue, " + today.getDayOfMonth() + " " + today.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                "REPORT", "To: Ministry of Home Affairs", "I. REPORTING COMPLETENESS AND TIMELINESS", "Table 2. Figures by sex", "Table 3. Progress towards the targets",
                "Recipients:", "DIRECTOR");
        assertRow(english, "O4-T1-M1", "110", "Achieved");
        assertFalse(english.contains("CỘNG HÒA"));
        // The agency's own report as PDF too.
        long doha = given().header("Authorization", HOME_AFFAIRS).get("/api/reports/obligations/" + Fixtures.obligation(HOME_AFFAIRS, PLAN, period, "R2"))
                .then().extract().jsonPath().getLong("reportId");
        String sub = PdfText.of(given().header("Authorization", HOME_AFFAIRS).get("/api/reports/submissions/" + doha + "/export?format=pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray());
        inOrder(sub, "SỞ NỘI VỤ THÀNH PHỐ HUẾ", "Độc lập - Tự do - Hạnh phúc", "Huế, ngày", "BÁO CÁO",
                "Kính gửi: Sở Lao động - Thương binh và Xã hội thành phố Huế", "48% cơ quan có lãnh đạo chủ chốt là nữ.", "O1-T1-M1", "Nơi nhận:", "GIÁM ĐỐC");
    }

    /** Some table row of the text (from the measure to the next measure key) holds each of the cells, in order. */
    static void assertRow(String text, String measure, String... cells) {
        for (int from = text.indexOf(measure); from >= 0; from = text.indexOf(measure, from + 1)) {
            Matcher next = Pattern.compile("O\\d+-T\\d+-M\\d+").matcher(text);
            int end = next.find(from + measure.length()) ? next.start() : text.length();
            String row = text.substring(from, end);
            int at = 0;
            boolean all = true;
            for (String c : cells) {
                int i = row.indexOf(" " + c + " ", at);
                if (i < 0) {
                    all = false;
                    break;
                }
                at = i + c.length();
            }
            if (all) {
                return;
            }
        }
        throw new AssertionError(measure + " " + List.of(cells) + " on no line of:\n" + text);
    }

    @Test
    @Order(3)
    void whoMayReadAConsolidation() {
        String url = "/api/reports/plans/" + PLAN + "/consolidation?period=" + period;
        given().get(url).then().statusCode(401);
        given().header("Authorization", HEALTH).get(url).then().statusCode(403).body("code", equalTo("NOT_YOUR_CONSOLIDATION"));
        given().header("Authorization", Fixtures.QNG).get(url).then().statusCode(403);
        given().header("Authorization", Fixtures.AUDITOR).get(url).then().statusCode(200).body("receivingAgency", equalTo("TTH-DOLISA"));
        given().header("Authorization", DOLISA).get("/api/reports/plans/987654/consolidation?period=" + period).then().statusCode(404);
        given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation?period=next-year").then().statusCode(400)
                .body("code", equalTo("INVALID_PERIOD")).body("errors[0].field", equalTo("period"));
        given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation?period=" + period + "&asOf=yesterday").then()
                .statusCode(400);
    }

    @Test
    @Order(3)
    void anotherAgencyCannotNameItselfTheReceiver() {
        String query = "?period=" + period + "&receivingAgency=QNG-DOLISA";
        long published = db.count("select count(*) from published_consolidation");
        // QNG-DOLISA receives nothing of this Thừa Thiên Huế plan: naming itself the receiver reveals and publishes nothing.
        given().header("Authorization", Fixtures.QNG).get("/api/reports/plans/" + PLAN + "/consolidation" + query).then().statusCode(404);
        given().header("Authorization", Fixtures.QNG).get("/api/reports/plans/" + PLAN + "/consolidation/export" + query + "&format=csv")
                .then().statusCode(404);
        given().header("Authorization", Fixtures.QNG).post("/api/reports/plans/" + PLAN + "/consolidation/publication" + query)
                .then().statusCode(404);
        assertEquals(published, db.count("select count(*) from published_consolidation"));
        // The real receiver still names itself.
        given().header("Authorization", DOLISA).get("/api/reports/plans/" + PLAN + "/consolidation?period=" + period + "&receivingAgency=TTH-DOLISA")
                .then().statusCode(200).body("receivingAgency", equalTo("TTH-DOLISA"));
    }

    @Test
    @Order(4)
    void publishedSummaryIsPublic() {
        given().header("Authorization", HEALTH).post("/api/reports/plans/" + PLAN + "/consolidation/publication?period=" + period)
                .then().statusCode(403);
        given().header("Authorization", Fixtures.QNG).post("/api/reports/plans/" + PLAN + "/consolidation/publication?period=" + period
                + "&receivingAgency=TTH-DOLISA").then().statusCode(403);
        String location = given().header("Authorization", DOLISA).post("/api/reports/plans/" + PLAN + "/consolidation/publication?period=" + period)
                .then().statusCode(201).extract().header("Location");
        String path = location.substring(location.indexOf("/api/public"));
        given().get(path).then().statusCode(200)
                .body("planId", equalTo((int) PLAN)).body("period", equalTo(period))
                .body("completeness.expected", equalTo(18))
                .body("objectives.find { it.key == 'O4' }.rows.find { it.measureKey == 'O4-T1-M1' }.status", equalTo("ACHIEVED"))
                .body("objectives.find { it.key == 'O4' }.rows.find { it.measureKey == 'O4-T1-M1' }.sources[0].reference", nullValue())
                .body("narratives", nullValue()).body("agencies", nullValue());
        given().get("/api/public/reports/consolidations?planId=" + PLAN).then().statusCode(200).body("planId", hasItem((int) PLAN));
        given().get("/api/public/reports/consolidations/987654").then().statusCode(404);
        // Publishing again updates the same summary.
        given().header("Authorization", DOLISA).post("/api/reports/plans/" + PLAN + "/consolidation/publication?period=" + period)
                .then().statusCode(201).header("Location", equalTo(location));
    }

    @Test
    @Order(5)
    void dolisasOwnReportGoesUpwardPrefilled() {
        long upward = Fixtures.obligation(DOLISA, PLAN, period, "R3");
        given().header("Authorization", DOLISA).get("/api/reports/obligations/" + upward).then()
                .body("receivingAgency", equalTo("VN-MOHA")).body("consolidates", equalTo("R2"));
        var draft = given().header("Authorization", DOLISA).contentType(ContentType.JSON)
                .post("/api/reports/obligations/" + upward + "/report").then().statusCode(201).extract().jsonPath();
        long report = draft.getLong("id");
        assertTrue(draft.getString("draft.sections.text").contains("[Sở Y tế tỉnh Thừa Thiên Huế]"));
        assertEquals(7000, draft.getInt("draft.values.find { it.measureKey == 'O4-T1-M1' }.female"));
        assertEquals(48, draft.getInt("draft.values.find { it.measureKey == 'O1-T1-M1' }.value"));
        Fixtures.submit(DOLISA, report);
        // Received by the ministry that took over the duty; accepting it sends nothing back to indicators-service.
        given().header("Authorization", DOLISA).header("If-Match", Fixtures.etag(DOLISA, report)).contentType(ContentType.JSON).body("{}")
                .post("/api/reports/submissions/" + report + "/accept").then().statusCode(403);
        Fixtures.accept(MOHA, report);
        assertEquals(0, db.count("select count(*) from outbox_message where idem_key like ?", "reporting-submission-" + report + "-%"));
        given().header("Authorization", MOHA).get("/api/reports/plans/" + PLAN + "/consolidation?period=" + period + "&receivingAgency=VN-MOHA")
                .then().statusCode(200).body("completeness.expected", equalTo(1)).body("completeness.accepted", equalTo(1))
                .body("narratives.size()", not(equalTo(0)));
    }

    @Test
    @Order(6)
    void childPlansAreRolledUp() {
        int y = year;
        JsonObject province = new JsonObject().put("status", "ISSUED").put("code", "QNG-5100").put("title", "Kế hoạch bình đẳng giới tỉnh Quảng Ngãi")
                .put("issuingAgency", "QNG-PC").put("leadAgency", "QNG-DOLISA").put("unitCode", "VN-51").put("periodFrom", y).put("periodTo", y)
                .put("objectives", new JsonArray().add(Fixtures.objective("O1", "a) Mục tiêu 1", "Kinh tế",
                        Fixtures.target("O1-T1", "Chỉ tiêu 1", "Tỷ lệ lao động nữ làm công hưởng lương đạt 50%",
                                Fixtures.measure("O1-T1-M1", "WAGE_WORKERS_Q", "FEMALE_SHARE", "AT_LEAST", null, null, 50, y, null, Map.of(), "QNG-DOLISA")))))
                .put("childPlans", new JsonArray().add(new JsonObject().put("id", 5101).put("code", "STI-5101").put("status", "ISSUED")
                        .put("issuingAgency", "STI-PC").put("leadAgency", "STI-LABOUR").put("unitCode", "VN-51-STI"))
                        // A child whose unit indicators-service does not know (yet): its queries are left out, the rest answered.
                        .add(new JsonObject().put("id", 5102).put("code", "NEW-5102").put("status", "ISSUED")
                                .put("issuingAgency", "STI-PC").put("leadAgency", "STI-LABOUR").put("unitCode", "VN-51-NEW")))
                .put("reportingRules", new JsonArray().add(Fixtures.rule("R1", "ANNUAL", 30, 12, null, y, y, "CHILD_PLANS", List.of(),
                        "QNG-DOLISA", "RESPONSIBLE_TARGETS", null)));
        fake.plan(5100, 1, province);
        Fixtures.event(5100, 1, "ISSUED").then().statusCode(200).body("created", equalTo(1));
        // Figures of the district (Sơn Tịnh) and of another unit of the province: the child roll-up sums the district only.
        fake.push("WAGE_WORKERS_Q", "VN-51-STI", period, "FEMALE", new BigDecimal("4000"), "STATISTICS", "sti", "STI-LABOUR");
        fake.push("WAGE_WORKERS_Q", "VN-51-STI", period, "MALE", new BigDecimal("6000"), "STATISTICS", "sti", "STI-LABOUR");
        fake.push("WAGE_WORKERS_Q", "VN-51", period, "FEMALE", new BigDecimal("1000"), "STATISTICS", "qng", "QNG-STATS");
        fake.push("WAGE_WORKERS_Q", "VN-51", period, "MALE", new BigDecimal("1000"), "STATISTICS", "qng", "QNG-STATS");
        JsonPath c = given().header("Authorization", Fixtures.QNG).get("/api/reports/plans/5100/consolidation?period=" + period).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, c.getInt("completeness.expected"));
        assertEquals("STI-LABOUR", c.getString("agencies[0].agency"));
        assertEquals(5101, c.getInt("children[0].planId"));
        assertEquals(2, c.getList("children").size());
        assertEquals("VN-51-STI", c.getString("children[0].unitCode"));
        // Province figure: 5000 women of 12000 workers = 41.67%; the district alone: 4000 of 10000 = 40%.
        assertEquals(5000, c.getInt("objectives[0].rows[0].female"));
        assertNumber("41.6667", c.getString("objectives[0].rows[0].figureValue"));
        assertEquals(4000, c.getInt("childrenRollup[0].female"));
        assertEquals(6000, c.getInt("childrenRollup[0].male"));
        assertNumber("40", c.getString("childrenRollup[0].figureValue"));
        assertEquals(List.of("VN-51-STI"), c.getList("childrenRollup[0].contributingUnits"));
        assertEquals("OFF_TRACK", c.getString("childrenRollup[0].status"));
    }

    private static void assertNumber(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))), expected + " <> " + actual);
    }

    /** Decree 30/2020's date: a zero before days under 10 and months 1 and 2 ("ngày 07 tháng 3 năm 2025"). */
    static String decreeDate(LocalDate d) {
        return "ngày " + (d.getDayOfMonth() < 10 ? "0" : "") + d.getDayOfMonth() + " tháng " + (d.getMonthValue() <= 2 ? "0" : "")
                + d.getMonthValue() + " năm " + d.getYear();
    }

    /** Asserts that the parts occur in this order in the text. */
    static void inOrder(String text, String... parts) {
        PdfText.assertInOrder(text, List.of(parts));
    }

    private static String title(XWPFChart chart) {
        var body = chart.getFormattedTitle();
        return body == null || body.getParagraphs().isEmpty() ? "" : body.getParagraph(0).getText();
    }

    private static Sheet sheet(XSSFWorkbook wb, String prefix) {
        for (Sheet s : wb) {
            if (s.getSheetName().startsWith(prefix)) {
                return s;
            }
        }
        throw new AssertionError("no sheet " + prefix);
    }

    private static Row find(Sheet sheet, String text) {
        for (Row r : sheet) {
            for (Cell cell : r) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                    return r;
                }
            }
        }
        throw new AssertionError(text + " not on sheet " + sheet.getSheetName());
    }
}
