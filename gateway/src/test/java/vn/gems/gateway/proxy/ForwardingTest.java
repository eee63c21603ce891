package vn.gems.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;
import vn.gems.gateway.FakeUpstreams;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Behind a trusted proxy (here: the loopback the tests call from), X-Forwarded-For is appended to, the forwarded
 * Proto/Host are kept, and anonymous callers are rate-limited by their own address, not the proxy's.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
@TestProfile(ForwardingTest.TrustedLoopback.class)
class ForwardingTest {

    public static class TrustedLoopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gems.gateway.forwarding.trusted-proxies", "127.0.0.1/32,10.0.0.0/8",
                    "gems.gateway.limits.anonymous.per-minute", "6",
                    "gems.gateway.limits.anonymous.burst", "2");
        }
    }

    static final String TOKEN = TestTokens.bearer("forwarding.user", "TTH-DOH", "reporter");

    @Test
    void aTrustedProxysForwardedHeadersAreKeptAndThePeerAppended() {
        given().header("Authorization", TOKEN).header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "gems.example.gov.vn")
                .get("/api/plans/1").then().statusCode(200)
                .body("forwardedFor", equalTo("203.0.113.7, 127.0.0.1"))
                .body("forwardedProto", equalTo("https"))
                .body("forwardedHost", equalTo("gems.example.gov.vn"));
    }

    @Test
    void anonymousCallersBehindTheProxyHaveABucketEach() {
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "198.51.100.1").get("/api/public/plans").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.1").get("/api/public/plans").then().statusCode(429);
        given().header("X-Forwarded-For", "198.51.100.2").get("/api/public/plans").then().statusCode(200);
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        // A caller writing its own X-Forwarded-For gains nothing: the ingress (10.1.2.3, trusted) appended the real one.
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "192.0.2." + i + ", 198.51.100.9, 10.1.2.3").get("/api/public/plans").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.9").get("/api/public/plans").then().statusCode(429);
    }
}
