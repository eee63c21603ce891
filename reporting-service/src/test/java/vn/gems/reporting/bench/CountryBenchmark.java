package vn.gems.reporting.bench;

import com.sun.net.httpserver.HttpExchange;
import vn.gems.common.testing.BenchSupport;
import vn.gems.common.testing.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Issue 13's scale benchmark: the whole country after the 2025 reform ({@code ./mvnw -Pbench verify -pl reporting-service
 * -DskipTests -Dbench.main=vn.gems.reporting.bench.CountryBenchmark}; package indicators-service and reporting-service
 * first). 34 provinces of 97 communes (3,298), each province with 20 departments and its communes' People's Committees
 * as required submitters of a provincial plan under a national plan of 20 targets; 100.9 million values in
 * indicators-service. Measured through the services' APIs:
 * <ol>
 *   <li>(a) a year's obligations for the whole country: the 35 plans' ISSUED events posted to reporting-service, which
 *       reads each plan and every agency it has not seen from "plans-service" and writes the obligations;</li>
 *   <li>(b) a provincial consolidation (117 submitters, 20 targets: 40 roll-ups over the province's communes);</li>
 *   <li>(c) the ministry's consolidation of the 34 provincial reports (40 roll-ups over all 3,298 communes);</li>
 *   <li>(d) the national roll-up of one indicator, one year, over all 3,298 communes, straight from indicators-service.</li>
 * </ol>
 * indicators-service and reporting-service are the packaged services on their own databases; plans-service is an
 * in-process stand-in answering the plan and agency reads from memory (it is not what is measured). Everything is
 * computed fresh per call: the services have no analytics tables. Settings: {@code -Dbench.keep=true} keeps the
 * databases (default: dropped at the end), {@code -Dbench.reuse=true} starts on a values table already filled by a
 * kept run, {@code -Dbench.calls} (1000 roll-ups; a fifth of that for consolidations).
 */
public final class CountryBenchmark {

    static final int PROVINCES = 34;
    static final int COMMUNES = 97;
    static final int DEPARTMENTS = 20;
    static final int TARGETS = 20;
    static final int INDICATORS = 200;
    static final int FIRST_YEAR = 1976;
    static final int YEAR = 2026;

    final ConsolidationBenchmark support = new ConsolidationBenchmark();
    final boolean keep = Boolean.getBoolean("bench.keep");
    final boolean reuse = Boolean.getBoolean("bench.reuse");
    final int calls = Integer.getInteger("bench.calls", 1000);
    final String indicatorsDb = "gems_country_bench_indicators";
    final String reportingDb = "gems_country_bench_reporting";
    final Map<String, String> plans = new HashMap<>();
    final Map<String, String> agencies = new HashMap<>();
    final List<String> figures = new ArrayList<>();
    /** Requests the plans-service stand-in answered (the obligations' reads of plans and agencies). */
    final AtomicInteger plansReads = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        new CountryBenchmark().run();
    }

    void run() throws Exception {
        Path module = Path.of(System.getProperty("bench.module", ".")).toAbsolutePath();
        Path copies = Files.createTempDirectory("gems-country-bench");
        Path reportingJar = ConsolidationBenchmark.copy(module.resolve("target/quarkus-app"), copies.resolve("reporting")).resolve("quarkus-run.jar");
        Path indicatorsJar = ConsolidationBenchmark.copy(module.resolveSibling("indicators-service").resolve("target/quarkus-app"),
                copies.resolve("indicators")).resolve("quarkus-run.jar");
        if (!reuse) {
            support.recreate(indicatorsDb);
        }
        support.recreate(reportingDb);
        int stubPort = support.startTokenEndpoint();
        support.tokens.createContext("/api/", this::plansStandIn);
        try {
            String indicators = "http://127.0.0.1:" + support.startReady(indicatorsJar, indicatorsDb, List.of(), module.resolve("target/country-indicators.log"));
            String reporting = "http://127.0.0.1:" + support.startReady(reportingJar, reportingDb, List.of(
                    "-Dquarkus.rest-client.indicators.url=" + indicators, "-Dquarkus.rest-client.plans.url=http://127.0.0.1:" + stubPort,
                    "-Dquarkus.oidc-client.auth-server-url=http://127.0.0.1:" + stubPort, "-Dquarkus.oidc-client.discovery-enabled=false",
                    "-Dquarkus.oidc-client.token-path=/token", "-Dquarkus.oidc-client.credentials.secret=bench",
                    "-Dgems.reporting.jobs.reminders-every=off", "-Dgems.reporting.jobs.handover-every=off"), module.resolve("target/country-reporting.log"));
            System.out.printf(Locale.ROOT, "%n== country benchmark (issue 13); machine: %d cores, %s; %s; %s%n", Runtime.getRuntime().availableProcessors(),
                    BenchSupport.memory(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), LocalDate.now());
            values(indicators);
            country();
            obligations(reporting);
            reports();
            consolidations(reporting);
            nationalRollup(indicators);
            System.out.println("\n== summary");
            figures.forEach(System.out::println);
        } finally {
            for (Process p : support.processes) {
                p.destroy();
                p.waitFor();
            }
            support.tokens.stop(0);
            try (var files = Files.walk(copies)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            if (!keep) {
                try (Connection c = support.connect("postgres"); Statement st = c.createStatement()) {
                    st.execute("drop database if exists " + indicatorsDb + " with (force)");
                    st.execute("drop database if exists " + reportingDb + " with (force)");
                }
            }
        }
    }

    /** Units, catalogue and one batch through the API; then the values table filled in SQL (not measured). */
    void values(String indicators) throws Exception {
        long rows = support.count(indicatorsDb, "select count(*) from indicator_value");
        if (reuse && rows > 100_000_000L) {
            System.out.printf(Locale.ROOT, "reusing %,d values%n", rows);
            return;
        }
        try (Connection c = support.connect(indicatorsDb)) {
            BenchSupport.indicatorsReferenceData(c, support.http, indicators, support.admin, PROVINCES, COMMUNES, INDICATORS);
        }
        // One real batch, so every figure has a source; its one value (the nation's) is deleted, the batch stays.
        String batch = "{\"source\":{\"kind\":\"PUSH\",\"reference\":\"country-seed\",\"agency\":\"TTH-STATS\"},\"values\":[{\"indicatorCode\":"
                + "\"BENCH_01\",\"unitCode\":\"VN\",\"period\":\"2000\",\"sex\":\"TOTAL\",\"value\":1,\"status\":\"FINAL\"}]}";
        HttpResponse<String> r = support.http.send(HttpRequest.newBuilder(URI.create(indicators + "/api/values/batch")).header("Authorization", support.admin)
                .header("Content-Type", "application/json").header("Idempotency-Key", "country-seed")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("seed batch: " + r.statusCode() + " " + r.body());
        }
        try (Connection c = support.connect(indicatorsDb); Statement st = c.createStatement()) {
            st.execute("delete from indicator_value");
            CountryValues.fill(c, (int) support.count(indicatorsDb, "select max(id) from value_push"), FIRST_YEAR, YEAR);
        }
    }

    /** The plans and agencies the stand-in serves: a national plan (id 1) and a plan per province (id 1 + p) under it. */
    void country() {
        agency("GOV", "VN", null);
        agency("MOHA", "VN", "GOV");
        StringBuilder children = new StringBuilder();
        for (int p = 1; p <= PROVINCES; p++) {
            String prov = String.format(Locale.ROOT, "P%02d", p);
            agency("PC-" + prov, prov, null);
            agency(prov + "-SNV", prov, "PC-" + prov);
            List<String> submitters = new ArrayList<>();
            for (int d = 1; d <= DEPARTMENTS; d++) {
                submitters.add(agency(String.format(Locale.ROOT, "%s-D%02d", prov, d), prov, "PC-" + prov));
            }
            for (int k = 1; k <= COMMUNES; k++) {
                String unit = String.format(Locale.ROOT, "%s-C%03d", prov, k);
                submitters.add(agency("PC-" + unit, unit, "PC-" + prov));
            }
            String rules = rule("R1", "SIX_MONTH", 15, 6, prov + "-SNV", submitters) + "," + rule("R2", "ANNUAL", 15, 11, prov + "-SNV", submitters);
            plans.put(String.valueOf(1 + p), plan(1 + p, prov + "-GE-2026", "PC-" + prov, prov + "-SNV", prov, "1", submitters, rules, ""));
            children.append(p == 1 ? "" : ",").append("{\"id\":").append(1 + p).append(",\"code\":\"").append(prov).append("-GE-2026\",\"status\":\"ISSUED\","
                    + "\"issuingAgency\":\"PC-").append(prov).append("\",\"leadAgency\":\"").append(prov).append("-SNV\",\"unitCode\":\"").append(prov)
                    .append("\",\"periodFrom\":2026,\"periodTo\":2030}");
        }
        String national = "{\"key\":\"R1\",\"kind\":\"ANNUAL\",\"dueDay\":15,\"dueMonth\":12,\"fromYear\":" + YEAR + ",\"toYear\":" + YEAR
                + ",\"submitters\":{\"mode\":\"CHILD_PLANS\",\"agencies\":[]},\"receivingAgency\":\"MOHA\",\"coverage\":\"ALL_TARGETS\",\"consolidates\":null}";
        plans.put("1", plan(1, "NQ28-2021-2030", "GOV", "MOHA", "VN", "null", List.of("MOHA"), national, children.toString()));
    }

    String agency(String code, String unit, String parent) {
        agencies.put(code, "{\"code\":\"" + code + "\",\"nameVi\":\"Cơ quan " + code + "\",\"nameEn\":\"Agency " + code + "\",\"unitCode\":\"" + unit
                + "\",\"parentCode\":" + (parent == null ? "null" : "\"" + parent + "\"") + ",\"validFrom\":\"2025-07-01\",\"validTo\":null,"
                + "\"active\":true,\"successors\":[]}");
        return code;
    }

    static String rule(String key, String kind, int day, int month, String receiver, List<String> submitters) {
        return "{\"key\":\"" + key + "\",\"kind\":\"" + kind + "\",\"dueDay\":" + day + ",\"dueMonth\":" + month + ",\"fromYear\":" + YEAR
                + ",\"toYear\":" + YEAR + ",\"submitters\":{\"mode\":\"EXPLICIT\",\"agencies\":[\"" + String.join("\",\"", submitters) + "\"]},"
                + "\"receivingAgency\":\"" + receiver + "\",\"coverage\":\"ALL_TARGETS\",\"consolidates\":null}";
    }

    /** A plan document with the national plan's 20 targets (BENCH_01…20), each owned by one of the plan's agencies. */
    static String plan(long id, String code, String issuer, String lead, String unit, String parent, List<String> owners, String rules, String children) {
        StringBuilder objectives = new StringBuilder();
        for (int o = 1; o <= 5; o++) {
            objectives.append(o == 1 ? "" : ",").append("{\"key\":\"O").append(o).append("\",\"label\":\"Mục tiêu ").append(o)
                    .append("\",\"title\":\"Lĩnh vực ").append(o).append("\",\"targets\":[");
            for (int t = 1; t <= TARGETS / 5; t++) {
                int i = (o - 1) * 4 + t;
                objectives.append(t == 1 ? "" : ",").append("{\"key\":\"O").append(o).append("-T").append(t).append("\",\"label\":\"Chỉ tiêu ")
                        .append(t).append("\",\"text\":\"Chỉ tiêu quốc gia số ").append(i).append("\",\"measures\":[{\"key\":\"O").append(o)
                        .append("-T").append(t).append("-M1\",\"indicatorCode\":\"BENCH_").append(String.format(Locale.ROOT, "%02d", i))
                        .append("\",\"figure\":\"").append(ConsolidationBenchmark.FIGURES[i % 5]).append("\",\"comparator\":\"")
                        .append(ConsolidationBenchmark.COMPARATORS[i % 5]).append("\",\"baselineValue\":45,\"baselineYear\":2020,\"targetValue\":50,")
                        .append("\"targetYear\":2030,\"fromYear\":null,\"dimensions\":{},\"responsibleAgencies\":[{\"agency\":\"")
                        .append(owners.get(i % owners.size())).append("\",\"scope\":null}]}]}");
            }
            objectives.append("]}");
        }
        return "{\"id\":" + id + ",\"version\":1,\"status\":\"ISSUED\",\"code\":\"" + code + "\",\"title\":\"Kế hoạch " + code + "\",\"issuingAgency\":\""
                + issuer + "\",\"leadAgency\":\"" + lead + "\",\"unitCode\":\"" + unit + "\",\"periodFrom\":2026,\"periodTo\":2030,\"parentPlanId\":" + parent
                + ",\"objectives\":[" + objectives + "],\"reportingRules\":[" + rules + "],\"assignedAgencies\":[],\"childPlans\":[" + children + "]}";
    }

    /** plans-service as reporting-service reads it: plan versions, agencies (one or a batch), holders (none: nobody is retired). */
    void plansStandIn(HttpExchange ex) throws IOException {
        plansReads.incrementAndGet();
        String[] path = ex.getRequestURI().getPath().split("/");
        String body = null;
        if (path.length >= 4 && path[2].equals("plans")) {
            body = plans.get(path[3]);
        } else if (path.length == 5 && path[2].equals("agencies") && path[4].equals("holders")) {
            body = "[]";
        } else if (path.length == 4 && path[2].equals("agencies")) {
            body = agencies.get(path[3]);
        } else if (path.length == 3 && path[2].equals("agencies") && ex.getRequestURI().getQuery() != null
                && ex.getRequestURI().getQuery().startsWith("codes=")) {
            // GET /api/agencies?codes=A,B,C: the batch read, the agencies among the codes that exist
            List<String> found = Arrays.stream(ex.getRequestURI().getQuery().substring(6).split(",")).map(agencies::get)
                    .filter(Objects::nonNull).toList();
            body = "{\"items\":[" + String.join(",", found) + "],\"total\":" + found.size() + "}";
        }
        byte[] b = (body == null ? "{\"status\":404,\"title\":\"Not found\"}" : body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body == null ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(body == null ? 404 : 200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    /** (a) The 35 ISSUED events, national plan first, as plans-service's outbox sends them; then the same again (no change). */
    void obligations(String reporting) throws Exception {
        for (String pass : List.of("first", "again")) {
            String load = CountryValues.load();
            int reads = plansReads.get();
            long t0 = System.nanoTime();
            for (int id = 1; id <= PROVINCES + 1; id++) {
                HttpResponse<String> r = support.http.send(HttpRequest.newBuilder(URI.create(reporting + "/api/reports/plan-events"))
                        .header("Authorization", service()).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "plan-" + id + "-v1-ISSUED-" + pass)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"planId\":" + id + ",\"planVersion\":1,\"event\":\"ISSUED\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("plan event " + id + ": " + r.statusCode() + " " + r.body());
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            long n = support.count(reportingDb, "select count(*) from obligation where state <> 'CANCELLED'");
            long national = support.count(reportingDb, "select count(*) from obligation where plan_id = 1");
            figure("(a) %s: 35 plan events -> %,d obligations (%,d to the ministry), %d reads of plans-service, %.1f s (bar <= 30 s), %s",
                    pass.equals("first") ? "a year's obligations for the country" : "the same events again (nothing changes)", n, national,
                    plansReads.get() - reads, s, load);
        }
    }

    /** 2026's annual reports: about 70 % accepted (1 in 7 late), 10 % submitted, 5 % returned, the rest missing; 30 provinces reported. */
    void reports() throws Exception {
        try (Connection c = support.connect(reportingDb); Statement st = c.createStatement()) {
            st.execute("update obligation set state = case when h < 70 then 'ACCEPTED' when h < 80 then 'SUBMITTED' when h < 85 then 'RETURNED' "
                    + "else 'OPEN' end, first_submitted_at = case when h < 85 then due_date - 3 + (case when h % 7 = 0 then 8 else 0 end) end "
                    + "from (select id oid, abs(hashtext(agency)) % 100 h from obligation where period = '" + YEAR + "') x "
                    + "where id = x.oid");
            String content = "'{\"sections\":[{\"kind\":\"RESULTS\",\"objectiveKey\":\"O' || (1 + length(agency) % 5) || '\",\"text\":"
                    + "\"Kết quả thực hiện của ' || agency || ': đã triển khai các nhiệm vụ được giao.\"}],\"activities\":[],\"values\":[]}'";
            st.execute("insert into report (obligation_id, agency, state, draft, last_version_no, accepted_version_no, first_submitted_at, "
                    + "last_submitted_at, accepted_at, created_by) select id, agency, case state when 'ACCEPTED' then 'ACCEPTED' when 'SUBMITTED' "
                    + "then 'SUBMITTED' else 'RETURNED' end, " + content + ", 1, case when state = 'ACCEPTED' then 1 end, first_submitted_at, "
                    + "first_submitted_at, case when state = 'ACCEPTED' then first_submitted_at end, 'bench' from obligation "
                    + "where period = '" + YEAR + "' and state <> 'OPEN'");
            st.execute("insert into report_version (report_id, number, content, submitted_at, submitted_by, late, days_late, review_outcome) "
                    + "select id, 1, draft, first_submitted_at, 'bench', false, 0, case state when 'SUBMITTED' then null else state end from report");
        }
    }

    /** (b) and (c): the consolidations, the provinces taken in turn. */
    void consolidations(String reporting) throws Exception {
        String load = CountryValues.load();
        int n = Math.max(34, calls / 5);
        double p99 = timed(n, i -> {
            String prov = String.format(Locale.ROOT, "P%02d", 1 + i % PROVINCES);
            return new String[]{reporting + "/api/reports/plans/" + (2 + i % PROVINCES) + "/consolidation?period=" + YEAR,
                    TestTokens.bearer("bench." + prov, prov + "-SNV", "reviewer")};
        }, "(b) provincial consolidation (117 submitters, 40 roll-ups over 97 communes)");
        figure("(b) provincial consolidation, 117 submitters: p99 %.0f ms (bar <= 150 ms), %s", p99, load);
        load = CountryValues.load();
        String moha = TestTokens.bearer("bench.moha", "MOHA", "reviewer");
        p99 = timed(n, i -> new String[]{reporting + "/api/reports/plans/1/consolidation?period=" + YEAR, moha},
                "(c) the ministry's consolidation (34 provinces, 40 national roll-ups)");
        figure("(c) the ministry's consolidation of 34 provincial reports: p99 %.0f ms (bar <= 500 ms), %s", p99, load);
    }

    /** (d) One indicator, one year, the whole country: a random indicator of the 200 and a random year of the 51 per call. */
    void nationalRollup(String indicators) throws Exception {
        String load = CountryValues.load();
        Random random = new Random(13);
        String today = LocalDate.now().toString();
        String service = service();
        double p99 = timed(calls, i -> new String[]{indicators + "/api/values/rollups", service, "{\"asOf\":\"" + today + "\",\"queries\":[{\"indicator\":"
                + String.format(Locale.ROOT, "\"BENCH_%02d\",\"unit\":\"VN\",\"period\":\"%d\"", 1 + random.nextInt(INDICATORS),
                FIRST_YEAR + random.nextInt(YEAR - FIRST_YEAR + 1)) + ",\"dimensions\":{}}]}"}, "(d) national roll-up (3,298 communes, 9,894 values)");
        long values = support.count(indicatorsDb, "select count(*) from indicator_value");
        figure("(d) national roll-up of one indicator over 3,298 communes, %,d values stored: p99 %.0f ms (bar <= 100 ms), %s", values, p99, load);
    }

    /** Calls {url, authorization[, JSON body to POST]} n times after a fifth as many to warm up; prints and returns the p99. */
    double timed(int n, IntFunction<String[]> call, String what) throws Exception {
        int warm = Math.max(20, n / 5);
        long[] ns = new long[n];
        for (int i = 0; i < warm + n; i++) {
            String[] c = call.apply(i);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c[0])).header("Authorization", c[1]);
            if (c.length > 2) {
                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(c[2]));
            }
            long t0 = System.nanoTime();
            HttpResponse<String> r = support.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(c[0] + " answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= warm) {
                ns[i - warm] = System.nanoTime() - t0;
            }
        }
        return ConsolidationBenchmark.print(what, ns);
    }

    /** A fresh service token: the load takes longer than a token lives. */
    static String service() {
        return TestTokens.bearer("service-account-plans-service", null, "gems-service");
    }

    void figure(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        figures.add(line);
        System.out.println(line);
    }
}
