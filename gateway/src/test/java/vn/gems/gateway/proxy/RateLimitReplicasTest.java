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

/** With n gateway replicas declared, each allows 1/n of a limit (README "Gateway: what it enforces"). */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
@TestProfile(RateLimitReplicasTest.TwoReplicas.class)
class RateLimitReplicasTest {

    public static class TwoReplicas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gems.gateway.limits.replicas", "2",
                    "gems.gateway.limits.authenticated.per-minute", "6",
                    "gems.gateway.limits.authenticated.burst", "4");
        }
    }

    @Test
    void eachReplicaAllowsItsShareOfTheBurst() {
        String carol = TestTokens.bearer("carol", "TTH-DOH", "reporter");
        given().header("Authorization", carol).get("/api/plans").then().statusCode(200);
        given().header("Authorization", carol).get("/api/plans").then().statusCode(200);
        given().header("Authorization", carol).get("/api/plans").then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }
}
