package vn.gems.indicators.bench;

import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.gems.common.testing.BenchDatabase;
import vn.gems.common.testing.BenchSupport;
import vn.gems.common.testing.TestTokens;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicators-service benchmark ({@code ./mvnw -Pbench verify -pl indicators-service -DskipTests}). It starts the
 * packaged service ({@code target/quarkus-app}) with {@code -Xmx512m} on a fresh database and prints:
 * <ol>
 *   <li>1,000,002 sex-disaggregated values (40 indicators × 3,300 communes × 2021–2023 × F/M/T) pushed as one CSV
 *       through the API, against raw pgJDBC {@code CopyManager.copyIn} of the same rows into the same table;</li>
 *   <li>the identical file pushed again (time, rows changed, audit rows written);</li>
 *   <li>the peak heap of the service during the pushes;</li>
 *   <li>p50/p95/p99 of a province roll-up (~100 communes, one indicator, one year) with 10,000,000 values stored.</li>
 * </ol>
 * Reference data (3,300 communes in 33 provinces) is written straight into the tables: it is not what is measured.
 * Settings: {@code -Dbench.pgUrl} (default jdbc:postgresql://127.0.0.1:5432/), {@code -Dbench.pgUser} (postgres),
 * {@code -Dbench.total} (10000000), {@code -Dbench.rollups} (1000).
 */
public final class PushBenchmark {

    static final int PROVINCES = 33;
    static final int COMMUNES_PER_PROVINCE = 100;
    static final int INDICATORS = 40;
    static final int PUSH_ROWS = 1_000_000;

    final long total = Long.getLong("bench.total", 10_000_000L);
    final int rollups = Integer.getInteger("bench.rollups", 1000);
    // A database of its own per run: other worktrees on the same server run this benchmark too.
    final BenchDatabase pg = BenchDatabase.own("gems_indicators_bench_", new Driver());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String token = TestTokens.bearer("stats.officer", "TTH-STATS", "stats-pusher", "admin");
    Process service;
    String base;

    public static void main(String[] args) throws Exception {
        new PushBenchmark().run();
    }

    void run() throws Exception {
        Path jar = BenchDatabase.packagedService();
        recreateDatabase();
        int port = BenchSupport.freePort();
        base = "http://127.0.0.1:" + port;
        startService(jar, port);
        try {
            waitReady();
            setUpReferenceData();
            Path csv = Files.createTempFile("bench-push", ".csv");
            Path reordered = Files.createTempFile("bench-reordered", ".csv");
            Path raw = Files.createTempFile("bench-raw", ".csv");
            try {
                long rows = writeFiles(csv, raw);
                List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
                List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
                Collections.reverse(data);
                data.add(0, lines.get(0));
                Files.write(reordered, data, StandardCharsets.UTF_8);
                lines = null;
                data = null;
                System.out.printf(Locale.ROOT, "%n== indicators-service benchmark: %,d values, CSV %.1f MB; machine: %d cores, %s; %s; load average at start %.1f%n",
                        rows, Files.size(csv) / 1e6, Runtime.getRuntime().availableProcessors(), BenchSupport.memory(),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

                warmUp();
                HeapSampler heap = new HeapSampler();
                heap.start();
                int rounds = Integer.getInteger("bench.rounds", 3);
                double[] rawS = new double[rounds];
                double[] apiS = new double[rounds];
                double[] sameS = new double[rounds];
                double[] fullS = new double[rounds];
                String first = "";
                String same = "";
                String full = "";
                long audit = 0;
                for (int r = 0; r < rounds; r++) {
                    truncateValues();
                    checkpoint();
                    long t0 = System.nanoTime();
                    copyRaw(raw);
                    rawS[r] = (System.nanoTime() - t0) / 1e9;
                    truncateValues();
                    checkpoint();

                    t0 = System.nanoTime();
                    first = push(csv);
                    apiS[r] = (System.nanoTime() - t0) / 1e9;
                    long history0 = count("select count(*) from indicator_value_history");
                    checkpoint();

                    t0 = System.nanoTime();
                    same = push(csv);
                    sameS[r] = (System.nanoTime() - t0) / 1e9;

                    t0 = System.nanoTime();
                    full = push(reordered);
                    fullS[r] = (System.nanoTime() - t0) / 1e9;
                    audit += count("select count(*) from indicator_value_history") - history0;
                    System.out.printf(Locale.ROOT, "  round %d: raw COPY %.2f s, API push %.2f s (%.2f x), identical re-push %.2f s (%.2f x), "
                                    + "reordered re-push %.2f s (%.2f x)%n", r + 1, rawS[r], apiS[r], rawS[r] / apiS[r], sameS[r],
                            sameS[r] / apiS[r], fullS[r], fullS[r] / apiS[r]);
                }
                heap.end();
                double raw50 = median(rawS);
                double api50 = median(apiS);
                System.out.printf(Locale.ROOT, "raw COPY (pgJDBC CopyManager.copyIn, same rows, same table):   median %6.2f s  %,10.0f rows/s%n",
                        raw50, rows / raw50);
                System.out.printf(Locale.ROOT, "API push (HTTP CSV -> spool -> parse/validate/check -> COPY into the table, or staging + merge): median %6.2f s  %,10.0f rows/s"
                        + "  = %.2f x raw COPY (bar >= 0.40)%n", api50, rows / api50, raw50 / api50);
                System.out.printf(Locale.ROOT, "  first push summary: %s%n", summary(first));
                System.out.printf(Locale.ROOT, "identical re-push (same bytes; recognised by content hash + watermarks): median %6.2f s  = %.2f x the first push "
                        + "(bar <= 0.50)%n", median(sameS), median(sameS) / api50);
                System.out.printf(Locale.ROOT, "  summary: %s%n", summary(same));
                System.out.printf(Locale.ROOT, "re-push of the same rows in reverse order (full row-by-row compare): median %6.2f s  = %.2f x the first push%n",
                        median(fullS), median(fullS) / api50);
                System.out.printf(Locale.ROOT, "  summary: %s%n", summary(full));
                System.out.printf(Locale.ROOT, "audit rows written by the re-pushes: %d%n", audit);
                System.out.printf(Locale.ROOT, "service heap (-Xmx512m, serial GC): no OutOfMemoryError; peak heap in use %.0f MB of %.0f MB (garbage included), "
                        + "old generation at most %.0f MB%n", heap.peak / 1e6, heap.max / 1e6, heap.live / 1e6);
                double live = liveHeapDuring(reordered);
                System.out.printf(Locale.ROOT, "  live heap during a full-compare push of the same file (full GCs forced every 300 ms, untimed): at most %.0f MB%n",
                        live / 1e6);
            } finally {
                Files.deleteIfExists(csv);
                Files.deleteIfExists(reordered);
                Files.deleteIfExists(raw);
            }

            fillTo(total);
            rollupLatency();
        } finally {
            service.destroy();
            service.waitFor();
            pg.drop();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    void recreateDatabase() throws SQLException {
        pg.recreate();
    }

    Connection db() throws SQLException {
        return pg.connect();
    }

    void startService(Path jar, int port) throws IOException {
        service = BenchSupport.startService(jar, port, pg.jdbcUrl(), pg.user(), pg.password(),
                List.of("-Dquarkus.log.category.\"vn.gems\".level=INFO"), jar.getParent().getParent().resolve("bench-service.log"));
    }

    void waitReady() throws Exception {
        BenchSupport.waitReady(http, base, service);
    }

    /** 33 provinces of 100 communes each (3,300, like Viet Nam's communes after 2025), and 40 indicators by sex. */
    void setUpReferenceData() throws Exception {
        try (Connection c = db()) {
            BenchSupport.indicatorsReferenceData(c, http, base, token, PROVINCES, COMMUNES_PER_PROVINCE, INDICATORS);
        }
    }

    /** The push file (codes) and the raw COPY file (the table's own columns, ids resolved) for the same rows. */
    long writeFiles(Path csv, Path raw) throws Exception {
        int[] indicatorIds = new int[INDICATORS + 1];
        int[][] communeIds = new int[PROVINCES + 1][COMMUNES_PER_PROVINCE + 1];
        try (Connection c = db(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select id, code from indicator where code like 'BENCH_%'")) {
                while (rs.next()) {
                    indicatorIds[Integer.parseInt(rs.getString(2).substring(6))] = rs.getInt(1);
                }
            }
            try (ResultSet rs = st.executeQuery("select id, code from admin_unit where level = 'COMMUNE'")) {
                while (rs.next()) {
                    String code = rs.getString(2);
                    communeIds[Integer.parseInt(code.substring(1, 3))][Integer.parseInt(code.substring(5))] = rs.getInt(1);
                }
            }
        }
        long rows = 0;
        try (BufferedWriter a = Files.newBufferedWriter(csv, StandardCharsets.UTF_8); BufferedWriter b = Files.newBufferedWriter(raw, StandardCharsets.UTF_8)) {
            a.write("indicator,unit,period,sex,value,status\n");
            outer:
            for (int year = 2021; year <= 2023; year++) {
                for (int i = 1; i <= INDICATORS; i++) {
                    for (int p = 1; p <= PROVINCES; p++) {
                        for (int k = 1; k <= COMMUNES_PER_PROVINCE; k++) {
                            int f = (int) Math.floorMod(i * 7919L + p * 104729L + k * 1299709L + year * 15485863L, 5000);
                            int m = (int) Math.floorMod(i * 6997L + p * 99991L + k * 1046527L + year * 10007L, 5000);
                            String ind = String.format(Locale.ROOT, "BENCH_%02d", i);
                            String unit = String.format(Locale.ROOT, "P%02d-C%03d", p, k);
                            int[] v = {f, m, f + m};
                            String[] sex = {"FEMALE", "MALE", "TOTAL"};
                            char[] letter = {'F', 'M', 'T'};
                            for (int s = 0; s < 3; s++) {
                                a.write(ind + "," + unit + "," + year + "," + sex[s] + "," + v[s] + ",FINAL\n");
                                b.write(indicatorIds[i] + "," + communeIds[p][k] + "," + year + "," + letter[s] + ",\"\"," + v[s] + ",,,F,1\n");
                            }
                            rows += 3;
                            if (rows >= PUSH_ROWS) {
                                break outer;
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** A few small pushes with changing values, so the service's code paths are compiled before anything is timed. */
    void warmUp() throws Exception {
        Path small = Files.createTempFile("bench-warm", ".csv");
        try {
            for (int round = 0; round < 4; round++) {
                StringBuilder sb = new StringBuilder("indicator,unit,period,sex,value\n");
                for (int k = 1; k <= 100; k++) {
                    for (int i = 1; i <= 20; i++) {
                        String u = String.format(Locale.ROOT, "P01-C%03d", k);
                        String ind = String.format(Locale.ROOT, "BENCH_%02d", i);
                        sb.append(ind).append(',').append(u).append(",2000,FEMALE,").append(1 + round).append('\n')
                                .append(ind).append(',').append(u).append(",2000,MALE,2\n")
                                .append(ind).append(',').append(u).append(",2000,TOTAL,").append(3 + round).append('\n');
                    }
                }
                Files.writeString(small, sb);
                push(small);
            }
        } finally {
            Files.deleteIfExists(small);
        }
        truncateValues();
    }

    void copyRaw(Path raw) throws Exception {
        try (Connection c = db(); Reader in = Files.newBufferedReader(raw, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, "
                    + "denominator, status, batch_id) from stdin (format csv)", in);
        }
    }

    void truncateValues() throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            // The watermarks and push records describe the values: they go with them, or an identical push would be believed.
            st.execute("truncate indicator_value, indicator_value_history, value_watermark");
            st.execute("update value_push set content_sha256 = null");
            st.execute("vacuum analyze indicator_value");
        }
    }

    void checkpoint() throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute("checkpoint");
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Pushes a file and waits for the job to end; returns the final push resource. */
    String push(Path file) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/values/pushes?status=FINAL&reference=" + file.getFileName()))
                .header("Authorization", token).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) {
            return r.body();
        }
        if (r.statusCode() != 202) {
            throw new IllegalStateException("push answered " + r.statusCode() + ": " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        location = location.startsWith("http") ? location : base + location;
        while (true) {
            Thread.sleep(50);
            String job = http.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization", token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (job.contains("\"status\":\"SUCCEEDED\"")) {
                return job;
            }
            if (job.contains("\"status\":\"FAILED\"")) {
                throw new IllegalStateException("push failed: " + job);
            }
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static String summary(String json) {
        StringBuilder sb = new StringBuilder();
        for (String k : new String[]{"rowsRead", "rowsAccepted", "rowsRejected", "inserted", "updated", "unchanged", "changed", "message"}) {
            Matcher m = Pattern.compile("\"" + k + "\":(\\d+|\"[^\"]*\")").matcher(json);
            if (m.find()) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(m.group(1));
            }
        }
        return sb.toString();
    }

    /** Adds older years straight into the table until it holds {@code target} values (the roll-up needs a big table, not a slow push). */
    void fillTo(long target) throws Exception {
        long have = count("select count(*) from indicator_value");
        if (have >= target) {
            return;
        }
        long t0 = System.nanoTime();
        AtomicLong written = new AtomicLong(have);
        try (Connection c = db()) {
            int[] ids;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from indicator where code like 'BENCH_%' order by id")) {
                List<Integer> l = new ArrayList<>();
                while (rs.next()) {
                    l.add(rs.getInt(1));
                }
                ids = l.stream().mapToInt(Integer::intValue).toArray();
            }
            int[] units;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id from admin_unit where level = 'COMMUNE' order by id")) {
                List<Integer> l = new ArrayList<>();
                while (rs.next()) {
                    l.add(rs.getInt(1));
                }
                units = l.stream().mapToInt(Integer::intValue).toArray();
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            Random random = new Random(7);
            for (int year = 2020; year > 1900 && written.get() < target; year--) {
                StringBuilder sb = new StringBuilder(48 * ids.length * units.length * 3);
                for (int id : ids) {
                    for (int u : units) {
                        int f = random.nextInt(5000);
                        int m = random.nextInt(5000);
                        sb.append(id).append('\t').append(u).append('\t').append(year).append("\tF\t\t").append(f).append("\t\\N\t\\N\tF\t1\n");
                        sb.append(id).append('\t').append(u).append('\t').append(year).append("\tM\t\t").append(m).append("\t\\N\t\\N\tF\t1\n");
                        sb.append(id).append('\t').append(u).append('\t').append(year).append("\tT\t\t").append(f + m).append("\t\\N\t\\N\tF\t1\n");
                    }
                }
                copy.copyIn("copy indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id) from stdin",
                        new StringReader(sb.toString()));
                written.addAndGet(3L * ids.length * units.length);
            }
            try (Statement st = c.createStatement()) {
                st.execute("vacuum analyze indicator_value");
            }
        }
        System.out.printf(Locale.ROOT, "filled the values table to %,d rows in %.0f s (raw COPY, for the roll-up test)%n",
                count("select count(*) from indicator_value"), (System.nanoTime() - t0) / 1e9);
    }

    void rollupLatency() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            rollup(random);
        }
        long[] ns = new long[rollups];
        String last = "";
        for (int i = 0; i < rollups; i++) {
            long t0 = System.nanoTime();
            last = rollup(random);
            ns[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "roll-up of one indicator for a province (100 communes, 300 values) with %,d values stored, %d HTTP calls: "
                        + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (bar p99 <= 100 ms)%n", count("select count(*) from indicator_value"), rollups,
                ns[rollups / 2] / 1e6, ns[(int) (rollups * 0.95)] / 1e6, ns[(int) (rollups * 0.99)] / 1e6, ns[rollups - 1] / 1e6);
        Matcher m = Pattern.compile("\"valueCount\":(\\d+)").matcher(last);
        System.out.println("  last roll-up used " + (m.find() ? m.group(1) : "?") + " values");
    }

    String rollup(Random random) throws Exception {
        String q = String.format(Locale.ROOT, "/api/values/rollup?indicator=BENCH_%02d&unit=P%02d&period=%d", 1 + random.nextInt(INDICATORS),
                1 + random.nextInt(PROVINCES), 2021 - random.nextInt(20));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + q)).header("Authorization", token).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(q + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Pushes a file once more while forcing full collections, and returns the largest heap left after one. */
    double liveHeapDuring(Path file) throws Exception {
        truncateValues();
        push(file);
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        double[] max = {0};
        Thread probe = new Thread(() -> {
            Pattern used = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"} ([0-9.E+]+)");
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    new ProcessBuilder(jcmd, String.valueOf(service.pid()), "GC.run").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                    String m = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                    double sum = 0;
                    Matcher x = used.matcher(m);
                    while (x.find()) {
                        sum += Double.parseDouble(x.group(1));
                    }
                    max[0] = Math.max(max[0], sum);
                    Thread.sleep(300);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // the probe is best effort
            }
        });
        probe.setDaemon(true);
        // a different file from the one just pushed: the full compare path, which holds the most
        Path reversed = Files.createTempFile("bench-live", ".csv");
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
            Collections.shuffle(data, new Random(5));
            data.add(0, lines.get(0));
            Files.write(reversed, data, StandardCharsets.UTF_8);
            probe.start();
            push(reversed);
        } finally {
            probe.interrupt();
            probe.join(5000);
            Files.deleteIfExists(reversed);
        }
        return max[0];
    }

    /** Polls the service's heap from its metrics while pushes run. */
    final class HeapSampler extends Thread {
        volatile boolean running = true;
        volatile double peak;
        volatile double max;
        volatile double live;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Pattern used = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"} ([0-9.E+]+)");
            Pattern maxP = Pattern.compile("jvm_memory_max_bytes\\{area=\"heap\",id=\"[^\"]+\"} ([0-9.E+]+)");
            Pattern liveP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"Tenured Gen\"} ([0-9.E+]+)");
            while (running) {
                try {
                    String m = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                    double sum = 0;
                    Matcher x = used.matcher(m);
                    while (x.find()) {
                        sum += Double.parseDouble(x.group(1));
                    }
                    double mx = 0;
                    Matcher y = maxP.matcher(m);
                    while (y.find()) {
                        double v = Double.parseDouble(y.group(1));
                        mx += v > 0 ? v : 0;
                    }
                    peak = Math.max(peak, sum);
                    max = mx;
                    Matcher z = liveP.matcher(m);
                    if (z.find()) {
                        live = Math.max(live, Double.parseDouble(z.group(1)));
                    }
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void end() {
            running = false;
        }
    }
}
