package vn.gems.reporting.bench;

import com.sun.net.httpserver.HttpServer;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.gems.common.testing.BenchSupport;
import vn.gems.common.testing.TestTokens;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;

/**
 * The reporting-service benchmark ({@code ./mvnw -Pbench verify -pl reporting-service -DskipTests}; package
 * indicators-service and reporting-service first). It follows indicators-service's own benchmark: the packaged
 * services on fresh databases, reference data written straight into the tables (not what is measured), the values
 * table filled with COPY to 10,000,000 rows. Then it measures {@code GET /api/reports/plans/{id}/consolidation} —
 * through reporting-service, which calls indicators-service's roll-ups over HTTP with its own service token —
 * for a province plan with 20 targets and 100 reporting agencies, the province made of 100 communes.
 * <p>
 * Settings: {@code -Dbench.pgUrl} (jdbc:postgresql://127.0.0.1:5432/), {@code -Dbench.pgUser} (postgres),
 * {@code -Dbench.total} (10000000), {@code -Dbench.calls} (500).
 */
public final class ConsolidationBenchmark {

    static final int PROVINCES = 33;
    static final int COMMUNES = 100;
    static final int INDICATORS = 20;
    static final int AGENCIES = 100;
    static final String[] FIGURES = {"FEMALE_SHARE", "MALE_TO_FEMALE_X100", "FEMALE_TO_MALE_RATIO", "GAP", "TOTAL"};
    static final String[] COMPARATORS = {"AT_LEAST", "ABOUT", "REDUCE_TO", "AT_MOST", "AT_LEAST"};

    final String pgBase = System.getProperty("bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/");
    final String pgUser = System.getProperty("bench.pgUser", "postgres");
    final String pgPassword = System.getProperty("bench.pgPassword", "");
    final long total = Long.getLong("bench.total", 10_000_000L);
    final int calls = Integer.getInteger("bench.calls", 500);
    final String indicatorsDb = "gems_reporting_bench_indicators";
    final String reportingDb = "gems_reporting_bench";
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String admin = TestTokens.bearer("bench.admin", "TTH-STATS", "stats-pusher", "admin");
    final String reviewer = TestTokens.bearer("bench.reviewer", "BENCH-LEAD", "reviewer", "plan-manager");
    final List<Process> processes = new ArrayList<>();
    HttpServer tokens;
    /** Requests to the stand-in other than for a token: reporting-service's calls to plans-service (all answered 404). */
    final java.util.concurrent.atomic.AtomicInteger plansCalls = new java.util.concurrent.atomic.AtomicInteger();

    public static void main(String[] args) throws Exception {
        new ConsolidationBenchmark().run();
    }

    void run() throws Exception {
        Path module = Path.of(System.getProperty("bench.module", ".")).toAbsolutePath();
        Path reportingJar = module.resolve("target/quarkus-app/quarkus-run.jar");
        Path indicatorsJar = module.resolveSibling("indicators-service").resolve("target/quarkus-app/quarkus-run.jar");
        for (Path jar : List.of(reportingJar, indicatorsJar)) {
            if (!Files.exists(jar)) {
                throw new IllegalStateException("package it first: " + jar + " is missing");
            }
        }
        // Run copies, so a rebuild of either module while the benchmark runs does not pull the jars from under it.
        Path copies = Files.createTempDirectory("gems-bench-apps");
        reportingJar = copy(reportingJar.getParent(), copies.resolve("reporting")).resolve("quarkus-run.jar");
        indicatorsJar = copy(indicatorsJar.getParent(), copies.resolve("indicators")).resolve("quarkus-run.jar");
        recreate(indicatorsDb);
        recreate(reportingDb);
        int tokenPort = startTokenEndpoint();
        try {
            int indicatorsPort = startReady(indicatorsJar, indicatorsDb, List.of(), module.resolve("target/bench-indicators.log"));
            String indicators = "http://127.0.0.1:" + indicatorsPort;
            int reportingPort = startReady(reportingJar, reportingDb, List.of(
                    "-Dquarkus.rest-client.indicators.url=" + indicators,
                    "-Dquarkus.rest-client.plans.url=http://127.0.0.1:" + tokenPort,
                    "-Dquarkus.oidc-client.auth-server-url=http://127.0.0.1:" + tokenPort,
                    "-Dquarkus.oidc-client.discovery-enabled=false",
                    "-Dquarkus.oidc-client.token-path=/token",
                    "-Dquarkus.oidc-client.credentials.secret=bench",
                    "-Dgems.reporting.jobs.reminders-every=off", "-Dgems.reporting.jobs.handover-every=off"), module.resolve("target/bench-reporting.log"));
            String reporting = "http://127.0.0.1:" + reportingPort;

            long t0 = System.nanoTime();
            int batch = indicatorReferenceData(indicators);
            fillValues(batch);
            long values = count(indicatorsDb, "select count(*) from indicator_value");
            reportingData();
            System.out.printf(Locale.ROOT, "%n== reporting-service benchmark; machine: %d cores, %s; %s%n", Runtime.getRuntime().availableProcessors(),
                    BenchSupport.memory(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "data: %,d values in indicators-service (%d indicators x %d communes of %d provinces, by sex); "
                            + "plan with %d targets, %d reporting agencies; set up in %.0f s%n", values, INDICATORS, PROVINCES * COMMUNES,
                    PROVINCES, INDICATORS, AGENCIES, (System.nanoTime() - t0) / 1e9);

            String url = reporting + "/api/reports/plans/1/consolidation?period=2024";
            String body = get(url);
            System.out.printf(Locale.ROOT, "one consolidation: %,d bytes of JSON, completeness %s%n", body.length(),
                    body.substring(body.indexOf("\"completeness\""), body.indexOf('}', body.indexOf("\"completeness\"")) + 1));
            latency("GET consolidation (JSON; 40 roll-ups in one call to indicators-service)", url, calls);
            StringBuilder q = new StringBuilder("{\"asOf\":\"" + LocalDate.now() + "\",\"queries\":[");
            for (int i = 1; i <= INDICATORS; i++) {
                for (String period : List.of("2024", "2023")) {
                    q.append(q.charAt(q.length() - 1) == '[' ? "" : ",").append("{\"indicator\":\"BENCH_").append(String.format(Locale.ROOT, "%02d", i))
                            .append("\",\"unit\":\"P01\",\"period\":\"").append(period).append("\",\"dimensions\":{}}");
                }
            }
            q.append("]}");
            latencyPost("  of which: the same 40 roll-ups asked of indicators-service directly", indicators + "/api/values/rollups", q.toString(), calls);
            latency("GET consolidation export XLSX", reporting + "/api/reports/plans/1/consolidation/export?period=2024&format=xlsx", Math.max(20, calls / 10));
            latency("GET consolidation export DOCX (20 charts)", reporting + "/api/reports/plans/1/consolidation/export?period=2024&format=docx", Math.max(20, calls / 10));
            System.out.println("bar: p99 <= 150 ms for the consolidation");
            System.out.printf(Locale.ROOT, "calls to the plans-service stand-in (404) during the whole run: %d%n", plansCalls.get());
        } finally {
            for (Process p : processes) {
                p.destroy();
                p.waitFor();
            }
            if (tokens != null) {
                tokens.stop(0);
            }
            try (var files = Files.walk(copies)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Client-credentials stand-in: reporting-service gets a signed service token indicators-service accepts. It is also
     * plans-service's address; a consolidation calls none of plans-service (the count printed at the end says so).
     */
    int startTokenEndpoint() throws IOException {
        tokens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tokens.createContext("/token", ex -> {
            byte[] b = ("{\"access_token\":\"" + TestTokens.user("service-account-reporting-service", null, "gems-service")
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":600}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        tokens.createContext("/", ex -> {
            plansCalls.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        tokens.start();
        return tokens.getAddress().getPort();
    }

    /** Starts a service on a free port and waits until it is ready; another port when the one picked was taken meanwhile. */
    int startReady(Path jar, String database, List<String> extra, Path log) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port = BenchSupport.freePort();
            Process p = start(jar, port, database, extra, log);
            try {
                waitReady("http://127.0.0.1:" + port, p);
                return port;
            } catch (IllegalStateException e) {
                p.destroy();
                p.waitFor();
                processes.remove(p);
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    Process start(Path jar, int port, String database, List<String> extra, Path log) throws IOException {
        Process p = BenchSupport.startService(jar, port, pgBase + database, pgUser, pgPassword, extra, log);
        processes.add(p);
        return p;
    }

    void waitReady(String base, Process process) throws Exception {
        BenchSupport.waitReady(http, base, process);
    }

    /** Units and indicators in indicators-service; returns the batch the values belong to. */
    int indicatorReferenceData(String base) throws Exception {
        try (Connection c = connect(indicatorsDb)) {
            BenchSupport.indicatorsReferenceData(c, http, base, admin, PROVINCES, COMMUNES, INDICATORS);
        }
        // One real batch through the API, so the figures have a source; the rest of the table is filled with COPY under it.
        StringBuilder json = new StringBuilder("{\"source\":{\"kind\":\"PUSH\",\"reference\":\"bench-seed\",\"agency\":\"TTH-STATS\"},\"values\":[");
        for (int i = 1; i <= INDICATORS; i++) {
            json.append(i == 1 ? "" : ",").append("{\"indicatorCode\":\"BENCH_").append(String.format(Locale.ROOT, "%02d", i))
                    .append("\",\"unitCode\":\"P33\",\"period\":\"2024\",\"sex\":\"TOTAL\",\"value\":1,\"status\":\"FINAL\"}");
        }
        json.append("]}");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/values/batch")).header("Authorization", admin)
                .header("Content-Type", "application/json").header("Idempotency-Key", "bench-seed")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("seed batch: " + r.statusCode() + " " + r.body());
        }
        return (int) count(indicatorsDb, "select max(id) from value_push");
    }

    /** Years 2024 backwards, every indicator × commune × sex, until the table holds {@code total} values. */
    void fillValues(int batch) throws Exception {
        try (Connection c = connect(indicatorsDb)) {
            int[] ids = ints(c, "select id from indicator where code like 'BENCH_%' order by id");
            int[] units = ints(c, "select id from admin_unit where level = 'COMMUNE' order by id");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Random random = new Random(11);
            long written = count(indicatorsDb, "select count(*) from indicator_value");
            for (int year = 2024; year > 1801 && written < total; year--) {
                StringBuilder sb = new StringBuilder(48 * ids.length * units.length * 3);
                for (int id : ids) {
                    for (int u : units) {
                        int f = 1000 + random.nextInt(4000);
                        int m = 1000 + random.nextInt(4000);
                        sb.append(id).append('\t').append(u).append('\t').append(year).append("\tF\t\t").append(f).append("\t\\N\t\\N\tF\t").append(batch).append('\n');
                        sb.append(id).append('\t').append(u).append('\t').append(year).append("\tM\t\t").append(m).append("\t\\N\t\\N\tF\t").append(batch).append('\n');
                        sb.append(id).append('\t').append(u).append('\t').append(year).append("\tT\t\t").append(f + m).append("\t\\N\t\\N\tF\t").append(batch).append('\n');
                    }
                }
                copy.copyIn("copy indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id) from stdin",
                        new StringReader(sb.toString()));
                written += 3L * ids.length * units.length;
            }
            try (Statement st = c.createStatement()) {
                st.execute("vacuum analyze indicator_value");
            }
        }
    }

    /** A province plan (unit P01) with 20 targets and 100 agencies reporting yearly; 2024's reports mostly accepted. */
    void reportingData() throws Exception {
        StringBuilder objectives = new StringBuilder();
        for (int o = 1; o <= 5; o++) {
            objectives.append(o == 1 ? "" : ",").append("{\"key\":\"O").append(o).append("\",\"label\":\"Mục tiêu ").append(o)
                    .append("\",\"title\":\"Lĩnh vực ").append(o).append("\",\"targets\":[");
            for (int t = 1; t <= 4; t++) {
                int i = (o - 1) * 4 + t;
                String agency = String.format(Locale.ROOT, "BENCH-A%03d", 1 + (i * 7) % AGENCIES);
                objectives.append(t == 1 ? "" : ",").append("{\"key\":\"O").append(o).append("-T").append(t).append("\",\"label\":\"Chỉ tiêu ").append(t)
                        .append("\",\"text\":\"Chỉ tiêu thử nghiệm số ").append(i).append("\",\"measures\":[{\"key\":\"O").append(o).append("-T").append(t)
                        .append("-M1\",\"indicatorCode\":\"BENCH_").append(String.format(Locale.ROOT, "%02d", i)).append("\",\"figure\":\"")
                        .append(FIGURES[i % FIGURES.length]).append("\",\"comparator\":\"").append(COMPARATORS[i % COMPARATORS.length])
                        .append("\",\"baselineValue\":").append(i % 2 == 0 ? "45" : "null").append(",\"baselineYear\":").append(i % 2 == 0 ? "2020" : "null")
                        .append(",\"targetValue\":50,\"targetYear\":2025,\"fromYear\":null,\"dimensions\":{},\"responsibleAgencies\":[{\"agency\":\"")
                        .append(agency).append("\",\"scope\":null}]}]}");
            }
            objectives.append("]}");
        }
        StringBuilder agencies = new StringBuilder();
        for (int a = 1; a <= AGENCIES; a++) {
            agencies.append(a == 1 ? "" : ",").append('"').append(String.format(Locale.ROOT, "BENCH-A%03d", a)).append('"');
        }
        String document = "{\"id\":1,\"version\":1,\"status\":\"ISSUED\",\"code\":\"BENCH-PLAN\",\"title\":\"Kế hoạch thử tải\","
                + "\"issuingAgency\":\"BENCH-PC\",\"leadAgency\":\"BENCH-LEAD\",\"unitCode\":\"P01\",\"periodFrom\":2021,\"periodTo\":2025,"
                + "\"objectives\":[" + objectives + "],\"reportingRules\":[{\"key\":\"R2\",\"kind\":\"ANNUAL\",\"dueDay\":30,\"dueMonth\":11,"
                + "\"fromYear\":2021,\"toYear\":2025,\"submitters\":{\"mode\":\"EXPLICIT\",\"agencies\":[" + agencies + "]},"
                + "\"receivingAgency\":\"BENCH-LEAD\",\"coverage\":\"RESPONSIBLE_TARGETS\",\"consolidates\":null}],\"assignedAgencies\":[" + agencies + "]}";
        String content = """
                {"sections":[{"kind":"RESULTS","objectiveKey":"O%d","text":"Kết quả thực hiện của cơ quan %d: đã triển khai đầy đủ các nhiệm vụ được giao, \
                tổ chức tuyên truyền, tập huấn và theo dõi các chỉ tiêu."},{"kind":"DIFFICULTIES","objectiveKey":null,"text":"Khó khăn về kinh phí."},\
                {"kind":"PROPOSALS","objectiveKey":null,"text":"Đề nghị bổ sung nguồn lực."}],"activities":[{"objectiveKey":"O%d",\
                "title":"Tập huấn bình đẳng giới","count":3,"participantsFemale":60,"participantsMale":40,"participantsTotal":100}],"values":[]}""";
        try (Connection c = connect(reportingDb)) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into plan_ref (plan_id, plan_version, status, number, title, issuing_agency, "
                    + "lead_agency, unit_code, document) values (1, 1, 'ISSUED', 'BENCH-PLAN', 'Kế hoạch thử tải', 'BENCH-PC', 'BENCH-LEAD', 'P01', ?)")) {
                p.setString(1, document);
                p.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("insert into agency_ref (code, name_vi, name_en, unit_code, parent_code) values ('BENCH-PC', 'Ủy ban nhân dân tỉnh thử tải', "
                        + "'Bench PC', 'P01', null), ('BENCH-LEAD', 'Sở Lao động - Thương binh và Xã hội tỉnh thử tải', 'Bench lead', 'P01', 'BENCH-PC')");
                st.execute("insert into agency_ref (code, name_vi, name_en, unit_code, parent_code) select 'BENCH-A' || lpad(a::text, 3, '0'), "
                        + "'Cơ quan thử tải ' || a, 'Bench agency ' || a, 'P01', 'BENCH-PC' from generate_series(1, " + AGENCIES + ") a");
                // Every year 2021-2025 for every agency; 2024: 70 accepted (10 of them late), 10 submitted, 5 returned, 15 never sent.
                st.execute("insert into obligation (plan_id, plan_version, rule_key, kind, period, due_date, assigned_agency, agency, receiving_agency, "
                        + "unit_code, coverage, state) select 1, 1, 'R2', 'ANNUAL', y::text, make_date(y, 11, 30), 'BENCH-A' || lpad(a::text, 3, '0'), "
                        + "'BENCH-A' || lpad(a::text, 3, '0'), 'BENCH-LEAD', 'P01', 'RESPONSIBLE_TARGETS', case when y <> 2024 then 'OPEN' "
                        + "when a <= 70 then 'ACCEPTED' when a <= 80 then 'SUBMITTED' when a <= 85 then 'RETURNED' else 'OPEN' end "
                        + "from generate_series(2021, 2025) y, generate_series(1, " + AGENCIES + ") a");
                st.execute("update obligation set first_submitted_at = timestamp '2024-11-28 09:00' + (case when substring(agency, 8)::int % 7 = 0 "
                        + "then interval '5 days' else interval '0 days' end) where period = '2024' and state <> 'OPEN'");
            }
            try (PreparedStatement r = c.prepareStatement("insert into report (obligation_id, agency, state, draft, last_version_no, accepted_version_no, "
                    + "first_submitted_at, last_submitted_at, accepted_at, created_by) select id, agency, case state when 'ACCEPTED' then 'ACCEPTED' "
                    + "when 'SUBMITTED' then 'SUBMITTED' else 'RETURNED' end, ?, 1, case when state = 'ACCEPTED' then 1 end, first_submitted_at, "
                    + "first_submitted_at, case when state = 'ACCEPTED' then first_submitted_at end, 'bench' from obligation where period = '2024' and state <> 'OPEN'");
                 PreparedStatement v = c.prepareStatement("insert into report_version (report_id, number, content, submitted_at, submitted_by, late, days_late, "
                         + "review_outcome) values (?, 1, ?, ?, 'bench', false, 0, ?)")) {
                r.setString(1, content.formatted(1, 1, 1));
                r.executeUpdate();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select r.id, r.agency, r.first_submitted_at, o.state "
                        + "from report r join obligation o on o.id = r.obligation_id")) {
                    while (rs.next()) {
                        int a = Integer.parseInt(rs.getString(2).substring(7));
                        v.setLong(1, rs.getLong(1));
                        v.setString(2, content.formatted(1 + a % 5, a, 1 + a % 5));
                        v.setTimestamp(3, rs.getTimestamp(3));
                        String state = rs.getString(4);
                        v.setString(4, state.equals("ACCEPTED") ? "ACCEPTED" : state.equals("RETURNED") ? "RETURNED" : null);
                        v.addBatch();
                    }
                }
                v.executeBatch();
            }
            c.commit();
        }
    }

    void latency(String what, String url, int n) throws Exception {
        for (int i = 0; i < Math.max(20, n / 5); i++) {
            get(url);
        }
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            get(url);
            ns[i] = System.nanoTime() - t0;
        }
        print(what, ns);
    }

    /** Prints p50/p95/p99/max of the timings; returns the p99 in milliseconds. */
    static double print(String what, long[] ns) {
        int n = ns.length;
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%-62s %4d calls: p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n", what, n,
                ns[n / 2] / 1e6, ns[(int) (n * 0.95)] / 1e6, ns[Math.min(n - 1, (int) (n * 0.99))] / 1e6, ns[n - 1] / 1e6);
        return ns[Math.min(n - 1, (int) (n * 0.99))] / 1e6;
    }

    void latencyPost(String what, String url, String body, int n) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).header("Authorization", TestTokens.bearer("svc", null, "gems-service"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long[] ns = new long[n];
        for (int i = 0; i < n + Math.max(20, n / 5); i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= Math.max(20, n / 5)) {
                ns[i - Math.max(20, n / 5)] = System.nanoTime() - t0;
            }
        }
        print(what, ns);
    }

    String get(String url) throws Exception {
        return get(url, reviewer);
    }

    String get(String url, String authorization) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    void recreate(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
            st.execute("create database " + database);
        }
    }

    /** The driver directly: exec:java's class loader hides it from DriverManager. */
    Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", pgUser);
        p.setProperty("password", pgPassword);
        return new Driver().connect(pgBase + database, p);
    }

    long count(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int[] ints(Connection c, String sql) throws SQLException {
        List<Integer> l = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                l.add(rs.getInt(1));
            }
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
