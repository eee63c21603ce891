package vn.gems.common.testing;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the services' benchmarks share: starting a packaged service in its bench profile against a given
 * database with test-token verification, waiting for it, and the synthetic territory and catalogue of
 * indicators-service (provinces P01… of communes P01-C001…, indicators BENCH_01… counted by sex).
 */
public final class BenchSupport {

    private BenchSupport() {
    }

    /** Starts {@code jar} (a quarkus-run.jar) with -Xmx512m in the bench profile; output goes to {@code log}. */
    public static Process startService(Path jar, int port, String jdbcUrl, String user, String password, List<String> extra,
                                       Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Dquarkus.profile=bench", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl, "-Dquarkus.datasource.username=" + user,
                "-Dquarkus.datasource.password=" + password, "-Dquarkus.oidc.public-key=" + TestTokens.publicKey(),
                "-Dquarkus.oidc.token.issuer=" + TestTokens.ISSUER, "-Dquarkus.log.level=WARN"));
        cmd.addAll(extra);
        cmd.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits for the service's readiness: 120 s, or {@code -Dbench.readySeconds} on a loaded machine. */
    public static void waitReady(HttpClient http, String base, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + 1000 * Long.getLong("bench.readySeconds", 120);
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(base + " exited; see its bench log under target/");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(base + " not ready; see its bench log under target/");
    }

    /**
     * The synthetic territory (written straight into indicators-service's database: thousands of units through
     * the API would dominate the run) and the catalogue (through the API, so it is validated).
     */
    public static void indicatorsReferenceData(Connection indicatorsDb, HttpClient http, String base, String authorization,
                                               int provinces, int communesPerProvince, int indicators) throws Exception {
        try (Statement st = indicatorsDb.createStatement()) {
            st.execute("insert into admin_unit (code, level, valid_from) values ('VN', 'NATION', '1976-07-02')");
            st.execute("insert into admin_unit (code, level, valid_from) select 'P' || lpad(p::text, 2, '0'), 'PROVINCE', '1976-07-02' "
                    + "from generate_series(1, " + provinces + ") p");
            st.execute("insert into admin_unit (code, level, valid_from) select 'P' || lpad(p::text, 2, '0') || '-C' || lpad(k::text, 3, '0'), "
                    + "'COMMUNE', '1976-07-02' from generate_series(1, " + provinces + ") p, generate_series(1, " + communesPerProvince + ") k");
            st.execute("insert into unit_name (unit_id, name_vi, name_en, valid_from) select id, code, code, valid_from from admin_unit");
            st.execute("insert into unit_parent (unit_id, parent_id, valid_from) select u.id, n.id, u.valid_from from admin_unit u, admin_unit n "
                    + "where u.level = 'PROVINCE' and n.code = 'VN'");
            st.execute("insert into unit_parent (unit_id, parent_id, valid_from) select u.id, p.id, u.valid_from from admin_unit u "
                    + "join admin_unit p on p.code = split_part(u.code, '-', 1) where u.level = 'COMMUNE'");
            st.execute("update catalogue_revision set revision = revision + 1");
        }
        for (int i = 1; i <= indicators; i++) {
            String body = """
                    {"code":"BENCH_%02d","nameVi":"Chỉ số %d","nameEn":"Indicator %d","unit":"COUNT","subject":"PERSONS","bySex":true,
                     "aggregation":"SUM","direction":"NEUTRAL","periodicity":"ANNUAL","supplierSectors":["STATISTICS"]}""".formatted(i, i, i);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/indicators")).header("Authorization", authorization)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("indicator: " + r.statusCode() + " " + r.body());
            }
        }
    }

    public static String memory() {
        long bytes = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return String.format(Locale.ROOT, "%.0f GB RAM", bytes / 1e9);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
