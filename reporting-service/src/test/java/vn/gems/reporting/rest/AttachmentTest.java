package vn.gems.reporting.rest;

import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.reporting.Fixtures.DOLISA;
import static vn.gems.reporting.Fixtures.EDUCATION;
import static vn.gems.reporting.Fixtures.HEALTH;

/** Evidence files: size limit, type sniffed from the bytes, private while the draft is, served as downloads. */
@QuarkusTest
class AttachmentTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    long report;

    @BeforeEach
    void plan() {
        Fixtures.agencies(fake);
        LocalDate due = Fixtures.today().plusDays(30);
        int year = due.getYear();
        fake.plan(3001, 1, Fixtures.seed003("T-3001", year, year, due.getDayOfMonth(), due.getMonthValue()));
        Fixtures.event(3001, 1, "ISSUED").then().statusCode(200);
        long obligation = Fixtures.obligation(HEALTH, 3001, String.valueOf(year), "R2");
        Long existing = given().header("Authorization", HEALTH).get("/api/reports/obligations/" + obligation).then().extract()
                .jsonPath().getObject("reportId", Long.class);
        report = existing != null ? existing : Fixtures.start(HEALTH, obligation, "{}");
    }

    private Response upload(String token, String type, byte[] body, String name) {
        return given().header("Authorization", token).contentType(type).body(body)
                .post("/api/reports/submissions/" + report + "/attachments?filename=" + name);
    }

    @Test
    void typesAreSniffedFromTheBytes() throws Exception {
        upload(HEALTH, "application/pdf", PDF, "bien-ban.pdf").then().statusCode(201)
                .body("contentType", equalTo("application/pdf")).body("sizeBytes", equalTo(PDF.length))
                .body("filename", equalTo("bien-ban.pdf"));
        // Declared as a PDF, but it is HTML: refused, and HTML is never accepted as "text".
        upload(HEALTH, "application/pdf", "<html><script>alert(1)</script></html>".getBytes(), "x.pdf").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_FILE_TYPE"));
        upload(HEALTH, "text/plain", "<svg onload=alert(1)>".getBytes(), "x.txt").then().statusCode(415);
        // A real PNG declared as a PDF.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        upload(HEALTH, "application/pdf", png, "x.pdf").then().statusCode(415).body("code", equalTo("CONTENT_TYPE_MISMATCH"));
        // A Windows executable renamed .pdf.
        upload(HEALTH, "application/octet-stream", new byte[]{'M', 'Z', (byte) 0x90, 0, 3, 0}, "setup.pdf").then().statusCode(415);
        // A zip that is not an Office document, and one with macros.
        upload(HEALTH, "application/zip", zip("payload.exe"), "a.zip").then().statusCode(415);
        upload(HEALTH, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "m.docx").then().statusCode(415);
        upload(HEALTH, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip("[Content_Types].xml", "xl/workbook.xml"),
                "../../etc/so-lieu.xlsx").then().statusCode(201).body("filename", equalTo("so-lieu.xlsx"));
        upload(HEALTH, "text/csv", "Chỉ số;Nữ;Nam\nBIRTHS;7000;7700\n".getBytes(StandardCharsets.UTF_8), "so-lieu.csv").then().statusCode(201)
                .body("contentType", equalTo("text/csv"));
        upload(HEALTH, "application/pdf", new byte[0], "empty.pdf").then().statusCode(422).body("code", equalTo("EMPTY_FILE"));
    }

    @Test
    void tooLargeIs413AndNothingIsStored() {
        long before = db.count("select count(*) from attachment");
        byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        upload(HEALTH, "application/pdf", big, "big.pdf").then().statusCode(413).body("code", equalTo("FILE_TOO_LARGE"));
        assertEquals(before, db.count("select count(*) from attachment"));
    }

    @Test
    void onlyTheAgencyUploadsAndReviewersSeeFilesOnceSubmitted() {
        upload(EDUCATION, "application/pdf", PDF, "x.pdf").then().statusCode(403);
        given().contentType("application/pdf").body(PDF).post("/api/reports/submissions/" + report + "/attachments").then().statusCode(401);
        long id = upload(HEALTH, "application/pdf", PDF, "minh-chung.pdf").then().statusCode(201).extract().jsonPath().getLong("id");
        byte[] own = given().header("Authorization", HEALTH).get("/api/reports/attachments/" + id).then().statusCode(200)
                .header("Content-Disposition", containsString("attachment; filename=\"minh-chung.pdf\""))
                .header("X-Content-Type-Options", "nosniff").contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(PDF, own);
        given().header("Authorization", DOLISA).get("/api/reports/attachments/" + id).then().statusCode(403).body("code", equalTo("DRAFT_IS_PRIVATE"));
        given().header("Authorization", EDUCATION).get("/api/reports/attachments/" + id).then().statusCode(403);

        String content = Fixtures.healthReport(7000, 7700, "14").replace("\"comment\":\"Sổ A1/YTCS\"", "\"comment\":\"Biên bản\",\"attachmentId\":" + id);
        Fixtures.put(HEALTH, report, content);
        given().header("Authorization", HEALTH).header("If-Match", Fixtures.etag(HEALTH, report)).contentType(ContentType.JSON)
                .body(content.replace("\"attachmentId\":" + id, "\"attachmentId\":999999"))
                .put("/api/reports/submissions/" + report).then().statusCode(422).body("errors[0].code", equalTo("UNKNOWN_ATTACHMENT"));
        given().header("Authorization", HEALTH).get("/api/reports/submissions/" + report).then().body("attachments.id", Matchers.hasItem((int) id));
        Fixtures.submit(HEALTH, report);
        given().header("Authorization", DOLISA).get("/api/reports/attachments/" + id).then().statusCode(200);
        given().header("Authorization", Fixtures.AUDITOR).get("/api/reports/attachments/" + id).then().statusCode(200);
        given().header("Authorization", HEALTH).delete("/api/reports/attachments/" + id).then().statusCode(409)
                .body("code", equalTo("ATTACHMENT_SUBMITTED"));
        given().header("Authorization", HEALTH).get("/api/reports/attachments/987654").then().statusCode(404);
    }

    private static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<x/>".getBytes());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
