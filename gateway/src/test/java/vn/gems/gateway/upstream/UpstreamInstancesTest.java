package vn.gems.gateway.upstream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several instances per service, over real HTTP: rotation, health, and the one retry on another instance. */
@QuarkusTest
@QuarkusTestResource(value = Instances.class, restrictToAnnotatedClass = true)
class UpstreamInstancesTest {

    static final String TOKEN = TestTokens.bearer("instances.user", "TTH-DOH", "reporter");

    private static Response get(String path) {
        return given().header("Authorization", TOKEN).get(path);
    }

    @Test
    void requestsAreSpreadOverTheInstancesAndOneThatRefusesIsLeftOut() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            Response r = get("/t/balance/items");
            assertEquals(200, r.statusCode(), r.asString());
            seen.merge(r.jsonPath().getString("instance"), 1, Integer::sum);
        }
        assertEquals(2, seen.size(), "both live instances answered: " + seen);
        assertTrue(seen.get("a") >= 10 && seen.get("b") >= 10, "in rotation: " + seen);
    }

    @Test
    void aGetToAnInstanceThatRefusesIsRetriedOnAnother() {
        get("/t/refused-get/items").then().statusCode(200).body("instance", equalTo("a"));
    }

    @Test
    void aPostWithoutIdempotencyKeyIsNotRetriedButTheRefusingInstanceIsTakenOut() {
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"n\":1}").post("/t/refused-post/items")
                .then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE")).header("Retry-After", "5");
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"n\":1}").post("/t/refused-post/items")
                .then().statusCode(200).body("instance", equalTo("a"));
    }

    @Test
    void aWriteWithIdempotencyKeyRefusedByOneInstanceIsSentWholeToAnother() {
        given().header("Authorization", TOKEN).header("Idempotency-Key", "retry-1").contentType("text/csv").body("x".repeat(100_000))
                .post("/t/refused-key/items").then().statusCode(200).body("instance", equalTo("a")).body("bytes", equalTo(100_000));
    }

    @Test
    void aGetWhoseConnectionIsClosedBeforeAnAnswerIsRetriedOnAnother() {
        get("/t/reset-get/items").then().statusCode(200).body("instance", equalTo("a"));
    }

    @Test
    void aWriteWhoseBodyHadStartedIsNeverSentTwice() {
        given().header("Authorization", TOKEN).header("Idempotency-Key", "retry-2").contentType("text/csv").body("y".repeat(100_000))
                .post("/t/reset-post/items").then().statusCode(502).contentType("application/problem+json")
                .body("code", equalTo("BAD_GATEWAY"));
    }

    @Test
    void anInstanceFailingItsHealthCheckIsTakenOutAndProbedBack() {
        String d = ConfigProvider.getConfig().getValue("test.instances.d", String.class);
        given().post(d + "/health/503").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> onlyFrom("a", 6));
        given().post(d + "/health/200").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "d".equals(get("/t/health/items").jsonPath().getString("instance")));
    }

    private static boolean onlyFrom(String instance, int times) {
        for (int i = 0; i < times; i++) {
            if (!instance.equals(get("/t/health/items").jsonPath().getString("instance"))) {
                return false;
            }
        }
        return true;
    }
}
