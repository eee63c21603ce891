package vn.gems.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo loader waits out a 429/503 as Retry-After says, sends the same request again, and gives up in the end. */
class SendPatientlyTest {

    private HttpServer server;
    private final AtomicInteger refusals = new AtomicInteger();
    private final List<String> bodies = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            synchronized (bodies) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                arrivals.add(System.nanoTime());
            }
            boolean refuse = refusals.getAndDecrement() > 0;
            if (refuse) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            byte[] answer = (refuse ? "slow down" : "created").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refuse ? 429 : 201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpRequest post() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/agencies"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"X\"}")).build();
    }

    @Test
    void waitsAsToldAndSendsTheSameRequestAgain() throws Exception {
        refusals.set(2);
        HttpResponse<String> res = Http.sendPatiently(Http.CLIENT, post(), 5);
        assertEquals(201, res.statusCode());
        assertEquals("created", res.body());
        assertEquals(List.of("{\"code\":\"X\"}", "{\"code\":\"X\"}", "{\"code\":\"X\"}"), bodies);
        for (int i = 1; i < arrivals.size(); i++) {
            long waitedMs = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
            assertTrue(waitedMs >= 950, "waited only " + waitedMs + " ms before attempt " + (i + 1));
        }
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastAnswer() throws Exception {
        refusals.set(Integer.MAX_VALUE);
        server.removeContext("/");
        server.createContext("/", exchange -> {
            synchronized (bodies) {
                bodies.add("x");
            }
            exchange.sendResponseHeaders(503, -1); // no Retry-After: one second
            exchange.close();
        });
        long start = System.nanoTime();
        HttpResponse<String> res = Http.sendPatiently(Http.CLIENT, post(), 3);
        assertEquals(503, res.statusCode());
        assertEquals(3, bodies.size());
        assertTrue(System.nanoTime() - start >= 2 * 950_000_000L);
    }

    @Test
    void retryAfterIsKeptWithinOneToThirtySeconds() {
        assertEquals(1000, Http.retryAfterMillis(null));
        assertEquals(1000, Http.retryAfterMillis("0"));
        assertEquals(7000, Http.retryAfterMillis(" 7 "));
        assertEquals(30_000, Http.retryAfterMillis("86400"));
        assertEquals(1000, Http.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT"));
    }
}
