package vn.gems.gateway.security;

import org.awaitility.Awaitility;
import java.time.Duration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;
import vn.gems.gateway.FakeUpstreams;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class CachedBearerAuthenticationTest {

    @Inject
    CachedBearerAuthentication cache;

    @Test
    void aVerifiedTokenIsRememberedButNeverBeyondItsExpiry() throws InterruptedException {
        String token = TestTokens.builder("cache.user", "TTH-DOH", "reporter").expiresIn(2).sign(TestTokens.privateKey());
        int before = cache.size();
        given().header("Authorization", "Bearer " + token).get("/api/plans").then().statusCode(200);
        assertEquals(before + 1, cache.size(), "the verified token is kept");
        given().header("Authorization", "Bearer " + token).get("/api/plans").then().statusCode(200);
        assertEquals(before + 1, cache.size(), "and found again, not added twice");

        // Cached or not, an expired token is refused from the second it expires: wait for that second, no longer.
        Awaitility.await("the token to expire").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().header("Authorization", "Bearer " + token).get("/api/plans").statusCode() == 401);
        given().header("Authorization", "Bearer " + token).get("/api/plans").then().statusCode(401)
                .body("code", equalTo("INVALID_TOKEN"));
    }

    @Test
    void aCachedTokenChangedByOneCharacterIsVerifiedAfreshAndRefused() {
        String token = TestTokens.user("cache.other", "TTH-DOH", "reporter");
        given().header("Authorization", "Bearer " + token).get("/api/plans").then().statusCode(200);
        int cached = cache.size();
        String[] p = token.split("\\.");
        String forged = p[0] + "." + p[1] + "." + (p[2].charAt(0) == 'A' ? 'B' : 'A') + p[2].substring(1);
        given().header("Authorization", "Bearer " + forged).get("/api/plans").then().statusCode(401)
                .body("code", equalTo("INVALID_TOKEN"));
        assertEquals(cached, cache.size(), "a refused token is never remembered");
    }

    @Test
    void noTokenIsStill401() {
        given().get("/api/plans").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
