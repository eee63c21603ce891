package vn.gems.e2e;

import org.awaitility.Awaitility;
import java.util.concurrent.atomic.AtomicReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big bodies through the gateway as ordinary clients send them (issue 12 item 1): a CSV push of more than 100 MB
 * with Content-Length (what {@code curl --data-binary @file} sends) and the same chunked, each streamed through to
 * indicators-service, which reads and validates every row (a dry run: nothing is written, so the demo figures other
 * classes assert stay as they are); and bodies over a route's limit with Content-Length, answered with the 413
 * problem and logged, whether the client sends the whole body first or asks with {@code Expect: 100-continue}.
 * The file is made while it is sent, never held in memory.
 */
@ExtendWith(E2eSuite.class)
class LargeBodyE2eTest {

    private static final long MB = 1024 * 1024;
    private static final long TARGET = 100 * MB + 1;
    private static final String[] INDICATORS = {"BIRTHS", "WAGE_WORKERS", "ENTERPRISE_DIRECTORS"};
    private static final int FROM_YEAR = 1992;
    private static final int TO_YEAR = 2024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static List<String> units;
    private static String admin;

    @BeforeAll
    static void unitsThatExistThroughoutTheYears() throws Exception {
        admin = E2eSuite.bearer("gems.admin");
        Set<String> atStart = codes(get("/api/units?size=500&asOf=" + FROM_YEAR + "-01-01"));
        units = new ArrayList<>(codes(get("/api/units?size=500&asOf=" + TO_YEAR + "-12-31")));
        units.retainAll(atStart);
        units.sort(null);
        assertTrue(units.size() >= 4, "units existing from " + FROM_YEAR + " to " + TO_YEAR + ": " + units);
    }

    @Test
    void aPushOfMoreThan100MbWithContentLengthStreamsThroughTheGateway() throws Exception {
        Csv csv = new Csv(units);
        long started = System.nanoTime();
        HttpResponse<String> r = HTTP.send(push("large-content-length.csv")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(csv::open), csv.length()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEveryRowWasRead(r, csv, "Content-Length", started);
    }

    @Test
    void theSamePushChunkedStreamsThroughTheGateway() throws Exception {
        Csv csv = new Csv(units);
        long started = System.nanoTime();
        HttpResponse<String> r = HTTP.send(push("large-chunked.csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(csv::open)).build(), HttpResponse.BodyHandlers.ofString());
        assertEveryRowWasRead(r, csv, "chunked", started);
    }

    @Test
    void aBodyOverTheRouteLimitWithContentLengthIsA413ProblemAndIsLogged() throws Exception {
        // 30 MB + 1 on /api/reports, sent whole before the answer is read (as java.net.http and most libraries do).
        Filler body = new Filler(30 * MB + 1);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(E2eSuite.gateway() + "/api/reports"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", admin).header("Content-Type", "application/json")
                .header("X-Request-Id", "large-body-413-reports")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), body.size))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTooLarge(r, "30 MB");
        assertLogged("large-body-413-reports", "route=/api/reports");
    }

    @Test
    void aClientThatAsksFirstIsRefusedBeforeSendingTwoGigabytes() throws Exception {
        Filler body = new Filler(2048 * MB + 1);
        HttpResponse<String> r = HTTP.send(push("too-large.csv").expectContinue(true).header("X-Request-Id", "large-body-413-values")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), body.size))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTooLarge(r, "2 GB");
        assertTrue(body.read.get() < MB, "the body was not sent: " + body.read.get() + " bytes read");
        assertLogged("large-body-413-values", "route=/api/values");
    }

    private static void assertEveryRowWasRead(HttpResponse<String> r, Csv csv, String framing, long started) throws Exception {
        assertTrue(r.statusCode() == 200 || r.statusCode() == 202, () -> framing + ": " + r.statusCode() + " " + r.body());
        JsonNode push = JSON.readTree(r.body());
        long id = push.get("id").asLong();
        AtomicReference<JsonNode> last = new AtomicReference<>(push);
        Awaitility.await("push " + id + " to finish").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String status = last.get().get("status").asText();
            if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                return true;
            }
            last.set(JSON.readTree(get("/api/values/pushes/" + id)));
            return false;
        });
        push = last.get();
        System.out.printf("%s push of %,d bytes (%,d rows) through the gateway: %s in %.1f s%n", framing, csv.length(),
                csv.rows(), push.get("status").asText(), (System.nanoTime() - started) / 1e9);
        assertEquals("SUCCEEDED", push.get("status").asText(), push::toString);
        assertTrue(push.get("dryRun").asBoolean());
        assertFalse(push.get("committed").asBoolean());
        assertEquals(csv.rows(), push.get("rowsRead").asLong(), "every row reached the service and was read");
        assertEquals(csv.rows(), push.get("rowsAccepted").asLong(), push::toString);
        assertEquals(0, push.get("rowsRejected").asLong());
    }

    private static void assertTooLarge(HttpResponse<String> r, String limit) throws IOException {
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertEquals("PAYLOAD_TOO_LARGE", problem.get("code").asText());
        assertEquals("This route accepts at most " + limit, problem.get("detail").asText());
        assertEquals(1, r.headers().allValues("X-Request-Id").size());
    }

    /** The gateway's access log (in its log file: JSON lines in the prod profile) has the request's line. */
    private static void assertLogged(String requestId, String route) throws InterruptedException {
        Path log = E2eSuite.config().logDir().resolve("gateway.log");
        E2eSuite.await("the access-log line of " + requestId, Duration.ofSeconds(10), () -> {
            try {
                return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .anyMatch(l -> l.contains("requestId=" + requestId + " ") && l.contains(" " + route + " ") && l.contains(" status=413 "));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static HttpRequest.Builder push(String reference) {
        return HttpRequest.newBuilder(URI.create(E2eSuite.gateway() + "/api/values/pushes?dryRun=true&reference=" + reference))
                .timeout(Duration.ofMinutes(4)).header("Authorization", admin).header("Content-Type", "text/csv");
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(E2eSuite.gateway() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
        return r.body();
    }

    private static Set<String> codes(String page) throws IOException {
        Set<String> codes = new HashSet<>();
        JSON.readTree(page).get("items").forEach(u -> codes.add(u.get("code").asText()));
        return codes;
    }

    /**
     * A valid CSV of over 100 MB made row by row: indicators by sex × units × years, female + male = total. Its
     * few thousand rows are made wide with blanks the service trims (after the indicator code, and as the empty
     * numerator and denominator) — the size is what the test is about, not the row count.
     */
    static final class Csv {
        private static final String HEADER = "indicator,unit,period,sex,value,numerator,denominator,status\n";
        private static final int MAX_BLANKS = 9_000; // the service takes fields of up to 10,000 characters
        private final List<String> units;
        private final int blanks;

        Csv(List<String> units) {
            this.units = units;
            long rows = rows();
            long plain = 0;
            for (int i = 0; i < rows; i++) {
                plain += row(i, 0).length();
            }
            this.blanks = (int) ((TARGET - HEADER.length() - plain + rows * 3 - 1) / (rows * 3));
            assertTrue(blanks <= MAX_BLANKS, "too few units to reach 100 MB: " + units);
        }

        long rows() {
            return (long) INDICATORS.length * units.size() * (TO_YEAR - FROM_YEAR + 1) * 3;
        }

        long length() {
            long n = HEADER.length();
            for (int i = 0; i < rows(); i++) {
                n += row(i, blanks).length();
            }
            return n;
        }

        private String row(int i, int pad) {
            int sex = i % 3;
            int group = i / 3;
            int year = FROM_YEAR + group % (TO_YEAR - FROM_YEAR + 1);
            String unit = units.get(group / (TO_YEAR - FROM_YEAR + 1) % units.size());
            String indicator = INDICATORS[group / ((TO_YEAR - FROM_YEAR + 1) * units.size())];
            long female = 1000 + group;
            long male = 900 + group;
            long value = sex == 0 ? female : sex == 1 ? male : female + male;
            String blank = " ".repeat(pad);
            return indicator + blank + ',' + unit + ',' + year + ',' + (sex == 0 ? "FEMALE" : sex == 1 ? "MALE" : "TOTAL") + ','
                    + value + ',' + blank + ',' + blank + ",FINAL\n";
        }

        InputStream open() {
            return new InputStream() {
                private int next;
                private byte[] current = HEADER.getBytes(StandardCharsets.US_ASCII);
                private int at;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0];
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    while (at == current.length) {
                        if (next == rows()) {
                            return -1;
                        }
                        current = row(next++, blanks).getBytes(StandardCharsets.US_ASCII);
                        at = 0;
                    }
                    int n = Math.min(len, current.length - at);
                    System.arraycopy(current, at, b, off, n);
                    at += n;
                    return n;
                }
            };
        }
    }
}
