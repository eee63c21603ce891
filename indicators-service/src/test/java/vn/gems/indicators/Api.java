package vn.gems.indicators;

import io.restassured.response.ValidatableResponse;
import vn.gems.common.testing.TestTokens;

import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;

/** Tokens of the demo realm's people and services, and request shortcuts shared by the tests. */
public final class Api {

    public static final String ADMIN = Demo.ADMIN;
    public static final String STATS = TestTokens.bearer("stats.officer", "TTH-STATS", "reporter", "stats-pusher");
    public static final String HEALTH = TestTokens.bearer("health.reporter", "TTH-DOH", "reporter");
    public static final String DOLISA = TestTokens.bearer("dolisa.officer", "TTH-DOLISA", "plan-manager", "reviewer", "reporter");
    public static final String QNG = TestTokens.bearer("qng.officer", "QNG-DOLISA", "plan-manager", "reviewer", "reporter");
    public static final String AUDITOR = TestTokens.bearer("auditor.tth", "TTH-PC", "auditor");
    public static final String REPORTING_SERVICE = TestTokens.bearer("service-account-reporting-service", null, "gems-service");

    private Api() {
    }

    /** POSTs a CSV (UTF-8 bytes, as a file would be sent) to the push endpoint. */
    public static ValidatableResponse pushCsv(String token, String csv, String query) {
        return given().header("Authorization", token).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/values/pushes" + query).then();
    }

    public static ValidatableResponse push(String token, String contentType, byte[] body, String query) {
        return given().header("Authorization", token).contentType(contentType).body(body).post("/api/values/pushes" + query).then();
    }

    /** Polls a push's job until it is SUCCEEDED or FAILED (a minute at most). */
    public static void awaitEnd(String location, String token) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = given().header("Authorization", token).get(location).then().statusCode(200).extract().path("status");
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        });
    }
}
