package vn.gems.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.gems.launcher.DemoLoader;
import vn.gems.launcher.Suite;
import vn.gems.launcher.SuiteConfig;
import vn.gems.launcher.Tokens;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * The replica suite of {@link ReplicasE2eTest}: two instances of indicators-, plans- and reporting-service behind one
 * gateway, on a PostgreSQL of its own (which the test stops and starts; the shared server at 5432 is never touched)
 * and the Keycloak of {@link E2eSuite}. Helpers to call it, push generated files and read its databases.
 */
final class Replicas {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Longest any call may take before it counts as a hang. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(Long.getLong("gems.replicas.callLimitSeconds", 60));
    static final String[] UNITS = {"VN-01", "VN-42", "VN-46"};

    private static Suite suite;
    private static Path workDir;
    private static SmtpSink mail;

    private Replicas() {
    }

    static synchronized Suite start() throws Exception {
        if (suite != null) {
            return suite;
        }
        E2eSuite.start();
        SuiteConfig shared = E2eSuite.config();
        Path root = shared.repoRoot();
        String prefix = "gems_rep_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
        Path target = root.resolve("deploy/e2e/target");
        workDir = target.resolve("replicas-" + prefix);
        SuiteConfig config = new SuiteConfig(root, workDir, target.resolve("keycloak-dist"), false,
                E2eSuite.freePort(), E2eSuite.freePort(), E2eSuite.freePort(), E2eSuite.freePort(),
                shared.keycloakPort(), shared.keycloakManagementPort(), E2eSuite.freePort(), prefix,
                "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                withMail(Map.ofEntries(
                        Map.entry("GEMS_GATEWAY_LIMITS_AUTHENTICATED_PER_MINUTE", "1000000"),
                        Map.entry("GEMS_GATEWAY_LIMITS_AUTHENTICATED_BURST", "100000"),
                        Map.entry("GEMS_GATEWAY_LIMITS_ANONYMOUS_PER_MINUTE", "1000000"),
                        Map.entry("GEMS_GATEWAY_LIMITS_ANONYMOUS_BURST", "100000"),
                        // Files over 64 KB are background jobs: a kill lands in the middle of a job, not of a request.
                        Map.entry("GEMS_INDICATORS_PUSH_SYNC_MAX_BYTES", "64K"),
                        // Short leases so that a killed instance's push is recovered in seconds, not half a minute.
                        Map.entry("GEMS_INDICATORS_PUSH_LEASE", "4s"),
                        Map.entry("GEMS_INDICATORS_PUSH_HEARTBEAT", "1s"),
                        Map.entry("GEMS_INDICATORS_PUSH_RETRY_AFTER", "1"))),
                List.of(), E2eSuite.freePort());
        Suite s = new Suite(config).withInstances(2, () -> {
            try {
                return E2eSuite.freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).withOwnPostgres().withRunningKeycloak()
                // kept between runs of one build (a rebuilt jar trains again): see ReplicasE2eTest's kill rounds
                .withRestartCache(target.resolve("jvm-cache"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                s.close();
            } catch (Exception e) {
                System.err.println("could not stop the replica suite: " + e);
            }
        }, "gems-replicas-stop"));
        s.start();
        new DemoLoader(config).load(false);
        suite = s;
        return s;
    }

    static Suite suite() {
        return suite;
    }

    /** The mail server every reporting instance of the replica suite mails to. */
    static SmtpSink mail() {
        return mail;
    }

    private static Map<String, String> withMail(Map<String, String> environment) throws IOException {
        mail = new SmtpSink();
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(mail.reportingEnvironment());
        return all;
    }

    static String gateway() {
        return suite.config().gatewayUrl();
    }

    private static volatile Map.Entry<Long, String> statsToken;

    /** The Statistics Office's machine token, fetched again every minute. */
    static String stats() {
        Map.Entry<Long, String> t = statsToken;
        if (t == null || System.nanoTime() - t.getKey() > Duration.ofSeconds(60).toNanos()) {
            t = Map.entry(System.nanoTime(), "Bearer " + Tokens.clientCredentials(suite.config().issuer(),
                    "statistics-office", "statistics-office-demo-secret"));
            statsToken = t;
        }
        return t.getValue();
    }

    /** One call through the gateway; throws {@link java.net.http.HttpTimeoutException} past {@link #CALL_LIMIT}. */
    static HttpResponse<String> call(String method, String path, String auth, HttpRequest.BodyPublisher body,
                                     String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway() + path)).timeout(CALL_LIMIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError(r.statusCode() + " answered no JSON: " + r.body(), e);
        }
    }

    /** Creates a monthly test indicator by sex with two 50-value dimensions: 5,000 values per unit and month. */
    static void createLoadIndicator(String code) throws Exception {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            values.append(i == 0 ? "" : ",").append("\"V").append(i).append('"');
        }
        String body = """
                {"code":"%s","nameVi":"Chỉ tiêu thử tải","nameEn":"Load test indicator","unit":"COUNT","subject":"PERSONS",
                 "bySex":true,"dimensions":[{"code":"da","values":[%s]},{"code":"db","values":[%s]}],"aggregation":"SUM",
                 "direction":"NEUTRAL","periodicity":"MONTHLY","supplierSectors":["HEALTH"]}""".formatted(code, values, values);
        HttpResponse<String> r = call("POST", "/api/indicators", E2eSuite.cachedBearer("gems.admin"),
                HttpRequest.BodyPublishers.ofString(body), "Content-Type", "application/json");
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new AssertionError("indicator " + code + ": " + r.statusCode() + " " + r.body());
        }
    }

    /**
     * Writes a CSV of {@code rows} distinct values of {@code indicator} (value = {@code base} + row number): units ×
     * months from 1995-01 × sex (female, male) × da × db.
     */
    static Path loadCsv(String indicator, int rows, long base) throws IOException {
        Path dir = workDir.resolve("files");
        Files.createDirectories(dir);
        Path file = dir.resolve(indicator + "-" + rows + "-" + base + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("indicator,unit,period,sex,value,status,da,db\n");
            for (int k = 0; k < rows; k++) {
                int cell = k % 2500;
                String sex = (k / 2500) % 2 == 0 ? "FEMALE" : "MALE";
                int slot = k / 5000;
                String unit = UNITS[slot % UNITS.length];
                int month = slot / UNITS.length;
                String period = (1995 + month / 12) + "-" + String.format("%02d", month % 12 + 1);
                w.write(indicator + "," + unit + "," + period + "," + sex + "," + (base + k) + ",FINAL,V" + (cell / 50) + ",V" + (cell % 50) + "\n");
            }
        }
        return file;
    }

    /** Sends a push with an Idempotency-Key. */
    static HttpResponse<String> push(Path file, String key) throws IOException, InterruptedException {
        return call("POST", "/api/values/pushes?reference=" + file.getFileName(), stats(), HttpRequest.BodyPublishers.ofFile(file),
                "Content-Type", "text/csv", "Idempotency-Key", key);
    }

    static boolean running(String status) {
        return "RECEIVING".equals(status) || "VALIDATING".equals(status) || "MERGING".equals(status);
    }

    /** Polls a push until it is SUCCEEDED or FAILED; transient gateway answers (502/503) are polled through. */
    static JsonNode awaitPush(long id, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            HttpResponse<String> r = call("GET", "/api/values/pushes/" + id, stats(), null);
            if (r.statusCode() == 200) {
                last = json(r);
                if (!running(last.path("status").asText())) {
                    return last;
                }
            } else if (r.statusCode() != 502 && r.statusCode() != 503 && r.statusCode() != 504) {
                throw new AssertionError("push " + id + " status read answered " + r.statusCode() + ": " + r.body());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("push " + id + " still running after " + max.toSeconds() + " s: " + last);
    }

    /** What a push ended as, seen by the client that drove it to completion. */
    record Outcome(long id, JsonNode view, int attempts, List<String> answers) {
    }

    /**
     * Sends a push with its key until it has SUCCEEDED: a 202 is polled, a FAILED push that wrote nothing
     * (interrupted, database) is sent again with the same key, a 409 waits its Retry-After, and a 502/503 (an instance
     * going away mid-upload) is sent again. Any other answer fails.
     */
    static Outcome pushUntilDone(Path file, String key, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        List<String> answers = new ArrayList<>();
        int attempts = 0;
        while (System.nanoTime() < end) {
            attempts++;
            HttpResponse<String> r;
            try {
                r = push(file, key);
            } catch (IOException e) {
                answers.add("io:" + e.getClass().getSimpleName());
                Thread.sleep(500);
                continue;
            }
            answers.add(String.valueOf(r.statusCode()));
            switch (r.statusCode()) {
                case 200, 201 -> {
                    JsonNode v = json(r);
                    if ("SUCCEEDED".equals(v.path("status").asText())) {
                        return new Outcome(v.path("id").asLong(), v, attempts, answers);
                    }
                    JsonNode done = awaitPush(v.path("id").asLong(), Duration.ofMinutes(5));
                    if ("SUCCEEDED".equals(done.path("status").asText())) {
                        return new Outcome(done.path("id").asLong(), done, attempts, answers);
                    }
                    answers.add(done.path("failureCode").asText());
                }
                case 202 -> {
                    JsonNode done = awaitPush(json(r).path("id").asLong(), Duration.ofMinutes(5));
                    if ("SUCCEEDED".equals(done.path("status").asText())) {
                        return new Outcome(done.path("id").asLong(), done, attempts, answers);
                    }
                    String code = done.path("failureCode").asText();
                    answers.add(code);
                    if (!List.of("PUSH_INTERRUPTED", "INTERNAL_ERROR", "DATABASE_UNAVAILABLE").contains(code)) {
                        throw new AssertionError("push " + key + " failed for good: " + done);
                    }
                }
                case 409, 502, 503, 504 -> Thread.sleep(1000L * Math.min(5,
                        Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").trim())));
                default -> throw new AssertionError("push " + key + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        throw new AssertionError("push " + key + " not done after " + max.toSeconds() + " s: " + answers);
    }

    static Connection db(String service) throws Exception {
        SuiteConfig c = suite.config();
        String database = switch (service) {
            case "plans" -> c.plans().database();
            case "indicators" -> c.indicators().database();
            case "reporting" -> c.reporting().database();
            default -> throw new IllegalArgumentException(service);
        };
        return suite.postgres().connect(database);
    }

    static long count(String service, String sql) throws Exception {
        try (Connection c = db(service); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Values of an indicator, how many of them the batch wrote, and history rows written twice for one version. */
    record Written(long values, long byBatch, long historyRows, long duplicateHistory) {
    }

    static Written written(String indicator, long batch) throws Exception {
        String id = "(select id from indicator where code = '" + indicator + "')";
        return new Written(
                count("indicators", "select count(*) from indicator_value where indicator_id = " + id),
                count("indicators", "select count(*) from indicator_value where indicator_id = " + id + " and batch_id = " + batch),
                count("indicators", "select count(*) from indicator_value_history where indicator_id = " + id),
                count("indicators", "select count(*) from (select 1 from indicator_value_history where indicator_id = " + id
                        + " group by unit_id, period, sex, dims, batch_id having count(*) > 1) d"));
    }

    /** Index of the indicators instance that owns a push's lease (instance ids are the launcher's names). */
    static int owner(String key) throws Exception {
        try (Connection c = db("indicators"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select owner from value_push where idem_key = '" + key + "'")) {
            if (!rs.next() || rs.getString(1) == null) {
                return -1;
            }
            String owner = rs.getString(1);
            return owner.startsWith("indicators-service-1#") ? 1 : owner.startsWith("indicators-service#") ? 0 : -1;
        }
    }

    static final String HEALTH_REPORT = """
            {"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tỷ số giới tính khi sinh 110 bé trai/100 bé gái."},
                         {"kind":"DIFFICULTIES","text":"Số liệu tuyến xã còn chậm."},
                         {"kind":"PROPOSALS","text":"Đề nghị bổ sung kinh phí truyền thông."}],
             "values":[{"measureKey":"O4-T1-M1","female":7000,"male":7800},{"measureKey":"O4-T2-M1","value":16},
                       {"measureKey":"O4-T3-M1","value":21},{"measureKey":"O4-T4-M1","value":1}]}""";

    /**
     * Imports and issues a copy of the Thừa Thiên Huế plan, waits for its obligations (plans-service's outbox to
     * reporting-service) and starts Health's annual report of each year: the reports the rolling restart submits
     * and reviews.
     */
    static List<Long> healthReports(String code) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(
                suite.config().repoRoot().resolve("deploy/demo/plans/tth-2021-2025.json").toFile());
        doc.put("code", code);
        String dolisa = E2eSuite.cachedBearer("dolisa.officer");
        HttpResponse<String> created = call("POST", "/api/plans", dolisa, HttpRequest.BodyPublishers.ofString(doc.toString()),
                "Content-Type", "application/json", "Idempotency-Key", "import-" + code);
        if (created.statusCode() != 201) {
            throw new AssertionError("plan import: " + created.statusCode() + " " + created.body());
        }
        long planId = json(created).path("id").asLong();
        HttpResponse<String> issued = call("POST", "/api/plans/" + planId + "/issue", dolisa,
                HttpRequest.BodyPublishers.ofString("{\"documentNumber\":\"E2E/KH-UBND\",\"issueDate\":\"2021-05-10\"}"),
                "Content-Type", "application/json", "If-Match", created.headers().firstValue("ETag").orElseThrow());
        if (issued.statusCode() != 200) {
            throw new AssertionError("plan issue: " + issued.statusCode() + " " + issued.body());
        }
        List<Long> obligations = new ArrayList<>();
        String health = E2eSuite.cachedBearer("health.reporter");
        E2eSuite.await("Health's obligations of plan " + code, Duration.ofSeconds(90), () -> {
            try {
                JsonNode items = json(call("GET", "/api/reports/obligations?size=500&planId=" + planId, health, null)).path("items");
                obligations.clear();
                items.forEach(o -> {
                    if ("R2".equals(o.path("ruleKey").asText())) {
                        obligations.add(o.path("id").asLong());
                    }
                });
                return obligations.size() >= 5;
            } catch (Exception e) {
                return false;
            }
        });
        List<Long> reports = new ArrayList<>();
        for (long obligation : obligations) {
            HttpResponse<String> r = call("POST", "/api/reports/obligations/" + obligation + "/report", health,
                    HttpRequest.BodyPublishers.ofString(HEALTH_REPORT), "Content-Type", "application/json");
            if (r.statusCode() != 201) {
                throw new AssertionError("report of obligation " + obligation + ": " + r.statusCode() + " " + r.body());
            }
            reports.add(json(r).path("id").asLong());
        }
        return reports;
    }

    /** Submissions and reviews a writer sent and had acknowledged. */
    record ReviewCounts(int submitsSent, int submitsAcknowledged, int returnsSent, int returnsAcknowledged,
                        Set<Long> accepted) {
    }

    /** DOLISA accepts a report at its this-many-th review: its values then travel reporting's outbox to indicators. */
    static final int ACCEPT_AT_REVIEW = 25;

    /**
     * Health submits, DOLISA returns, Health submits again … on each report in turn, until {@code go} turns false. The
     * next step is chosen from the report's state as read, so an answer lost in a restart is never counted twice.
     */
    static ReviewCounts submitAndReview(List<Long> reports, BooleanSupplier go) throws Exception {
        int submitsSent = 0;
        int submitsAck = 0;
        int returnsSent = 0;
        int returnsAck = 0;
        int n = 0;
        Map<Long, Integer> reviews = new HashMap<>();
        Set<Long> accepted = new TreeSet<>();
        while (go.getAsBoolean() && accepted.size() < reports.size()) {
            long report = reports.get(n++ % reports.size());
            String health = E2eSuite.cachedBearer("health.reporter");
            String dolisa = E2eSuite.cachedBearer("dolisa.officer");
            HttpResponse<String> read = call("GET", "/api/reports/submissions/" + report, health, null);
            if (read.statusCode() != 200) {
                expectTransient(read);
                continue;
            }
            String state = json(read).path("state").asText();
            String etag = read.headers().firstValue("ETag").orElse("*");
            HttpResponse<String> w;
            if ("ACCEPTED".equals(state)) {
                accepted.add(report);
                continue;
            }
            if ("SUBMITTED".equals(state) && reviews.merge(report, 1, Integer::sum) >= ACCEPT_AT_REVIEW) {
                w = call("POST", "/api/reports/submissions/" + report + "/accept", dolisa, HttpRequest.BodyPublishers.ofString("{}"),
                        "Content-Type", "application/json", "If-Match", etag);
            } else if ("SUBMITTED".equals(state)) {
                returnsSent++;
                w = call("POST", "/api/reports/submissions/" + report + "/return", dolisa,
                        HttpRequest.BodyPublishers.ofString("{\"summary\":\"Kiểm tra lại\",\"comments\":[{\"measureKey\":\"O4-T1-M1\",\"text\":\"Số trẻ trai\"}]}"),
                        "Content-Type", "application/json", "If-Match", etag);
                if (w.statusCode() == 200) {
                    returnsAck++;
                }
            } else {
                submitsSent++;
                w = call("POST", "/api/reports/submissions/" + report + "/submit", health, null,
                        "Idempotency-Key", "rolling-" + report + "-" + submitsSent);
                if (w.statusCode() == 200) {
                    submitsAck++;
                }
            }
            if (w.statusCode() != 200 && w.statusCode() != 412 && w.statusCode() != 409) {
                expectTransient(w);
            }
        }
        return new ReviewCounts(submitsSent, submitsAck, returnsSent, returnsAck, accepted);
    }

    /**
     * Waits until reporting's outbox has nothing pending, then counts, per accepted report, the value batches its
     * values made in indicators-service ({@code value_push} by {@code submission:<id>:v<n>}): once in effect is 1 each.
     */
    static Map<Long, Long> valueBatchesOf(Collection<Long> acceptedReports) throws Exception {
        String admin = E2eSuite.cachedBearer("gems.admin");
        E2eSuite.await("reporting's outbox empty", Duration.ofSeconds(120), () -> {
            try {
                call("POST", "/api/reports/outbox/deliveries?now=true", admin, null);
                return json(call("GET", "/api/reports/outbox", admin, null)).path("pending").asInt(-1) == 0;
            } catch (Exception e) {
                return false;
            }
        });
        Map<Long, Long> batches = new TreeMap<>();
        for (long report : acceptedReports) {
            batches.put(report, count("indicators", "select count(*) from value_push where source_reference like 'submission:"
                    + report + ":v%'"));
        }
        return batches;
    }

    /** A restart may cost an answer (the instance going away, 502/503/504), never anything else. */
    static void expectTransient(HttpResponse<String> r) {
        if (r.statusCode() != 502 && r.statusCode() != 503 && r.statusCode() != 504) {
            throw new AssertionError(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /**
     * Polls the push's row (as operators would) until it is in {@code phase} or has finished; returns what it saw.
     * The kill rounds use it to land in each phase in turn, not only in the long upload.
     */
    static String awaitPhase(String key, String phase, Duration max) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        String status = "";
        try (Connection c = db("indicators");
             PreparedStatement q = c.prepareStatement("select status from value_push where idem_key = ?")) {
            q.setString(1, key);
            while (System.nanoTime() < end) {
                try (ResultSet rs = q.executeQuery()) {
                    status = rs.next() ? rs.getString(1) : "";
                }
                if (status.equals(phase) || "SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                    return status;
                }
                Thread.sleep(20);
            }
        }
        return status;
    }
}
