package vn.gems.plans.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;
import vn.gems.plans.TestData;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/**
 * Issue 13.4/13.7: the demo's 2026 plan tree loads through the API as the manifest loads it: the national strategy
 * (28/NQ-CP) at the root, led by the Ministry of Home Affairs, and the two provinces' 2026 plans under it.
 */
@QuarkusTest
class ChainPlansTest {

    static final String MOHA = TestTokens.bearer("moha.officer", "VN-MOHA", "plan-manager", "reviewer", "reporter");
    static final String DOHA = TestTokens.bearer("doha.officer", "TTH-DOHA", "plan-manager", "reviewer", "reporter");

    @Test
    void theNationalStrategyIsTheRootOfTheProvincesPlans() {
        TestData.agencies();
        TestData.importPlan("vn-28-2021", MOHA);
        TestData.issueIfDraft("VN-28-NQ-CP-2021", MOHA);
        // qng-2026's annex rule names two commune committees; in the suite the unit feed makes them, here the admin does.
        committee("PC-VN-51-SONTINH", "Ủy ban nhân dân xã Sơn Tịnh", "Son Tinh Commune People's Committee", "VN-51-SONTINH", "2025-07-01");
        committee("PC-VN-51-STI-TINHHA", "Ủy ban nhân dân xã Tịnh Hà", "Tinh Ha Commune People's Committee", "VN-51-STI-TINHHA", "1989-07-01");
        TestData.importPlan("qng-2026", TestData.ADMIN);
        TestData.issueIfDraft("QNG-BDG-2026", TestData.ADMIN);
        given().header("Authorization", MOHA).get("/api/plans/VN-28-NQ-CP-2021").then().statusCode(200)
                .body("kind", equalTo("NATIONAL_STRATEGY")).body("status", equalTo("ISSUED")).body("leadAgency", equalTo("VN-MOHA"))
                .body("objectives.collect { it.targets.size() }.sum()", equalTo(20))
                .body("reportingRules[0].submitters.mode", equalTo("CHILD_PLANS"))
                .body("childPlans.code", hasItems("QNG-BDG-2026"));
    }

    private static void committee(String code, String nameVi, String nameEn, String unit, String from) {
        given().header("Authorization", TestData.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameVi", nameVi, "nameEn", nameEn, "kind", "PEOPLES_COMMITTEE", "unitCode", unit, "validFrom", from))
                .post("/api/agencies").then().statusCode(anyOf(is(201), is(409)));
    }

    @Test
    void hueCommunesReportUnderTheNationalStrategy() {
        TestData.agencies();
        TestData.importPlan("vn-28-2021", MOHA);
        TestData.issueIfDraft("VN-28-NQ-CP-2021", MOHA);
        TestData.importPlan("tth-2026", DOHA);
        TestData.issueIfDraft("TTH-BDG-2026", DOHA);
        given().header("Authorization", DOHA).get("/api/plans/TTH-BDG-2026").then().statusCode(200)
                .body("parentPlan", equalTo("VN-28-NQ-CP-2021"))
                .body("reportingRules[1].submitters.mode", equalTo("UNIT_COMMITTEES"))
                .body("reportingRules[1].submitters.level", equalTo("COMMUNE"))
                .body("reportingRules[1].submitters.invited", hasItems("TTH-WU"));
        given().header("Authorization", MOHA).get("/api/plans/VN-28-NQ-CP-2021").then().statusCode(200)
                .body("childPlans.code", hasItems("TTH-BDG-2026"));
    }
}
