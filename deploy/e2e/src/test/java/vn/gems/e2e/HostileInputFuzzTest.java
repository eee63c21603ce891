package vn.gems.e2e;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer drives ten thousand hostile requests — malformed and mistyped JSON, huge fields, deep nesting,
 * hostile path and query values, CSV files with bad encodings and formula cells, wrong content types and
 * headers — at every operation the services publish in their OpenAPI documents, through the gateway with
 * real tokens of every kind, and bodies with a Content-Length over the route's limit. Promise: no answer is ever
 * 5xx, every rejection is problem+json without internals, an oversized body is a 413 problem, and no URL in the
 * input is ever fetched (a canary socket counts connections). {@code -Dgems.fuzz.requests=N} (default 10,000)
 * and {@code -Dgems.fuzz.duration=30m} make a longer run.
 */
@ExtendWith(E2eSuite.class)
class HostileInputFuzzTest {

    /** The gateway's quarkus.http.limits.max-initial-line-length. */
    private static final int GATEWAY_CODEC_LINE = 32_768;

    private static HttpClient http = newClient();
    private static final List<String> CALLERS = List.of("anonymous", "gems.admin", "dolisa.officer", "health.reporter",
            "stats.officer", "auditor.tth", "district.officer", "statistics-office", "national-gender-db");
    private static final List<String> PLAUSIBLE = List.of("1", "2", "3", "42", "TTH-DOH", "TTH-DOLISA", "VN-46", "BIRTHS",
            "2024", "O4-T3-M1", "R1");
    private static final List<String> QUERY_NAMES = List.of("page", "size", "q", "year", "status", "kind", "unit", "period",
            "asOf", "indicator", "agency", "format", "from", "to", "view", "dryRun", "mode", "sort", "codes");
    private static final List<String> HEADER_NAMES = List.of("If-Match", "If-None-Match", "Idempotency-Key", "X-Request-Id",
            "Accept", "Accept-Language");
    private static final List<String[]> BODY_TYPES = List.of(
            new String[]{"application/json", "json"}, new String[]{"application/json", "json"},
            new String[]{"application/json", "json"}, new String[]{"application/json", "malformed"},
            new String[]{"text/csv", "csv"}, new String[]{"text/csv; charset=ISO-8859-1", "csv"},
            new String[]{"application/x-ndjson", "jsonl"}, new String[]{"text/plain", "json"},
            new String[]{"application/xml", "malformed"}, new String[]{"application/octet-stream", "bytes"},
            new String[]{"multipart/form-data; boundary=XyZ", "multipart"}, new String[]{"", "none"},
            new String[]{"text/csv", "oversized"});
    /** The gateway's body limits (README "Gateway: what it enforces"): /api/values 2 GB, /api/reports 30 MB, else 1 MB. */
    private static final long MB = 1024 * 1024;
    private static final List<String> FIELDS = List.of("code", "id", "status", "agency", "approvedBy", "version", "nameVi",
            "nameEn", "kind", "unitCode", "parentCode", "validFrom", "validTo", "successors", "title", "documentNumber",
            "objectives", "targets", "measures", "indicatorCode", "figure", "comparator", "targetValue", "values", "value",
            "sex", "period", "dimensions", "source", "numerator", "denominator", "sections", "comment", "asOf", "queries",
            "planId", "planVersion", "event", "issuingAgency", "reportingRules", "key", "attachment", "url", "link");

    private static List<ApiOperations.Operation> operations;
    private static ServerSocket canary;
    private static final AtomicInteger canaryHits = new AtomicInteger();
    private static final AtomicInteger sent = new AtomicInteger();
    private static String previous;
    private static String previousStatus;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static long tokensAt;

    /** One generated request. */
    record Hostile(ApiOperations.Operation op, String caller, String uri, String contentType, byte[] body,
                   Map<String, String> headers, long oversized) {
        @Override
        public String toString() {
            String preview = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            String text = op.method() + " " + uri + " as " + caller + " headers=" + headers + " type=" + contentType
                    + (oversized > 0 ? " body of " + oversized + " bytes (over the route's limit)"
                    : " body[" + (body == null ? 0 : body.length) + "]=" + preview);
            return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
        }
    }

    @BeforeAll
    static void discover() throws Exception {
        operations = ApiOperations.all();
        canary = new ServerSocket(0);
        Thread t = new Thread(() -> {
            while (!canary.isClosed()) {
                try (Socket s = canary.accept()) {
                    canaryHits.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "ssrf-canary");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void report() throws IOException {
        System.out.println("hostile requests sent: " + sent.get() + " over "
                + (operations == null ? 0 : operations.size()) + " operations");
        if (canary != null) {
            canary.close();
        }
    }

    // The pom maps -Dgems.fuzz.requests / -Dgems.fuzz.duration onto jazzer.max_executions / jazzer.max_duration,
    // which take precedence over these (the values for a run from an IDE).
    @FuzzTest(maxExecutions = 10_000, maxDuration = "10m")
    void noHostileRequestGetsA5xxAndEveryRejectionIsAProblem(FuzzedDataProvider data) throws Exception {
        Hostile r = generate(data);
        HttpResponse<String> res;
        try {
            res = send(r);
        } catch (IOException e) {
            throw new AssertionError("connection dropped without an answer (" + e.getMessage() + ") for " + r
                    + "\nprevious request: " + previous + " → " + previousStatus, e);
        }
        previous = r.toString();
        previousStatus = res.statusCode() + " " + res.headers().map();
        if (res.statusCode() == 414 || res.statusCode() == 431) {
            // The connection is closed after these (the body was never read): start on fresh connections.
            http = newClient();
        }
        int status = res.statusCode();
        assertTrue(status < 500, () -> "server error " + status + " for " + r + "\n→ " + clip(res.body()));
        // Over the gateway's HTTP codec ceiling (32K request line) Vert.x itself answers 414 with no body, before
        // any application code runs and with no hook to change that; under it the gateway answers a problem.
        boolean overCodecCeiling = status == 414 && r.op().method().length() + r.uri().length() + 10 > GATEWAY_CODEC_LINE;
        if (status >= 400 && !overCodecCeiling) {
            String type = res.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/problem+json"), () -> "rejection " + status + " is not problem+json ("
                    + type + ") for " + r + "\n→ " + clip(res.body()));
            // The caller's own X-Request-Id comes back as the problem's requestId: that is its input, not our internals.
            String requestId = r.headers().get("X-Request-Id");
            String ours = requestId == null || requestId.isEmpty() ? res.body()
                    : res.body().replace("\"requestId\":\"" + requestId + "\"", "\"requestId\":\"\"");
            assertTrue(!ours.contains("Exception") && !ours.contains("\tat "),
                    () -> "internals leaked for " + r + "\n→ " + clip(res.body()));
        }
        if (r.oversized() > 0) {
            // Refused before its size was looked at (no token, a bad path, page size, an oversized head), or a 413 problem.
            assertTrue(List.of(413, 401, 400, 404, 414, 431).contains(status), () -> "oversized body answered " + status + " for " + r);
            assertTrue(status != 413 || res.body().contains("\"code\":\"PAYLOAD_TOO_LARGE\""), () -> "413 without its code: " + clip(res.body()));
        }
        assertEquals(0, canaryHits.get(), () -> "a service fetched a URL from the input: " + r);
    }

    private static Hostile generate(FuzzedDataProvider data) {
        ApiOperations.Operation op = data.pickValue(operations);
        String caller = data.pickValue(CALLERS);
        String path = op.path();
        for (String p : op.pathParams()) {
            String v = data.consumeBoolean() ? data.pickValue(PLAUSIBLE) : hostileString(data);
            path = path.replace("{" + p + "}", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder uri = new StringBuilder(path);
        int queries = data.consumeInt(0, 4);
        for (int i = 0; i < queries; i++) {
            String name = data.consumeBoolean() && !op.queryParams().isEmpty() ? data.pickValue(op.queryParams())
                    : data.pickValue(QUERY_NAMES);
            uri.append(i == 0 ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(hostileString(data), StandardCharsets.UTF_8));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int hs = data.consumeInt(0, 2);
        for (int i = 0; i < hs; i++) {
            headers.put(data.pickValue(HEADER_NAMES), data.consumeBoolean()
                    ? data.pickValue(List.of("*", "\"0\"", "W/\"1\"", "application/xml", "text/csv", "application/json"))
                    : data.consumeAsciiString(300).replaceAll("[^\\x20-\\x7e]", "x"));
        }
        boolean takesBody = !op.bodyTypes().isEmpty() || "POST".equals(op.method()) || "PUT".equals(op.method());
        String[] type = takesBody ? data.pickValue(BODY_TYPES) : new String[]{"", "none"};
        byte[] body = switch (type[1]) {
            case "json" -> json(data, 4).getBytes(StandardCharsets.UTF_8);
            case "malformed" -> data.pickValue(List.of("{", "{\"a\":", "[1,2", "{\"code\":\"x\",}", "nul", "\"unterminated",
                    "{'single':'quotes'}", "{\"a\":1}{\"b\":2}", "\u0000\u0001", "<?xml version=\"1.0\"?><a/>", "{\"a\":NaN}", ""))
                    .getBytes(StandardCharsets.UTF_8);
            case "csv" -> csv(data);
            case "jsonl" -> (json(data, 3) + "\n" + json(data, 3) + "\n{broken").getBytes(StandardCharsets.UTF_8);
            case "bytes" -> data.consumeBytes(2048);
            case "multipart" -> ("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\nMZ\u0090\u0000 not a pdf\r\n--XyZ--\r\n").getBytes(StandardCharsets.ISO_8859_1);
            default -> null;
        };
        long oversized = "oversized".equals(type[1]) ? limitOf(path) + 1 + data.consumeInt(0, 4096) : 0;
        return new Hostile(op, caller, uri.toString(), type[0], body, headers, oversized);
    }

    private static long limitOf(String path) {
        return path.startsWith("/api/values") ? 2048 * MB : path.startsWith("/api/reports") ? 30 * MB : MB;
    }

    private static String hostileString(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 5)) {
            case 0, 1 -> data.pickValue(List.of("", " ", "-1", "0", "999999999999999999999999", "1e309", "NaN", "null", "true",
                    "[]", "{}", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "%", "\u0000", "' OR '1'='1",
                    "1; DROP TABLE agency;--", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "=cmd|' /C calc'!A0",
                    "@SUM(1+1)", "bình đẳng giới", "ĐẠI HỌC", "😀🙃", "\u202e\u202d", "2024S3", "2024Q5", "2024-13",
                    "2021-02-30", "http://127.0.0.1:" + canary.getLocalPort() + "/ssrf", "file:///etc/passwd"));
            case 2 -> data.consumeString(40);
            case 3 -> "A".repeat(data.consumeInt(5_000, 20_000));
            case 4 -> String.valueOf(data.consumeInt());
            default -> String.valueOf(data.consumeLong());
        };
    }

    /** Random JSON: nested objects and arrays with the APIs' field names and hostile values. */
    private static String json(FuzzedDataProvider data, int depth) {
        int kind = depth == 0 ? data.consumeInt(0, 1) : data.consumeInt(0, 10);
        return switch (kind) {
            case 0 -> quote(hostileString(data));
            case 1 -> data.pickValue(List.of("null", "true", "false", "0", "-1", "1.5", "1e400", "-0", "12345678901234567890123",
                    String.valueOf(data.consumeRegularDouble())));
            case 2, 3 -> {
                List<String> items = new ArrayList<>();
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    items.add(json(data, depth - 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case 4 -> "[".repeat(3000) + "]".repeat(3000);
            default -> {
                List<String> fields = new ArrayList<>();
                int n = data.consumeInt(0, 6);
                for (int i = 0; i < n; i++) {
                    fields.add(quote(data.pickValue(FIELDS)) + ":" + json(data, depth - 1));
                }
                yield "{" + String.join(",", fields) + "}";
            }
        };
    }

    /** CSV files as the statistics office might send them, and worse: BOMs, bad bytes, formulas, huge fields. */
    private static byte[] csv(FuzzedDataProvider data) {
        StringBuilder s = new StringBuilder();
        boolean bom = data.consumeBoolean();
        s.append(data.pickValue(List.of("indicator,unit,period,sex,value\n",
                "indicatorCode,unitCode,period,sex,value,numerator,denominator,status\n", "\"unclosed,header\n", "")));
        int rows = data.consumeInt(1, 6);
        for (int i = 0; i < rows; i++) {
            s.append(data.pickValue(List.of("BIRTHS,VN-46,2024,FEMALE,7012\n", "=cmd|' /C calc'!A0,VN-46,2024,MALE,1\n",
                    "BIRTHS,VN-46,2024,TOTAL,-5\n", "BIRTHS,VN-46,2024S9,FEMALE,abc\n", "MATERNAL_MORTALITY_RATIO,VN-46,2024,,1e999\n",
                    "WAGE_WORKERS,VN-46,2024,FEMALE,\"" + "x".repeat(100_000) + "\"\n", "\"a\"\"b,c\n", ",,,,,,,,,,,,,,,,,\n",
                    hostileString(data) + "," + hostileString(data) + "\n")));
        }
        byte[] text = s.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = data.consumeBoolean() ? new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, ',', '1', '\n'} : new byte[0];
        byte[] all = new byte[(bom ? 3 : 0) + text.length + bad.length];
        int at = 0;
        if (bom) {
            all[0] = (byte) 0xEF;
            all[1] = (byte) 0xBB;
            all[2] = (byte) 0xBF;
            at = 3;
        }
        System.arraycopy(text, 0, all, at, text.length);
        System.arraycopy(bad, 0, all, at + text.length, bad.length);
        return all;
    }

    private static HttpResponse<String> send(Hostile r) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(E2eSuite.gateway() + r.uri())).timeout(Duration.ofSeconds(60));
        if (!"anonymous".equals(r.caller())) {
            b.header("Authorization", "Bearer " + token(r.caller()));
        }
        r.headers().forEach(b::header);
        if (r.oversized() > 0) {
            b.header("Content-Type", r.contentType());
            // Over a megabyte the client asks first (Expect: 100-continue, as curl does): the gateway refuses before a
            // byte of the body is sent. Up to that, the whole body is sent and the gateway reads it away after refusing.
            b.expectContinue(r.oversized() > 2 * MB);
            b.method(r.op().method(), HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(r.oversized())), r.oversized()));
        } else if (r.body() != null) {
            if (!r.contentType().isEmpty()) {
                b.header("Content-Type", r.contentType());
            }
            b.method(r.op().method(), HttpRequest.BodyPublishers.ofByteArray(r.body()));
        } else {
            b.method(r.op().method(), HttpRequest.BodyPublishers.noBody());
        }
        sent.incrementAndGet();
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static synchronized String token(String caller) {
        if (System.currentTimeMillis() - tokensAt > 180_000) {
            tokens.clear();
            tokensAt = System.currentTimeMillis();
        }
        return tokens.computeIfAbsent(caller, c -> switch (c) {
            case "statistics-office" -> E2eSuite.clientToken("statistics-office", "statistics-office-demo-secret");
            case "national-gender-db" -> E2eSuite.clientToken("national-gender-db", "national-gender-db-demo-secret");
            default -> E2eSuite.token(c);
        });
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static String clip(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000) + "…";
    }
}
