package vn.gems.indicators.rest;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Units with history: the demo's 2025 restructuring as the API shows it, and the rules events follow. */
@QuarkusTest
class UnitTest {

    @BeforeEach
    void data() {
        Demo.load();
    }

    @Test
    void renamedProvinceKeepsItsCodeAndShowsTheNameOfTheDate() {
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-46?asOf=2024-06-01").then().statusCode(200)
                .body("name", equalTo("Tỉnh Thừa Thiên Huế")).body("level", equalTo("PROVINCE")).body("parent", equalTo("VN"))
                .body("validFrom", equalTo("1989-07-01")).body("validTo", nullValue());
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-46?asOf=2026-01-01").then().statusCode(200)
                .body("name", equalTo("Thành phố Huế")).body("nameEn", equalTo("Hue City"))
                .body("names.validTo", contains("2024-12-31", null)).body("predecessors", hasItem("VN-46-HUE"));
    }

    @Test
    void the2025MergersAreReadableOverTheApi() {
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-62").then().statusCode(200)
                .body("validTo", equalTo("2025-06-30")).body("active", equalTo(false)).body("successors", contains("VN-51"));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51").then().statusCode(200)
                .body("predecessors", containsInAnyOrder("VN-51-STI", "VN-62")).body("active", equalTo(true));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51-STI-TINHBAC").then().statusCode(200)
                .body("parents.parentCode", contains("VN-51-STI", "VN-51")).body("parents[0].validTo", equalTo("2025-06-30"));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/children?asOf=2026-01-01").then().statusCode(200)
                .body("code", containsInAnyOrder("VN-51-SONTINH", "VN-51-STI-TINHBAC", "VN-62-KTC-QUYETTHANG"));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/children?asOf=2024-01-01").then().statusCode(200)
                .body("code", contains("VN-51-STI"));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/territory?asOf=2026-01-01").then().statusCode(200)
                .body("", hasItems("VN-51", "VN-62", "VN-62-KTC", "VN-62-KTC-QUYETTHANG", "VN-51-STI", "VN-51-STI-TINHHA", "VN-51-SONTINH"));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/territory?asOf=2024-01-01").then().statusCode(200)
                .body("", not(hasItem("VN-62")));
        // with a level: the units at that level existing on the date (what a UNIT_COMMITTEES rule's due date names)
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/territory?asOf=2024-01-01&level=DISTRICT").then().statusCode(200)
                .body("", hasItem("VN-51-STI")).body("", not(hasItem("VN-62-KTC"))).body("", not(hasItem("VN-51")));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/territory?asOf=2026-01-01&level=DISTRICT").then().statusCode(200)
                .body("", not(hasItem("VN-51-STI"))).body("", not(hasItem("VN-62-KTC")));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/territory?asOf=2026-01-01&level=COMMUNE").then().statusCode(200)
                .body("", hasItems("VN-51-STI-TINHBAC", "VN-62-KTC-QUYETTHANG")).body("", not(hasItem("VN-51-STI")));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-51/territory?level=HAMLET").then().statusCode(400);
        given().header("Authorization", Api.HEALTH).get("/api/unit-events?unit=VN-62").then().statusCode(200)
                .body("kind", contains("MERGE", "MERGE")).body("[1].legalBasis", equalTo("Nghị quyết 202/2025/QH15 ngày 12/6/2025"))
                .body("[1].moved", contains("VN-62-KTC-QUYETTHANG"));
        given().header("Authorization", Api.HEALTH).get("/api/units?level=PROVINCE&asOf=2026-01-01").then().statusCode(200)
                .body("items.code", contains("VN-01", "VN-42", "VN-46", "VN-51"));
        given().header("Authorization", Api.HEALTH).get("/api/units?level=PROVINCE&asOf=2024-01-01").then().statusCode(200)
                .body("items.code", hasItem("VN-62"));
        given().header("Authorization", Api.HEALTH).get("/api/units/VN-99").then().statusCode(404);
    }

    @Test
    void eventsFollowTheRules() {
        // re-applying a recorded event is a conflict (the demo loader counts it as already loaded)
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"MERGE\",\"effectiveDate\":\"2025-07-01\",\"from\":[\"VN-62\"],\"to\":[\"VN-51\"]}")
                .post("/api/unit-events").then().statusCode(409).body("code", equalTo("EVENT_EXISTS"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"MERGE\",\"effectiveDate\":\"2026-01-01\",\"from\":[\"VN-42\",\"VN-77\"],\"to\":[\"VN-01\"]}")
                .post("/api/unit-events").then().statusCode(422).body("errors[0].field", equalTo("from[1]"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"MERGE\",\"effectiveDate\":\"2026-01-01\",\"from\":[\"VN-42\"],\"to\":[\"VN-01\",\"VN-46\"]}")
                .post("/api/unit-events").then().statusCode(422).body("code", equalTo("ONE_UNIT_EXPECTED"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"RENAME\",\"effectiveDate\":\"2026-01-01\",\"from\":[\"VN-42\"]}")
                .post("/api/unit-events").then().statusCode(422).body("code", equalTo("NEW_NAME_REQUIRED"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"REPARENT\",\"effectiveDate\":\"2026-01-01\",\"from\":[\"VN-46\"],\"to\":[\"VN-46-THUANHOA\"]}")
                .post("/api/unit-events").then().statusCode(422).body("code", equalTo("INVALID_PARENT_LEVEL"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"kind\":\"SPLIT\",\"effectiveDate\":\"2026-01-01\",\"from\":[\"VN-46\"],\"to\":[\"VN-01\"]}")
                .post("/api/unit-events").then().statusCode(422).body("code", equalTo("ORPHANED_CHILDREN"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body("{\"kind\":\"RENAME\",\"effectiveDate\":\"2026-01-01\",\"from\":[\"VN-42\"],\"newNameVi\":\"X\",\"newNameEn\":\"X\"}")
                .post("/api/unit-events").then().statusCode(403);
    }

    @Test
    void unitsAreCreatedUnderAValidParent() {
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"VN-42-TEST\",\"nameVi\":\"Xã Thử\",\"nameEn\":\"Test Commune\",\"level\":\"COMMUNE\",\"parentCode\":\"VN-42\",\"validFrom\":\"2025-07-01\"}")
                .post("/api/units").then().statusCode(201).header("ETag", "\"0\"").body("parent", equalTo("VN-42"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"VN-42-TEST\",\"nameVi\":\"Xã Thử\",\"nameEn\":\"Test Commune\",\"level\":\"COMMUNE\",\"parentCode\":\"VN-42\",\"validFrom\":\"2025-07-01\"}")
                .post("/api/units").then().statusCode(409).body("code", equalTo("UNIT_EXISTS"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"VN-62-NEW\",\"nameVi\":\"Xã Mới\",\"nameEn\":\"New\",\"level\":\"COMMUNE\",\"parentCode\":\"VN-62\",\"validFrom\":\"2026-01-01\"}")
                .post("/api/units").then().statusCode(422).body("code", equalTo("PARENT_NOT_VALID"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"VN-99\",\"nameVi\":\"Tỉnh\",\"nameEn\":\"Province\",\"level\":\"PROVINCE\",\"validFrom\":\"2026-01-01\"}")
                .post("/api/units").then().statusCode(422).body("code", equalTo("PARENT_REQUIRED"));
        given().header("Authorization", Api.ADMIN).contentType(ContentType.JSON).body("{\"code\":\"x\"}")
                .post("/api/units").then().statusCode(400).body("errors.field", hasItem("level")).body("errors.field", hasItem("validFrom"));
        given().header("Authorization", Api.HEALTH).contentType(ContentType.JSON)
                .body("{\"code\":\"VN-42-NOPE\",\"nameVi\":\"X\",\"nameEn\":\"X\",\"level\":\"COMMUNE\",\"parentCode\":\"VN-42\",\"validFrom\":\"2025-07-01\"}")
                .post("/api/units").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/api/units").then().statusCode(401);
    }
}
