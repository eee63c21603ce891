package vn.gems.indicators.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unit change feed ({@code GET /api/unit-changes}) and the province import ({@code POST /api/units/{province}/import}):
 * every unit change writes its feed entries in the same transaction, in gapless order; a failed change writes none;
 * an import is all or nothing and idempotent.
 */
@QuarkusTest
class UnitFeedTest {

    @InjectTestDatabase
    TestDatabase db;

    private String p;

    @BeforeEach
    void province() {
        Demo.load();
        // A province of this test's own, with three communes that existed before the 2025 reform. It ends with 2025,
        // so the other tests' lists of today's and 2026's provinces do not see it.
        p = "VN-T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","nameVi":"Tỉnh Thử","nameEn":"Test Province","level":"PROVINCE","parentCode":"VN",
                 "validFrom":"2000-01-01","validTo":"2025-12-31"}""".formatted(p)).post("/api/units").then().statusCode(201);
        for (String c : List.of("A", "B", "C")) {
            unit(p + "-" + c, "Xã " + c, "COMMUNE", p, "2000-01-01");
        }
    }

    @Test
    void everyChangeWritesItsFeedEntryInTheSameTransaction() {
        long head = head();
        unit(p + "-D", "Xã D", "COMMUNE", p, "2010-01-01");
        event("""
                {"kind":"RENAME","effectiveDate":"2020-01-01","from":["%s-D"],"newNameVi":"Xã Đê","newNameEn":"De Commune"}""".formatted(p));
        event("""
                {"kind":"MERGE","effectiveDate":"2025-07-01","from":["%1$s-A","%1$s-B"],"to":["%1$s-D"]}""".formatted(p));
        JsonPath feed = feed(head, 100);
        assertEquals(4, feed.getList("items").size(), feed.prettify());
        assertEquals(head + 4, feed.getLong("head"));
        assertEquals(head + 4, feed.getLong("next"));
        assertEquals(List.of(head + 1, head + 2, head + 3, head + 4), feed.getList("items.seq", Long.class));
        assertEquals(List.of("CREATED", "RENAMED", "MERGED", "MERGED"), feed.getList("items.type"));
        assertEquals(List.of(p + "-D", p + "-D", p + "-A", p + "-B"), feed.getList("items.unitCode"));
        assertEquals("COMMUNE", feed.getString("items[0].level"));
        assertEquals(p, feed.getString("items[0].parent"));
        assertEquals("2010-01-01", feed.getString("items[0].effectiveDate"));
        assertEquals("Xã Đê", feed.getString("items[1].nameVi"));
        assertEquals("2025-07-01", feed.getString("items[2].effectiveDate"));
        assertEquals(List.of(p + "-D"), feed.getList("items[2].successors"));
        assertEquals("Xã A", feed.getString("items[2].nameVi"));
        // the entries are rows of the same database, next to the units
        assertEquals(2, db.count("select count(*) from unit_change where kind = 'MERGED' and unit_code in (?, ?) and successors = ?",
                p + "-A", p + "-B", p + "-D"));
        // paging: after the last seen, nothing
        given().header("Authorization", Api.HEALTH).get("/api/unit-changes?after=" + (head + 4)).then().statusCode(200)
                .body("items", empty()).body("next", equalTo((int) (head + 4)));
        given().header("Authorization", Api.HEALTH).get("/api/unit-changes?after=" + head + "&size=1").then().statusCode(200)
                .body("items", hasSize(1)).body("next", equalTo((int) (head + 1)));
    }

    @Test
    void aRefusedChangeWritesNoFeedEntry() {
        long head = head();
        // C does not exist on 1999-12-31: the merge is refused and rolled back
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("""
                {"kind":"MERGE","effectiveDate":"2000-01-01","from":["%1$s-A","%1$s-C"],"to":["%1$s-B"]}""".formatted(p))
                .post("/api/unit-events").then().statusCode(422);
        assertEquals(head, head());
        assertEquals(0, db.count("select count(*) from unit_change where seq > ?", head));
    }

    @Test
    void concurrentWritersGetGaplessSequenceNumbers() throws Exception {
        long head = head();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String code = p + "-N" + i;
            done.add(pool.submit(() -> given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("""
                    {"code":"%s","nameVi":"Xã %s","nameEn":"Commune %s","level":"COMMUNE","parentCode":"%s","validFrom":"2001-01-01"}"""
                    .formatted(code, code, code, p)).post("/api/units").statusCode()));
        }
        for (Future<Integer> f : done) {
            assertEquals(201, f.get());
        }
        pool.shutdown();
        JsonPath feed = feed(head, 500);
        assertEquals(LongStream.rangeClosed(head + 1, head + 12).boxed().toList(), feed.getList("items.seq", Long.class));
    }

    @Test
    void theFeedNeedsATokenAndValidParameters() {
        given().get("/api/unit-changes").then().statusCode(401);
        given().header("Authorization", Api.REPORTING_SERVICE).get("/api/unit-changes?size=2").then().statusCode(200)
                .body("items", hasSize(2)).body("after", equalTo(0));
        given().header("Authorization", Api.HEALTH).get("/api/unit-changes?after=-1").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CURSOR")).body("errors[0].field", equalTo("after"));
        given().header("Authorization", Api.HEALTH).get("/api/unit-changes?size=501").then().statusCode(400)
                .body("code", equalTo("INVALID_PAGE_SIZE"));
        given().header("Authorization", Api.HEALTH).get("/api/unit-changes?after=abc").then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    // ------------------------------------------------------------------ province import

    @Test
    void aProvinceImportsItsCommunesInOneCallAndAgainChangesNothing() {
        long head = head();
        String body = """
                {"validFrom":"2025-07-01","legalBasis":"Nghị quyết thử","communes":[
                  {"code":"%1$s-AB","nameVi":"Xã A B","nameEn":"A B Commune","predecessors":["%1$s-A","%1$s-B"]},
                  {"code":"%1$s-C","nameVi":"Xã Cê","nameEn":"Ce Commune","predecessors":["%1$s-C"],"note":"continues, renamed"},
                  {"code":"%1$s-NEW","nameVi":"Xã Mới","nameEn":"New Commune","validFrom":"2025-08-01"}]}""".formatted(p);
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(body).post("/api/units/" + p + "/import")
                .then().statusCode(200).body("rows", equalTo(3)).body("created", contains(p + "-AB", p + "-NEW"))
                .body("renamed", contains(p + "-C")).body("mergesRecorded", equalTo(1)).body("unchanged", empty());
        given().header("Authorization", Api.HEALTH).get("/api/units/" + p + "-A").then().statusCode(200)
                .body("validTo", equalTo("2025-06-30")).body("successors", contains(p + "-AB"));
        given().header("Authorization", Api.HEALTH).get("/api/units/" + p + "/children?asOf=2025-09-01").then().statusCode(200)
                .body("code", containsInAnyOrder(p + "-AB", p + "-C", p + "-NEW"));
        JsonPath feed = feed(head, 100);
        // row by row: AB created and A, B merged into it; C renamed; NEW created
        assertEquals(List.of("CREATED", "MERGED", "MERGED", "RENAMED", "CREATED"), feed.getList("items.type"));
        assertEquals(List.of(p + "-AB", p + "-A", p + "-B", p + "-C", p + "-NEW"), feed.getList("items.unitCode"));
        long after = head();
        // the same import again: nothing changes, no feed entry
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(body).post("/api/units/" + p + "/import")
                .then().statusCode(200).body("created", empty()).body("renamed", empty()).body("mergesRecorded", equalTo(0))
                .body("unchanged", contains(p + "-AB", p + "-C", p + "-NEW"));
        assertEquals(after, head());
    }

    @Test
    void badRowsAreProblemsNamingTheRowAndNothingIsWritten() {
        long head = head();
        long units = db.count("select count(*) from admin_unit");
        String body = """
                {"validFrom":"2025-07-01","communes":[
                  {"code":"%1$s-OK","nameVi":"Xã Tốt","nameEn":"Good Commune","predecessors":["%1$s-A"]},
                  {"code":"%1$s-OK","nameVi":"Xã Tốt","nameEn":"Good Commune"},
                  {"code":"bad code","nameVi":"","nameEn":"X"},
                  {"code":"%1$s-X","nameVi":"Xã X","nameEn":"X","predecessors":["VN-99-NOWHERE","%1$s-A","VN-46"]}]}""".formatted(p);
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(body).post("/api/units/" + p + "/import")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("IMPORT_INVALID"))
                .body("errors.field", hasItems("communes[1].code", "communes[2].code", "communes[2].nameVi",
                        "communes[3].predecessors[0]", "communes[3].predecessors[1]", "communes[3].predecessors[2]"))
                .body("errors.code", hasItems("DUPLICATE_ROW", "INVALID_CODE", "NAME_REQUIRED", "UNKNOWN_UNIT",
                        "PREDECESSOR_SHARED", "INVALID_PREDECESSOR_LEVEL"));
        // the good first row was not written either
        assertEquals(units, db.count("select count(*) from admin_unit"));
        assertEquals(head, head());
        given().header("Authorization", Api.HEALTH).get("/api/units/" + p + "-A").then().statusCode(200).body("validTo", nullValue());
    }

    @Test
    void theImportAlsoTakesCsvWithProblemsByLine() {
        String csv = "code;nameVi;nameEn;validFrom;predecessors;note\n"
                + p + "-AB;Xã A B;A B Commune;2025-07-01;" + p + "-A|" + p + "-B;\"illustrative; name invented\"\n"
                + p + "-Z;;Z Commune;2025-07-01;;\n";
        given().header("Authorization", Api.ADMIN).contentType("text/csv").body(csv).post("/api/units/" + p + "/import")
                .then().statusCode(422).body("errors[0].field", equalTo("lines[3].nameVi")).body("errors[0].code", equalTo("NAME_REQUIRED"));
        given().header("Authorization", Api.ADMIN).contentType("text/csv").body(csv.replace(";;Z Commune", ";Xã Z;Z Commune"))
                .post("/api/units/" + p + "/import").then().statusCode(200).body("created", contains(p + "-AB", p + "-Z"))
                .body("mergesRecorded", equalTo(1));
    }

    @Test
    void onlyAdminsImportAndTheProvinceMustBeOne() {
        String body = "{\"validFrom\":\"2025-07-01\",\"communes\":[{\"code\":\"" + p + "-Q\",\"nameVi\":\"Xã Q\",\"nameEn\":\"Q\"}]}";
        given().contentType(ContentType.JSON).body(body).post("/api/units/" + p + "/import").then().statusCode(401);
        given().header("Authorization", Api.DOLISA).contentType(ContentType.JSON).body(body).post("/api/units/" + p + "/import")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(body).post("/api/units/" + p + "-A/import")
                .then().statusCode(422).body("code", equalTo("NOT_A_PROVINCE"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(body).post("/api/units/VN-99/import")
                .then().statusCode(404);
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("{\"communes\":[]}").post("/api/units/" + p + "/import")
                .then().statusCode(422).body("code", equalTo("NO_ROWS"));
        // hostile values are problems, never a database error
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("{\"legalBasis\":\"" + "x".repeat(501) + "\",\"communes\":[]}")
                .post("/api/units/" + p + "/import").then().statusCode(400);
        given().header("Authorization", Api.ADMIN).contentType("text/csv")
                .body("code,nameVi,nameEn,validFrom,predecessors,note\n" + p + "-Q,Xã Q,Q,2025-07-01,VN\u0000X,\"a\u0001b\"\n")
                .post("/api/units/" + p + "/import").then().statusCode(422)
                .body("errors.code", hasItems("UNKNOWN_UNIT", "INVALID_CHARACTER"));
    }

    private static void unit(String code, String name, String level, String parent, String from) {
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","nameVi":"%s","nameEn":"%s","level":"%s","parentCode":"%s","validFrom":"%s"}"""
                .formatted(code, name, name, level, parent, from)).post("/api/units").then().statusCode(201);
    }

    private static void event(String json) {
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body(json).post("/api/unit-events").then().statusCode(201);
    }

    private static long head() {
        return given().header("Authorization", Api.HEALTH).get("/api/unit-changes?size=1&after=0").then().statusCode(200)
                .extract().jsonPath().getLong("head");
    }

    private static JsonPath feed(long after, int size) {
        return given().header("Authorization", Api.HEALTH).get("/api/unit-changes?after=" + after + "&size=" + size).then().statusCode(200)
                .extract().jsonPath();
    }
}
