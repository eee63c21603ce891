package vn.gems.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;

import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.plans.TestData.ADMIN;
import static vn.gems.plans.TestData.AUDITOR;
import static vn.gems.plans.TestData.DOLISA;

/** Input the database cannot take, or that would make a query explode, is a 4xx problem, never a 5xx. */
@QuarkusTest
class HostileInputTest {

    @InjectTestDatabase
    TestDatabase db;

    @Test
    void nulCharactersAreRefusedWherever() {
        for (String path : List.of("/api/plans/%00", "/api/agencies/%00", "/api/agencies/A%00B/history", "/api/public/plans/%00x")) {
            given().header("Authorization", AUDITOR).urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_CHARACTER"));
        }
        for (String param : List.of("unit", "agency", "q", "parent")) {
            given().header("Authorization", AUDITOR).urlEncodingEnabled(false).get("/api/agencies?" + param + "=x%00").then()
                    .statusCode(400).body("errors[0].field", equalTo(param));
            given().header("Authorization", AUDITOR).urlEncodingEnabled(false).get("/api/plans?" + param + "=%00").then()
                    .statusCode(400).body("code", equalTo("INVALID_CHARACTER"));
        }
        given().header("Authorization", AUDITOR).urlEncodingEnabled(false).get("/api/plans/my-targets?agency=%00").then().statusCode(400);
        ObjectNode doc = TestData.small("T-NUL").put("title", "Kế hoạch\u0000");
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body(doc.toString())
                .post("/api/plans").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("title"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"code":"ZZ-NUL","nameVi":"A\\u0000B","nameEn":"x","kind":"OTHER","unitCode":"VN-46","validFrom":"2020-01-01"}""")
                .post("/api/agencies").then().statusCode(400).body("errors[0].field", equalTo("nameVi"));
        assertEquals(0, db.count("select count(*) from plan where code = 'T-NUL'"));
    }

    @Test
    void extremePagesAndQueriesStayCheap() {
        // An offset past any list is refused outright (it would overflow), not scanned.
        given().header("Authorization", AUDITOR).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/api/plans").then()
                .statusCode(400).body("code", equalTo("INVALID_PAGE"));
        given().header("Authorization", AUDITOR).queryParam("page", Integer.MAX_VALUE).queryParam("size", 500).get("/api/agencies").then()
                .statusCode(400).body("code", equalTo("INVALID_PAGE"));
        given().header("Authorization", AUDITOR).queryParam("page", 4_000_000).queryParam("size", 500).get("/api/plans").then()
                .statusCode(200).body("items.size()", equalTo(0));
        String manyWords = String.join(" ", Collections.nCopies(700, "a b"));
        given().header("Authorization", AUDITOR).queryParam("q", manyWords).get("/api/plans").then().statusCode(lessThan(500));
        given().queryParam("q", "x".repeat(3_000)).get("/api/public/plans").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", AUDITOR).get("/api/plans/" + "9".repeat(40)).then().statusCode(404);
        given().header("Authorization", AUDITOR).get("/api/plans/999999999999999999").then().statusCode(404);
        given().header("Authorization", AUDITOR).get("/api/plans/1/versions/-1").then().statusCode(404);
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body("[".repeat(3000) + "]".repeat(3000))
                .post("/api/plans").then().statusCode(400);
        given().header("Authorization", DOLISA).contentType(ContentType.JSON).body("{\"code\":\"T-BIG\",\"periodFrom\":12345678901234567890123}")
                .post("/api/plans").then().statusCode(400);
        given().header("Authorization", DOLISA).header("If-Match", "*").contentType(ContentType.JSON).body("[]")
                .post("/api/plans/1/issue").then().statusCode(lessThan(500));
    }
}
