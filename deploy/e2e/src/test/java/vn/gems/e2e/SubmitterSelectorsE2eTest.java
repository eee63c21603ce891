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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Issue 13.2 through the gateway with real tokens: a UNIT_COMMITTEES rule of Huế's department of labour names the
 * People's Committees of Huế's communes as they stood on the due date (30/11/2025, after the July 2025 reform), one
 * obligation each; the officer of Thuận Hóa ward's committee sees its obligation and files it; the receiving
 * department's consolidation counts it. Independent of the other classes: it issues a plan of its own.
 */
@ExtendWith(E2eSuite.class)
class SubmitterSelectorsE2eTest {

    private static final Duration GENERATION = Duration.ofSeconds(90);

    @Test
    void aUnitCommitteesRuleReachesEveryCommuneOfTheDueDateAndACommuneFilesItsReport() throws Exception {
        String dolisa = bearer("dolisa.officer");
        String code = "E2E-SEL-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        ObjectNode doc = PlansE2eTest.small(code);
        ObjectNode rule = (ObjectNode) doc.at("/reportingRules/0");
        rule.put("fromYear", 2025).put("toYear", 2025).put("coverage", "NARRATIVE_ONLY").put("title", "Báo cáo của UBND các xã, phường");
        rule.putObject("submitters").put("mode", "UNIT_COMMITTEES").put("unit", "VN-46").put("level", "COMMUNE");
        Response created = given().header("Authorization", dolisa).contentType(ContentType.JSON).body(doc.toString()).post(gateway() + "/api/plans");
        assertEquals(201, created.statusCode(), created.asString());
        long id = created.jsonPath().getLong("id");
        given().header("Authorization", dolisa).header("If-Match", created.header("ETag")).contentType(ContentType.JSON)
                .body("{\"documentNumber\":\"" + code + "/KH-SLĐTBXH\",\"issueDate\":\"2025-01-15\"}")
                .post(gateway() + "/api/plans/" + id + "/issue").then().statusCode(200);

        // Huế's communes on 30/11/2025 as indicators-service answers them: the 13 wards and communes of the demo's
        // 2025 import (hue-communes-2025.json); the old wards merged into them on 1/7/2025 are not among them.
        List<String> communes = given().header("Authorization", dolisa)
                .get(gateway() + "/api/units/VN-46/territory?asOf=2025-11-30&level=COMMUNE").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(13, communes.size(), String.valueOf(communes));
        assertTrue(communes.contains("VN-46-THUANHOA") && !communes.contains("VN-46-HUE-PHUHOI"), String.valueOf(communes));
        List<String> committees = communes.stream().map(c -> "PC-" + c).sorted().toList();

        // One obligation per commune's People's Committee, due 30/11/2025, to DOLISA; none for DOLISA itself.
        await().atMost(GENERATION).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath o = given().header("Authorization", dolisa)
                    .get(gateway() + "/api/reports/obligations?view=received&size=500&planId=" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(committees, o.getList("items.agency", String.class).stream().sorted().toList(), o.prettify());
        });

        // The ward's officer sees its one obligation and files its report.
        String ward = bearer("thuanhoa.officer");
        JsonPath mine = given().header("Authorization", ward).get(gateway() + "/api/reports/obligations?planId=" + id).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].agency", equalTo("PC-VN-46-THUANHOA"))
                .body("items[0].required", equalTo(true)).body("items[0].dueDate", equalTo("2025-11-30"))
                .body("items[0].receivingAgency", equalTo("TTH-DOLISA")).body("items[0].unitCode", equalTo("VN-46-THUANHOA"))
                .extract().jsonPath();
        long obligation = mine.getLong("items[0].id");
        long report = given().header("Authorization", ward).header("Idempotency-Key", "e2e-sel-" + code).contentType(ContentType.JSON)
                .body("{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Phường Thuận Hóa đã tổ chức 6 buổi truyền thông về bình đẳng giới.\"}]}")
                .post(gateway() + "/api/reports/obligations/" + obligation + "/report").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", ward).header("Idempotency-Key", "e2e-sel-submit-" + code)
                .post(gateway() + "/api/reports/submissions/" + report + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        // another agency's reporter cannot file it
        given().header("Authorization", bearer("health.reporter")).contentType(ContentType.JSON).body("{}")
                .post(gateway() + "/api/reports/obligations/" + obligation + "/report").then().statusCode(403);

        // DOLISA's consolidation: 13 expected, 1 submitted (late: filed after 30/11/2025), 12 missing.
        JsonPath c = given().header("Authorization", dolisa).get(gateway() + "/api/reports/plans/" + id + "/consolidation?period=2025")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(13, c.getInt("completeness.expected"));
        assertEquals(1, c.getInt("completeness.submitted"));
        assertEquals(12, c.getInt("completeness.missing"));
        assertEquals("SUBMITTED", c.getString("agencies.find { it.agency == 'PC-VN-46-THUANHOA' }.state"));
        assertEquals(0, c.getInt("invited.invited"));
    }
}
