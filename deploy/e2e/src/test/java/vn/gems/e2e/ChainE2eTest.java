package vn.gems.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.launcher.DemoLoader;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Issue 13.4 and 13.7: the 2026 chain commune → province → ministry of the demo, through the gateway with real
 * tokens. It loads the demo's {@code chain-2026} steps itself (the suite loads no samples): the national strategy
 * (28/NQ-CP, lead: the Ministry of Home Affairs), Huế's 2026 plan under it (Health, the 13 wards and communes of
 * 2025 required, the Women's Union invited; the ward of Thuận Hóa's plan under it) and Quảng Ngãi's (Health). Then,
 * as worked out by hand below:
 * <pre>
 * Huế (receiver TTH-DOHA, period 2026, due 30/11/2026 — passed when this runs, in December 2026 or later):
 *   Health: due extended to a month ahead, then files (demo step)               → ON_TIME   (required)
 *   11 wards/communes: due extended, then file                                  → ON_TIME   (required)
 *   Thuận Hóa: files after 30/11 (demo step)                                    → LATE      (required)
 *   Minh Hóa: never files                                                        → MISSING   (required)
 *   Women's Union: files (demo step)                                             → invited, counted apart
 *   obligations 15 = 1 + 13 + 1 invited; expected 14; submitted 13; on time 12; late 1; missing 1
 * Quảng Ngãi (receiver QNG-DOHA, due 30/11/2026): Health (R1) and, by its plan's annex list (R2), the communes Sơn
 *   Tịnh and Tịnh Hà. Tịnh Hà merged into Sơn Tịnh on 01/07/2025 (its committee retired 30/06/2025, Sơn Tịnh's the
 *   holder), before the due date: its obligation is Sơn Tịnh's and counts once, as Sơn Tịnh's (countedAsSuccessor).
 *   obligations 3 (QNG-DOH, PC-VN-51-SONTINH twice); nobody files → expected 2; missing 2
 * Ministry (receiver VN-MOHA, rule R1 CHILD_PLANS, due 10/12/2026): 2 obligations for 2026 (one per province)
 *   Huế's Home Affairs files its report prefilled from its consolidation       → ON_TIME until 10/12, else LATE
 *   Quảng Ngãi never files                                                       → PENDING until 10/12, else MISSING
 *   expected 2; submitted 1; accepted 1 (the ministry accepts Huế's)
 * National roll-up of O4-T1-M1 (sex ratio at birth, births by sex): Health's 6,900 girls and 7,521 boys at VN-46,
 *   the only 2026 births in the country → 6,900 / 7,521 at VN and in the provinces' sum. Figures count the territory
 *   of the due date (territoryAsOf: Huế's 30/11/2026, the ministry's 10/12/2026; timeliness stays today's). No unit
 *   of the demo changed after 01/07/2025, so VN-46 and VN hold on those dates what they hold today: the same figures.
 * Huế's consolidation lists its report to the ministry (under the national plan) among its reports upward.
 * </pre>
 */
@ExtendWith(E2eSuite.class)
class ChainE2eTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PERIOD = "2026";
    static final Duration FOLLOW = Duration.ofSeconds(120);
    /** The wards and communes that file on time after an extension; Thuận Hóa files late, Minh Hóa never. */
    static final List<String> ON_TIME = List.of("KIMLONG", "PHUXUAN", "VYDA", "ANCUU", "THUYXUAN", "HUONGAN", "THUANAN", "PHUBAI",
            "XAPHUVANG", "XAQUANGDIEN", "ALUOI1");

    static String url(String path) {
        return gateway() + path;
    }

    static long planId(String code) {
        return given().header("Authorization", bearer("gems.admin")).get(url("/api/plans/" + code)).then().statusCode(200)
                .extract().jsonPath().getLong("id");
    }

    static JsonPath received(String user, long planId) {
        return obligations(user, "received", planId);
    }

    static JsonPath obligations(String user, String view, long planId) {
        return given().header("Authorization", bearer(user)).get(url("/api/reports/obligations?view=" + view + "&size=500&planId=" + planId
                + "&period=" + PERIOD)).then().statusCode(200).extract().jsonPath();
    }

    static void extend(long obligation, LocalDate to) {
        String etag = given().header("Authorization", bearer("doha.officer")).get(url("/api/reports/obligations/" + obligation))
                .then().statusCode(200).extract().header("ETag");
        Response r = given().header("Authorization", bearer("doha.officer")).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"dueDate\":\"" + to + "\",\"reason\":\"Chờ kiện toàn bộ máy sau sắp xếp đơn vị hành chính\"}")
                .post(url("/api/reports/obligations/" + obligation + "/extension"));
        assertEquals(200, r.statusCode(), r.asString());
    }

    static JsonPath consolidation(String user, long planId) {
        return given().header("Authorization", bearer(user)).get(url("/api/reports/plans/" + planId + "/consolidation?period=" + PERIOD))
                .then().statusCode(200).extract().jsonPath();
    }

    /** A completeness block as expected, submitted, on time, late, missing, pending, accepted. */
    static List<Integer> counts(JsonPath c, String at) {
        return List.of("expected", "submitted", "onTime", "late", "missing", "pending", "accepted").stream()
                .map(k -> c.getInt(at + "." + k)).toList();
    }

    static void accept(String reviewer, long report) {
        String etag = given().header("Authorization", bearer(reviewer)).get(url("/api/reports/submissions/" + report)).then().statusCode(200)
                .extract().header("ETag");
        given().header("Authorization", bearer(reviewer)).header("If-Match", etag).contentType(ContentType.JSON).body("{}")
                .post(url("/api/reports/submissions/" + report + "/accept")).then().statusCode(200);
    }

    @Test
    void theChainFromCommuneToMinistry() throws Exception {
        LocalDate today = LocalDate.now(VIETNAM);
        assertTrue(today.isAfter(LocalDate.of(2026, 11, 30)), "the hand-worked numbers assume the communes' due date has passed");
        boolean ministryDuePassed = today.isAfter(LocalDate.of(2026, 12, 10));
        // plans-service makes the wards' committees from indicators-service's unit feed, shortly after the suite
        // starts: this class may run first, so wait for every committee the chain names (Thuận Hóa issues a plan).
        List<String> committees = new ArrayList<>(ON_TIME.stream().map(c -> "PC-VN-46-" + c).toList());
        committees.addAll(List.of("PC-VN-46-THUANHOA", "PC-VN-46-MINHHOA", "PC-VN-51-SONTINH", "PC-VN-51-STI-TINHHA"));
        await().atMost(FOLLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> given().header("Authorization", bearer("gems.admin"))
                .get(url("/api/agencies?size=100&codes=" + String.join(",", committees))).then().statusCode(200)
                .body("items.code", containsInAnyOrder(committees.toArray())));
        DemoLoader loader = new DemoLoader(E2eSuite.config());
        loader.loadGroup("chain-2026");
        long national = planId("VN-28-NQ-CP-2021");
        long hue = planId("TTH-BDG-2026");
        long qng = planId("QNG-BDG-2026");
        // The plan tree: national strategy → the provinces' 2026 plans → a ward's plan under Huế's.
        given().header("Authorization", bearer("moha.officer")).get(url("/api/plans/VN-28-NQ-CP-2021")).then().statusCode(200)
                .body("childPlans.code", hasItems("TTH-BDG-2026", "QNG-BDG-2026"));
        given().header("Authorization", bearer("doha.officer")).get(url("/api/plans/TTH-BDG-2026")).then().statusCode(200)
                .body("parentPlan", equalTo("VN-28-NQ-CP-2021")).body("childPlans.code", hasItems("THUANHOA-BDG-2026"));

        // Obligations per level, once plans-service's events have reached reporting-service.
        await().atMost(FOLLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            // Huế: Health + 13 wards and communes (as the territory stands on 30/11/2026) + the invited Women's Union
            JsonPath h = received("doha.officer", hue);
            assertEquals(15, h.getList("items").size(), h.prettify());
            assertEquals(14, h.getList("items.findAll { it.required }").size());
            assertEquals(List.of("TTH-WU"), h.getList("items.findAll { !it.required }.agency"));
            assertEquals(13, h.getList("items.findAll { it.ruleKey == 'R2' && it.agency.startsWith('PC-VN-46-') }").size());
            // Quảng Ngãi: Health, and Sơn Tịnh twice (its own and the merged Tịnh Hà's, handed over)
            JsonPath q = obligations("gems.admin", "all", qng);
            assertEquals(List.of("PC-VN-51-SONTINH", "PC-VN-51-SONTINH", "QNG-DOH"), q.getList("items.agency").stream().sorted().toList(), q.prettify());
            assertEquals("PC-VN-51-SONTINH", q.getString("items.find { it.assignedAgency == 'PC-VN-51-STI-TINHHA' }.agency"));
            // the ministry: one report per province plan for 2026
            JsonPath n = received("moha.officer", national);
            assertEquals(List.of("QNG-DOHA", "TTH-DOHA"), n.getList("items.agency").stream().sorted().toList(), n.prettify());
        });
        JsonPath h = received("doha.officer", hue);

        // Home Affairs extends Health's and eleven communes' due dates; their officers file on time.
        LocalDate extended = today.plusDays(30);
        extend(h.getLong("items.find { it.agency == 'TTH-DOH' }.id"), extended);
        for (String commune : ON_TIME) {
            String agency = "PC-VN-46-" + commune;
            extend(h.getLong("items.find { it.agency == '" + agency + "' }.id"), extended);
            String user = commune.toLowerCase() + ".chain";
            KeycloakAdmin.ensureUser(user, agency, List.of("reporter"));
            given().header("Authorization", bearer(user)).contentType(ContentType.JSON)
                    .body("{\"planCode\":\"TTH-BDG-2026\",\"ruleKey\":\"R2\",\"period\":\"2026\",\"submit\":true,"
                            + "\"content\":{\"sections\":[{\"kind\":\"RESULTS\",\"text\":\"Đã tổ chức Tháng hành động vì bình đẳng giới.\"}]}}")
                    .post(url("/api/reports/submissions")).then().statusCode(201);
        }
        // The demo's reports: Health (now on time), Thuận Hóa (late), the Women's Union (invited).
        loader.loadGroup("chain-2026-reports");
        long dohReport = received("doha.officer", hue).getLong("items.find { it.agency == 'TTH-DOH' }.reportId");
        accept("doha.officer", dohReport);

        // Huế's consolidation: 14 required, 13 submitted (12 on time, Thuận Hóa late), Minh Hóa missing; the
        // Women's Union apart. Its figures wait for Health's accepted values to reach indicators-service.
        await().atMost(FOLLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath c = consolidation("doha.officer", hue);
            // Null until the values arrive: an assertion, so the wait goes on (getInt would throw and end it).
            Number female = c.get("objectives[0].rows.find { it.measureKey == 'O4-T1-M1' }.female");
            assertNotNull(female, c.prettify());
            assertEquals(6900, female.intValue(), c.prettify());
        });
        JsonPath c = consolidation("doha.officer", hue);
        // expected, submitted, on time, late, missing, pending, accepted
        assertEquals(List.of(14, 13, 12, 1, 1, 0, 1), counts(c, "completeness"));
        assertEquals("LATE", c.getString("agencies.find { it.agency == 'PC-VN-46-THUANHOA' }.timeliness"));
        assertEquals("MISSING", c.getString("agencies.find { it.agency == 'PC-VN-46-MINHHOA' }.timeliness"));
        assertEquals(List.of("TTH-WU"), c.getList("invited.agencies.agency"));
        assertEquals("2026-11-30", c.getString("territoryAsOf"));
        assertEquals(today.toString(), c.getString("asOf"));

        // Huế's report to the ministry starts from that consolidation: Health's narrative, the births by sex.
        long upward = received("moha.officer", national).getLong("items.find { it.agency == 'TTH-DOHA' }.id");
        JsonPath draft = given().header("Authorization", bearer("doha.officer")).contentType(ContentType.JSON)
                .post(url("/api/reports/obligations/" + upward + "/report")).then().statusCode(201).extract().jsonPath();
        long upwardReport = draft.getLong("id");
        // Huế's consolidation lists that report upward though it lives in the national plan, with the report started.
        JsonPath up = consolidation("doha.officer", hue);
        assertEquals(List.of(upward), up.getList("upward.obligationId", Long.class), up.prettify());
        assertEquals(national, up.getLong("upward[0].planId"));
        assertEquals(upwardReport, up.getLong("upward[0].reportId"));
        assertEquals(6900, draft.getInt("draft.values.find { it.measureKey == 'O4-T1-M1' }.female"));
        assertEquals(7521, draft.getInt("draft.values.find { it.measureKey == 'O4-T1-M1' }.male"));
        assertTrue(draft.getString("draft.sections[0].text").startsWith("[Sở Y tế"), draft.prettify());
        given().header("Authorization", bearer("doha.officer")).post(url("/api/reports/submissions/" + upwardReport + "/submit"))
                .then().statusCode(200);
        // A province does not review its own report to the ministry; the ministry does.
        String submittedETag = given().header("Authorization", bearer("doha.officer")).get(url("/api/reports/submissions/" + upwardReport))
                .then().statusCode(200).extract().header("ETag");
        given().header("Authorization", bearer("doha.officer")).header("If-Match", submittedETag).contentType(ContentType.JSON).body("{}")
                .post(url("/api/reports/submissions/" + upwardReport + "/accept")).then().statusCode(403);
        accept("moha.officer", upwardReport);

        // The ministry's consolidation: two provinces, each with its completeness and its own report's timeliness.
        JsonPath m = consolidation("moha.officer", national);
        assertEquals("VN-MOHA", m.getString("receivingAgency"));
        assertEquals(ministryDuePassed ? List.of(2, 1, 0, 1, 1, 0, 1) : List.of(2, 1, 1, 0, 0, 1, 1), counts(m, "completeness"));
        assertEquals(List.of(14, 13, 12, 1, 1, 0, 1), counts(m, "children.find { it.planId == " + hue + " }.completeness"));
        assertEquals(ministryDuePassed ? "LATE" : "ON_TIME", m.getString("children.find { it.planId == " + hue + " }.submission.timeliness"));
        assertEquals(List.of(2, 0, 0, 0, 2, 0, 0), counts(m, "children.find { it.planId == " + qng + " }.completeness"));
        assertEquals("2026-12-10", m.getString("territoryAsOf"));
        // Quảng Ngãi's own consolidation: Tịnh Hà's line kept, counted once as Sơn Tịnh's.
        JsonPath qc = consolidation("gems.admin", qng);
        assertEquals(List.of(2, 0, 0, 0, 2, 0, 0), counts(qc, "completeness"));
        assertEquals(List.of("PC-VN-51-SONTINH"), qc.getList("countedAsSuccessor.agency"), qc.prettify());
        assertEquals(ministryDuePassed ? "MISSING" : "PENDING", m.getString("children.find { it.planId == " + qng + " }.submission.timeliness"));
        // The national roll-up of the national target, at VN and as the provinces' sum.
        assertEquals(6900, m.getInt("objectives.find { it.key == 'O4' }.rows.find { it.measureKey == 'O4-T1-M1' }.female"));
        assertEquals(7521, m.getInt("objectives.find { it.key == 'O4' }.rows.find { it.measureKey == 'O4-T1-M1' }.male"));
        assertEquals(6900, m.getInt("childrenRollup.find { it.measureKey == 'O4-T1-M1' }.female"));
        assertEquals(List.of("VN-46"), m.getList("childrenRollup.find { it.measureKey == 'O4-T1-M1' }.contributingUnits"));

        // Who reads it: the ministry, not a province; nobody without a token.
        given().header("Authorization", bearer("doha.officer"))
                .get(url("/api/reports/plans/" + national + "/consolidation?period=" + PERIOD + "&receivingAgency=VN-MOHA"))
                .then().statusCode(403).body("code", equalTo("NOT_YOUR_CONSOLIDATION"));
        given().get(url("/api/reports/plans/" + national + "/consolidation?period=" + PERIOD)).then().statusCode(401);
    }
}
