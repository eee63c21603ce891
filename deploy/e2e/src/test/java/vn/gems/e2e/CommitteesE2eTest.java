package vn.gems.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * People's Committees from the unit registry, through the gateway with real tokens: units change in
 * indicators-service, plans-service follows its change feed and its committees appear, are renamed and retire with
 * the successor's committee as holder. Also the demo's committees: Huế's 2025 wards, TTH-HUE-PC retired with its
 * unit, the 2020 merger of Tây Trà into Trà Bồng, and the commune officer's token.
 */
@ExtendWith(E2eSuite.class)
class CommitteesE2eTest {

    private static final Duration FOLLOW = Duration.ofSeconds(90);

    @Test
    void theDemoCommitteesFollowTheirUnits() {
        String reader = bearer("health.reporter");
        // TTH-HUE-PC was registered by hand for the provincial city abolished on 2025-07-01
        await().atMost(FOLLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().header("Authorization", reader).get(gateway() + "/api/agencies/TTH-HUE-PC").then().statusCode(200)
                        .body("validTo", equalTo("2025-06-30")).body("successors", contains("PC-VN-46")));
        given().header("Authorization", reader).get(gateway() + "/api/agencies/TTH-HUE-PC/holders").then().statusCode(200)
                .body("code", contains("PC-VN-46"));
        // a ward of Huế's 2025 import, the commune officer's agency
        await().atMost(FOLLOW).untilAsserted(() ->
                given().header("Authorization", reader).get(gateway() + "/api/agencies/PC-VN-46-THUANHOA").then().statusCode(200)
                        .body("nameVi", equalTo("UBND phường Thuận Hóa")).body("kind", equalTo("PEOPLES_COMMITTEE"))
                        .body("unitCode", equalTo("VN-46-THUANHOA")).body("parentCode", equalTo("PC-VN-46")));
        given().header("Authorization", bearer("thuanhoa.officer")).get(gateway() + "/api/me").then().statusCode(200)
                .body("agency", equalTo("PC-VN-46-THUANHOA"));
        // 2019's district committee of Tây Trà (merged into Trà Bồng in 2020) is held today by the province's
        await().atMost(FOLLOW).untilAsserted(() ->
                given().header("Authorization", reader).get(gateway() + "/api/agencies/PC-VN-51-TAYTRA/holders").then().statusCode(200)
                        .body("code", contains("PC-VN-51")));
        given().header("Authorization", reader).get(gateway() + "/api/agencies/PC-VN-51-TAYTRA").then().statusCode(200)
                .body("validTo", equalTo("2020-01-31")).body("successors", contains("PC-VN-51-TRABONG"));
    }

    @Test
    void theRetiredCityCommitteeOwesNo2025ReportItsHolderDoes() throws Exception {
        String code = "E2E-PC-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        // the end-to-end plan of PlansE2eTest, for 2024-2025, with the city's committee (retired 2025-06-30) responsible
        ObjectNode doc = PlansE2eTest.small(code).put("periodFrom", 2024).put("periodTo", 2025);
        ((ObjectNode) doc.at("/objectives/0/targets/0/measures/0")).put("targetYear", 2025);
        ((ObjectNode) doc.at("/objectives/0/targets/0/measures/0/responsibleAgencies/0"))
                .put("agency", "TTH-HUE-PC");
        String plan = doc.toString();
        Response created = given().header("Authorization", bearer("dolisa.officer")).contentType(ContentType.JSON)
                .body(plan).post(gateway() + "/api/plans");
        assertEquals(201, created.statusCode(), created.asString());
        long id = created.jsonPath().getLong("id");
        given().header("Authorization", bearer("dolisa.officer")).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"documentNumber\":\"E2E-PC/KH-UBND\",\"issueDate\":\"2024-03-01\"}")
                .post(gateway() + "/api/plans/" + id + "/issue").then().statusCode(200);
        String dolisa = bearer("dolisa.officer");
        await().atMost(FOLLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath o = given().header("Authorization", dolisa)
                    .get(gateway() + "/api/reports/obligations?view=received&size=500&planId=" + id).then().statusCode(200).extract().jsonPath();
            // 2024: the city's committee itself (due 30/11/2024, it existed until 30/06/2025); 2025: the province's
            assertEquals("TTH-HUE-PC", o.getString("items.find { it.period == '2024' }.agency"), o.prettify());
            assertEquals("PC-VN-46", o.getString("items.find { it.period == '2025' }.agency"), o.prettify());
            assertEquals(List.of(), o.getList("items.findAll { it.period == '2025' && it.agency == 'TTH-HUE-PC' }"));
        });
    }

    @Test
    void aUnitChangedInIndicatorsServiceChangesItsCommitteeInPlansService() {
        String admin = bearer("gems.admin");
        String reader = bearer("health.reporter");
        String p = "VN-E" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        // a province of the test's own (ended 2025-12-31, so today's lists stay the demo's) with two communes
        given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                {"code":"%s","nameVi":"Tỉnh Đầu Cuối","nameEn":"End-to-end Province","level":"PROVINCE","parentCode":"VN",
                 "validFrom":"2000-01-01","validTo":"2025-12-31"}""".formatted(p)).post(gateway() + "/api/units").then().statusCode(201);
        for (String c : List.of("A", "B")) {
            given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                    {"code":"%s-%s","nameVi":"Xã %s","nameEn":"%s Commune","level":"COMMUNE","parentCode":"%s","validFrom":"2000-01-01"}"""
                    .formatted(p, c, c, c, p)).post(gateway() + "/api/units").then().statusCode(201);
        }
        await().atMost(FOLLOW).untilAsserted(() ->
                given().header("Authorization", reader).get(gateway() + "/api/agencies/PC-" + p + "-A").then().statusCode(200)
                        .body("nameVi", equalTo("UBND xã A")).body("parentCode", equalTo("PC-" + p)).body("validTo", nullValue()));

        // renamed in 2020, then A and B merged into a new commune by a province import on 2025-07-01
        given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                {"kind":"RENAME","effectiveDate":"2020-01-01","from":["%s-A"],"newNameVi":"Xã An","newNameEn":"An Commune"}""".formatted(p))
                .post(gateway() + "/api/unit-events").then().statusCode(201);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                {"validFrom":"2025-07-01","communes":[{"code":"%1$s-AB","nameVi":"Xã An Bình","nameEn":"An Binh Commune",
                 "predecessors":["%1$s-A","%1$s-B"]}]}""".formatted(p))
                .post(gateway() + "/api/units/" + p + "/import").then().statusCode(200).body("created", contains(p + "-AB"))
                .body("mergesRecorded", equalTo(1));

        await().atMost(FOLLOW).untilAsserted(() ->
                given().header("Authorization", reader).get(gateway() + "/api/agencies/PC-" + p + "-A").then().statusCode(200)
                        .body("nameVi", equalTo("UBND xã An")).body("validTo", equalTo("2025-06-30"))
                        .body("successors", contains("PC-" + p + "-AB")));
        given().header("Authorization", reader).get(gateway() + "/api/agencies/PC-" + p + "-B/holders").then().statusCode(200)
                .body("code", contains("PC-" + p + "-AB"));
        given().header("Authorization", reader).get(gateway() + "/api/agencies/PC-" + p + "-A/history").then().statusCode(200)
                .body("action", contains("CREATED", "RENAMED", "RETIRED"));

        // the feed itself, as another system following the units reads it
        JsonPath feed = given().header("Authorization", reader).get(gateway() + "/api/unit-changes?after=0&size=500").then().statusCode(200)
                .extract().jsonPath();
        long head = feed.getLong("head");
        JsonPath tail = given().header("Authorization", reader).get(gateway() + "/api/unit-changes?after=" + (head - 3) + "&size=500")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("CREATED", "MERGED", "MERGED"), tail.getList("items.type"));
        assertEquals(List.of(p + "-AB", p + "-A", p + "-B"), tail.getList("items.unitCode"));
        given().get(gateway() + "/api/unit-changes").then().statusCode(401);
        given().header("Authorization", reader).contentType(ContentType.JSON).body("{\"communes\":[]}")
                .post(gateway() + "/api/units/" + p + "/import").then().statusCode(403);
    }
}
