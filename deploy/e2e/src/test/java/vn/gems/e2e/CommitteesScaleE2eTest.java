package vn.gems.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * The units and committees half of issue 13's scale figure, through the gateway: the country after the reform —
 * 34 provinces, 3,300 communes — imported one province per call, and the time until plans-service has followed the
 * feed to all 3,334 committees. Off unless {@code -Dgems.bench.committees=true} (it adds 3,334 units and agencies to
 * the shared suite); prints its figures (README "Figures").
 */
@ExtendWith(E2eSuite.class)
class CommitteesScaleE2eTest {

    static final int PROVINCES = 34;
    static final int COMMUNES = 3300;

    @Test
    void theWholeCountryIsImportedAndEveryCommitteeFollows() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("gems.bench.committees"), "benchmark: -Dgems.bench.committees=true");
        String admin = bearer("gems.admin");
        String run = Long.toString(System.nanoTime() % 1_000_000L, 36).toUpperCase();
        long feedHead = head(admin);
        long start = System.nanoTime();
        List<Long> importMs = new ArrayList<>();
        int made = 0;
        for (int p = 0; p < PROVINCES; p++) {
            String province = "VN-S" + run + "-" + p;
            given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                    {"code":"%s","nameVi":"Tỉnh Đo %d","nameEn":"Bench Province %d","level":"PROVINCE","parentCode":"VN","validFrom":"2025-07-01"}"""
                    .formatted(province, p, p)).post(gateway() + "/api/units").then().statusCode(201);
            int n = COMMUNES / PROVINCES + (p < COMMUNES % PROVINCES ? 1 : 0);
            StringBuilder body = new StringBuilder("{\"validFrom\":\"2025-07-01\",\"communes\":[");
            for (int c = 0; c < n; c++) {
                body.append(c == 0 ? "" : ",").append("{\"code\":\"").append(province).append("-C").append(c)
                        .append("\",\"nameVi\":\"Xã Đo ").append(c).append("\",\"nameEn\":\"Bench Commune ").append(c)
                        .append("\",\"note\":\"illustrative\"}");
            }
            body.append("]}");
            long t = System.nanoTime();
            Response r = given().header("Authorization", admin).contentType(ContentType.JSON).body(body.toString())
                    .post(gateway() + "/api/units/" + province + "/import");
            importMs.add((System.nanoTime() - t) / 1_000_000);
            assertEquals(200, r.statusCode(), r.asString());
            made += n;
        }
        long imported = System.nanoTime();
        String last = "PC-VN-S" + run + "-" + (PROVINCES - 1) + "-C" + (COMMUNES / PROVINCES - 1);
        String reader = bearer("health.reporter");
        E2eSuite.await("committee " + last, Duration.ofMinutes(10), () -> given().header("Authorization", reader)
                .get(gateway() + "/api/agencies/" + last).statusCode() == 200);
        long followed = System.nanoTime();
        long committees = given().header("Authorization", reader)
                .get(gateway() + "/api/agencies?kind=PEOPLES_COMMITTEE&size=1&q=" + ("PC-VN-S" + run).toLowerCase())
                .then().statusCode(200).extract().jsonPath().getLong("total");
        Collections.sort(importMs);
        System.out.printf("""
                committees scale: %d provinces, %d communes, %d feed entries
                  province imports (one call each, ~%d communes): total %.1f s, median %d ms, max %d ms
                  plans-service followed to the last committee %.1f s after the last import; %d committees of the run found
                """, PROVINCES, made, head(admin) - feedHead, COMMUNES / PROVINCES, (imported - start) / 1e9,
                importMs.get(importMs.size() / 2), importMs.get(importMs.size() - 1), (followed - imported) / 1e9, committees);
        assertEquals(PROVINCES + made, committees);
    }

    private static long head(String token) {
        return given().header("Authorization", token).get(gateway() + "/api/unit-changes?size=1").then().statusCode(200)
                .extract().jsonPath().getLong("head");
    }
}
