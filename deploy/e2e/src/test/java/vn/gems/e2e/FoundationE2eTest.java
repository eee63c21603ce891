package vn.gems.e2e;

import org.awaitility.Awaitility;
import java.time.Duration;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.launcher.SuiteConfig;
import vn.gems.launcher.Tokens;

import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static vn.gems.e2e.E2eSuite.bearer;
import static vn.gems.e2e.E2eSuite.config;
import static vn.gems.e2e.E2eSuite.gateway;

/** The foundation's promises, proven against the real suite with real Keycloak tokens. */
@ExtendWith(E2eSuite.class)
class FoundationE2eTest {

    @Test
    void noTokenThroughTheGatewayIs401Problem() {
        given().get(gateway() + "/api/agencies").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void rightRoleGets200And201() {
        given().header("Authorization", bearer("health.reporter")).get(gateway() + "/api/agencies?size=5").then()
                .statusCode(200).body("items.size()", equalTo(5)).body("total", notNullValue());
        given().header("Authorization", bearer("gems.admin")).contentType(ContentType.JSON)
                .body("""
                        {"code":"E2E-AGENCY","nameVi":"Cơ quan thử nghiệm","nameEn":"Test agency","kind":"OTHER",
                         "unitCode":"VN-46","validFrom":"2024-01-01"}""")
                .post(gateway() + "/api/agencies").then().statusCode(201)
                .header("Location", notNullValue());
    }

    @Test
    void wrongRoleIs403() {
        given().header("Authorization", bearer("health.reporter")).contentType(ContentType.JSON)
                .body("""
                        {"code":"E2E-NOPE","nameVi":"x","nameEn":"x","kind":"OTHER","unitCode":"VN-46","validFrom":"2024-01-01"}""")
                .post(gateway() + "/api/agencies").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().header("Authorization", bearer("gems.admin")).get(gateway() + "/api/agencies/E2E-NOPE").then().statusCode(404);
    }

    @Test
    void tamperedTokenIs401AtTheGateway() {
        String token = E2eSuite.token("health.reporter");
        String[] p = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(p[1])).replace("TTH-DOH", "TTH-DOLISA");
        String forged = p[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + p[2];
        given().header("Authorization", "Bearer " + forged).get(gateway() + "/api/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void expiredTokenIs401() throws InterruptedException {
        String shortLived = Tokens.password(config().issuer(), "gems-cli-short", "health.reporter", E2eSuite.DEMO_PASSWORD);
        given().header("Authorization", "Bearer " + shortLived).get(gateway() + "/api/me").then().statusCode(200);
        // The client's tokens live a few seconds: wait for this one to expire, no longer.
        Awaitility.await("the short-lived token to expire").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().header("Authorization", "Bearer " + shortLived).get(gateway() + "/api/me").statusCode() == 401);
        given().header("Authorization", "Bearer " + shortLived).get(gateway() + "/api/me").then().statusCode(401)
                .body("code", equalTo("INVALID_TOKEN"));
        // The service checks expiry itself too, not only the gateway.
        given().header("Authorization", "Bearer " + shortLived).get(config().plans().url() + "/api/me").then().statusCode(401);
    }

    @Test
    void agencyClaimReachesEveryService() {
        String token = bearer("health.reporter");
        given().header("Authorization", token).get(gateway() + "/api/me").then().statusCode(200)
                .body("agency", equalTo("TTH-DOH")).body("username", equalTo("health.reporter"))
                .body("roles", hasItem("reporter"));
        for (SuiteConfig.Service s : config().dataServices()) {
            given().header("Authorization", token).get(s.url() + "/api/me").then().statusCode(200)
                    .body("service", equalTo(s.name())).body("agency", equalTo("TTH-DOH"));
        }
    }

    @Test
    void statisticsOfficeMachineTokenCarriesItsAgency() {
        String token = E2eSuite.clientToken("statistics-office", "statistics-office-demo-secret");
        given().header("Authorization", "Bearer " + token).get(gateway() + "/api/me").then().statusCode(200)
                .body("agency", equalTo("TTH-STATS")).body("roles", hasItem("stats-pusher"))
                .body("clientId", equalTo("statistics-office"));
    }

    @Test
    void servicesCalledDirectlyWithoutTokenAre401() {
        for (SuiteConfig.Service s : config().dataServices()) {
            given().get(s.url() + "/api/me").then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void requestIdFollowsTheCallThroughTheGateway() {
        given().header("Authorization", bearer("health.reporter")).header("X-Request-Id", "e2e-trace-1")
                .get(gateway() + "/api/agencies/NOPE").then().statusCode(404)
                .header("X-Request-Id", "e2e-trace-1").body("requestId", equalTo("e2e-trace-1"));
    }

    @Test
    void productionProfileKeepsSwaggerUiOffButPublishesTheApiDocuments() {
        given().get(gateway() + "/q/swagger-ui/").then().statusCode(404);
        given().get(gateway() + "/openapi/plans?format=json").then().statusCode(200)
                .body("info.title", equalTo("GEMS plans-service"));
    }

    @Test
    void stoppedServiceIs503ProblemThroughTheGateway() throws Exception {
        String token = bearer("health.reporter");
        E2eSuite.suite().stopService("reporting-service");
        try {
            given().header("Authorization", token).get(gateway() + "/api/reports").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            E2eSuite.suite().restartService("reporting-service");
        }
        given().header("Authorization", token).get(gateway() + "/api/me").then().statusCode(200);
    }
}
