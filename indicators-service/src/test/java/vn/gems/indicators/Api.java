package vn.gems.indicators;

import io.restassured.response.ValidatableResponse;
import vn.gems.common.testing.TestTokens;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;

/** Tokens of the demo realm's people and services, and request shortcuts shared by the tests. */
final class Api {

    static final String ADMIN = Demo.ADMIN;
    static final String STATS = TestTokens.bearer("stats.officer", "TTH-STATS", "reporter", "stats-pusher");
    static final String HEALTH = TestTokens.bearer("health.reporter", "TTH-DOH", "reporter");
    static final String DOLISA = TestTokens.bearer("dolisa.officer", "TTH-DOLISA", "plan-manager", "reviewer", "reporter");
    static final String QNG = TestTokens.bearer("qng.officer", "QNG-DOLISA", "plan-manager", "reviewer", "reporter");
    static final String AUDITOR = TestTokens.bearer("auditor.tth", "TTH-PC", "auditor");
    static final String REPORTING_SERVICE = TestTokens.bearer("service-account-reporting-service", null, "gems-service");

    private Api() {
    }

    /** POSTs a CSV (UTF-8 bytes, as a file would be sent) to the push endpoint. */
    static ValidatableResponse pushCsv(String token, String csv, String query) {
        return given().header("Authorization", token).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/values/pushes" + query).then();
    }

    static ValidatableResponse push(String token, String contentType, byte[] body, String query) {
        return given().header("Authorization", token).contentType(contentType).body(body).post("/api/values/pushes" + query).then();
    }
}
