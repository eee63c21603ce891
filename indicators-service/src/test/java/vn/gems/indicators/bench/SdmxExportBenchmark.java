package vn.gems.indicators.bench;

import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.gems.common.testing.BenchDatabase;
import vn.gems.common.testing.BenchSupport;
import vn.gems.common.testing.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SDMX-CSV export benchmark ({@code ./mvnw -Pbench verify -pl indicators-service -DskipTests
 * -Dbench.main=vn.gems.indicators.bench.SdmxExportBenchmark}): the packaged service ({@code -Xmx512m}, serial GC) on a
 * fresh database holding 1,000,000 final, published values (40 indicators × 3,300 communes × 2021–2023 × F/M/T, written
 * by raw COPY: the export is what is measured), streams {@code GET /sdmx/2.1/data/DF_GEMS/all} as SDMX-CSV 1.0 to a
 * client that counts the lines. Prints values/s per round (bar ≥ 200,000), and the service's heap and RSS during the
 * export beside those of a 10× smaller export — flat memory means the two match.
 */
public final class SdmxExportBenchmark {

    static final int PROVINCES = 33;
    static final int COMMUNES = 100;
    static final int INDICATORS = 40;
    static final int VALUES = 1_000_000;

    final BenchDatabase pg = BenchDatabase.own("gems_sdmx_bench_", new Driver());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String token = TestTokens.bearer("bench.admin", "TTH-STATS", "admin");
    Process service;
    String base;

    public static void main(String[] args) throws Exception {
        new SdmxExportBenchmark().run();
    }

    void run() throws Exception {
        Path jar = BenchDatabase.packagedService();
        pg.recreate();
        int port = BenchSupport.freePort();
        base = "http://127.0.0.1:" + port;
        service = BenchSupport.startService(jar, port, pg.jdbcUrl(), pg.user(), pg.password(), List.of(),
                jar.getParent().getParent().resolve("bench-sdmx-service.log"));
        try {
            BenchSupport.waitReady(http, base, service);
            try (Connection c = pg.connect()) {
                BenchSupport.indicatorsReferenceData(c, http, base, token, PROVINCES, COMMUNES, INDICATORS);
                long stored = load(c);
                System.out.printf(Locale.ROOT, "%n== SDMX-CSV export benchmark: %,d published final values; machine: %d cores, %s; %s; load average at start %.1f%n",
                        stored, Runtime.getRuntime().availableProcessors(), BenchSupport.memory(),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            String all = "/sdmx/2.1/data/DF_GEMS/all";
            String tenth = "/sdmx/2.1/data/DF_GEMS/" + String.join("+", List.of("BENCH_01", "BENCH_02", "BENCH_03", "BENCH_04")) + "..";
            export(all); // warm-up: JIT, connection pool, catalogue snapshot
            export(tenth);
            Sampler small = new Sampler();
            small.start();
            long[] smallRun = export(tenth);
            small.end();
            int rounds = Integer.getInteger("bench.rounds", 3);
            double[] rates = new double[rounds];
            Sampler big = new Sampler();
            big.start();
            long values = 0;
            long bytes = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                long[] got = export(all);
                double s = (System.nanoTime() - t0) / 1e9;
                values = got[0];
                bytes = got[1];
                rates[r] = values / s;
                System.out.printf(Locale.ROOT, "  round %d: %,d values, %.1f MB of SDMX-CSV in %.2f s = %,.0f values/s%n", r + 1, values, bytes / 1e6, s, rates[r]);
            }
            big.end();
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "SDMX-CSV export of %,d values: median %,.0f values/s (bar >= 200,000)%n", values, rates[rounds / 2]);
            System.out.printf(Locale.ROOT, "service memory (-Xmx512m, serial GC), %,d-value export vs %,d-value export: heap in use at most %.0f MB vs %.0f MB "
                            + "(garbage included); old generation at most %.0f MB vs %.0f MB; RSS at most %.0f MB vs %.0f MB%n",
                    values, smallRun[0], big.peak / 1e6, small.peak / 1e6, big.old / 1e6, small.old / 1e6, big.rss / 1e6, small.rss / 1e6);
        } finally {
            service.destroy();
            service.waitFor();
            pg.drop();
        }
    }

    /** 1,000,000 final values by raw COPY, one batch as their source, every indicator × year published for the nation. */
    long load(Connection c) throws SQLException, IOException {
        long batch;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("insert into value_push (kind, status, mode, on_error, source_kind, "
                + "source_agency, created_by, committed) values ('PUSH', 'SUCCEEDED', 'UPSERT', 'ABORT', 'PUSH', 'TTH-STATS', 'bench', true) returning id")) {
            rs.next();
            batch = rs.getLong(1);
        }
        List<Integer> ids = ids(c, "select id from indicator where code like 'BENCH_%' order by id");
        List<Integer> units = ids(c, "select id from admin_unit where level = 'COMMUNE' order by id");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Random random = new Random(11);
        long rows = 0;
        for (int year = 2021; year <= 2023 && rows < VALUES; year++) {
            StringBuilder sb = new StringBuilder(40 * ids.size() * units.size() * 3);
            outer:
            for (int id : ids) {
                for (int u : units) {
                    int f = random.nextInt(5000);
                    int m = random.nextInt(5000);
                    for (String v : new String[]{"F\t\t" + f, "M\t\t" + m, "T\t\t" + (f + m)}) {
                        sb.append(id).append('\t').append(u).append('\t').append(year).append('\t').append(v).append("\t\\N\t\\N\tF\t").append(batch).append('\n');
                        if (++rows >= VALUES) {
                            break outer;
                        }
                    }
                }
            }
            copy.copyIn("copy indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id) from stdin",
                    new StringReader(sb.toString()));
        }
        try (Statement st = c.createStatement()) {
            st.execute("insert into publication (indicator_id, period, unit_id, published_by) select i.id, y::text, u.id, 'bench' "
                    + "from indicator i, generate_series(2021, 2023) y, admin_unit u where i.code like 'BENCH_%' and u.code = 'VN'");
            st.execute("vacuum analyze indicator_value");
        }
        return rows;
    }

    static List<Integer> ids(Connection c, String sql) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    /** Streams an export, counting data lines and bytes without keeping them: {values, bytes}. */
    long[] export(String path) throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/vnd.sdmx.data+csv;version=1.0.0").build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body().readAllBytes()));
        }
        long lines = 0;
        long bytes = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new long[]{lines - 1, bytes};
    }

    /** Polls the service's heap (its metrics) and RSS (/proc) while exports run. */
    final class Sampler extends Thread {
        volatile boolean running = true;
        volatile double peak;
        volatile double old;
        volatile double rss;

        Sampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Pattern used = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"([^\"]+)\"} ([0-9.E+]+)");
            Path status = Path.of("/proc/" + service.pid() + "/status");
            while (running) {
                try {
                    String m = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                    double sum = 0;
                    Matcher x = used.matcher(m);
                    while (x.find()) {
                        double v = Double.parseDouble(x.group(2));
                        sum += v;
                        if (x.group(1).equals("Tenured Gen")) {
                            old = Math.max(old, v);
                        }
                    }
                    peak = Math.max(peak, sum);
                    if (Files.exists(status)) {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmRSS:")) {
                                rss = Math.max(rss, Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0);
                            }
                        }
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void end() throws InterruptedException {
            running = false;
            join();
        }
    }
}
