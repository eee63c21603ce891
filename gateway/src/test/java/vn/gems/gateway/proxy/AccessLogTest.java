package vn.gems.gateway.proxy;

import org.awaitility.Awaitility;
import java.time.Duration;
import vn.gems.gateway.FakeUpstreams;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One access-log line per request, with who, what and how long; never the token or the query. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class AccessLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger access = Logger.getLogger("gems.access");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        access.addHandler(capture);
    }

    @AfterEach
    void stop() {
        access.removeHandler(capture);
    }

    @Test
    void authenticatedRequestIsLoggedWithClientAgencyRouteStatusAndLatency() throws InterruptedException {
        String token = TestTokens.user("log.reporter", "TTH-DOH", "reporter");
        given().header("Authorization", "Bearer " + token).header("X-Request-Id", "log-trace-1")
                .get("/api/plans/42?secret=s3cr3t").then().statusCode(200);
        // The same token again: the identity comes from the verified-token cache and must log the same labels.
        given().header("Authorization", "Bearer " + token).header("X-Request-Id", "log-trace-2")
                .get("/api/plans/43").then().statusCode(200);

        String first = lineFor("log-trace-1");
        assertTrue(first.matches("requestId=log-trace-1 client=gems-cli agency=TTH-DOH method=GET route=/api/plans "
                + "path=/api/plans/42 status=200 latencyMs=\\d+\\.\\d"), first);
        assertFalse(first.contains(token.substring(token.length() - 20)), "no token in the access log");
        assertFalse(first.contains("s3cr3t"), "no query string in the access log");
        String second = lineFor("log-trace-2");
        assertTrue(second.contains(" client=gems-cli agency=TTH-DOH ") && second.contains(" path=/api/plans/43 status=200 "), second);
    }

    @Test
    void refusedAnonymousRequestIsLoggedWithoutCaller() throws InterruptedException {
        given().header("X-Request-Id", "log-anon-1").get("/api/reports").then().statusCode(401);
        String line = lineFor("log-anon-1");
        assertTrue(line.startsWith("requestId=log-anon-1 client=- agency=- method=GET route=/api/reports path=/api/reports status=401 "), line);
    }

    @Test
    void badTokenIsLoggedOnceAsA401WithoutTheToken() throws InterruptedException {
        String token = TestTokens.user("log.forger", "TTH-DOH", "reporter");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + forged).header("X-Request-Id", "log-bad-1")
                .get("/api/plans").then().statusCode(401);
        String line = lineFor("log-bad-1");
        assertTrue(line.matches("requestId=log-bad-1 client=- agency=- method=GET route=- path=/api/plans status=401 latencyMs=\\d+\\.\\d"), line);
        assertFalse(line.contains(forged.substring(forged.length() - 20)), "no token in the access log");
    }

    @Test
    void oversizedRequestIsLoggedOnceWithItsPathCut() throws InterruptedException {
        String path = "/api/plans/" + "p".repeat(5_000);
        given().header("X-Request-Id", "log-long-1").get(path).then().statusCode(414);
        String line = lineFor("log-long-1");
        assertTrue(line.matches("requestId=log-long-1 client=- agency=- method=GET route=- path=/api/plans/p{289}…\\(5011 chars\\) "
                + "status=414 latencyMs=\\d+\\.\\d"), line);
    }

    @Test
    void aBodyOverTheRouteLimitIsLoggedAsA413OfItsRoute() throws Exception {
        // Over Quarkus' own 10 MiB limit too, which used to answer before any route (no problem, no log line).
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/plans"))
                .header("Authorization", "Bearer " + TestTokens.user("log.big", "TTH-DOH", "reporter")).header("X-Request-Id", "log-big-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        String line = lineFor("log-big-1");
        assertTrue(line.matches("requestId=log-big-1 client=gems-cli agency=TTH-DOH method=POST route=/api/plans path=/api/plans "
                + "status=413 latencyMs=\\d+\\.\\d"), line);
    }

    private String lineFor(String requestId) throws InterruptedException {
        // The line is written when the answer has been sent, which may be just after the client has read it.
        List<String> found = Awaitility.await("an access-log line for " + requestId).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> lines.stream().filter(l -> l.startsWith("requestId=" + requestId + " ")).toList(), l -> !l.isEmpty());
        assertEquals(1, found.size(), "one line per request: " + found);
        return found.get(0);
    }
}
