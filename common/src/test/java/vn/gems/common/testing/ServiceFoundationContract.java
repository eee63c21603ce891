package vn.gems.common.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every data service promises from the foundation on: tokens are checked (401 problem without or
 * with a bad one), the agency claim arrives, errors are problem+json with a request id, health covers the
 * database, and OpenAPI and metrics are published. A service test extends this and names the service.
 */
public abstract class ServiceFoundationContract {

    protected abstract String serviceName();

    @Test
    void noTokenIs401Problem() {
        given().get("/api/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/me"));
    }

    @Test
    void expiredTokenIs401() {
        String token = TestTokens.builder("late", "TTH-DOH", "reporter")
                .issuedAt(1_600_000_000L).expiresAt(1_600_000_600L).sign(TestTokens.privateKey());
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void tokenOfAnotherIssuerIs401() {
        String token = TestTokens.builder("x", "TTH-DOH", "admin").issuer("https://evil.example/realms/gems")
                .sign(TestTokens.privateKey());
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
    }

    @Test
    void agencyClaimArrives() {
        given().header("Authorization", TestTokens.bearer("health.reporter", "TTH-DOH", "reporter"))
                .get("/api/me").then().statusCode(200)
                .body("service", equalTo(serviceName()))
                .body("agency", equalTo("TTH-DOH"))
                .body("roles", hasItem("reporter"));
    }

    @Test
    void unknownPathIsProblemWithRequestId() {
        given().header("Authorization", TestTokens.bearer("a", "TTH-DOH", "reporter"))
                .header("X-Request-Id", "req-42")
                .get("/api/does-not-exist").then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", "req-42")
                .body("code", equalTo("NOT_FOUND")).body("requestId", equalTo("req-42"));
    }

    @Test
    void readinessCoversTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiAndMetricsArePublished() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("GEMS " + serviceName()))
                .body("info.version", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
