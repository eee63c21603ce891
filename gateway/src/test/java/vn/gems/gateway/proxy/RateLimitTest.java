package vn.gems.gateway.proxy;

import vn.gems.gateway.FakeUpstreams;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gems.gateway.limits.anonymous.per-minute", "6",
                    "gems.gateway.limits.anonymous.burst", "3",
                    "gems.gateway.limits.authenticated.per-minute", "6",
                    "gems.gateway.limits.authenticated.burst", "2");
        }
    }

    @Test
    void anonymousCallersAreLimitedPerIpWith429AndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().get("/api/public/plans").then().statusCode(200);
        }
        given().get("/api/public/plans").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void usersAreLimitedPerSubjectIndependently() {
        String alice = TestTokens.bearer("alice", "TTH-DOH", "reporter");
        String bob = TestTokens.bearer("bob", "TTH-DOH", "reporter");
        given().header("Authorization", alice).get("/api/plans").then().statusCode(200);
        given().header("Authorization", alice).get("/api/plans").then().statusCode(200);
        given().header("Authorization", alice).get("/api/plans").then().statusCode(429).header("Retry-After", notNullValue());
        given().header("Authorization", bob).get("/api/plans").then().statusCode(200);
    }
}
