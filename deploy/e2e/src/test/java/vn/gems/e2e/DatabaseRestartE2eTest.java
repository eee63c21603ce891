package vn.gems.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.cachedBearer;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Issue 12.4: a PostgreSQL restart left one dead connection per idle pooled connection, and each answered 500
 * {@code INTERNAL_ERROR}. A restart is simulated on the suite's own databases, never the shared server: every
 * backend of the three services is terminated ({@code pg_terminate_backend}, exactly what a restart does to idle
 * pooled connections). The next requests through the gateway must be 200 (the pool validates on borrow and
 * replaces dead connections), at worst 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After}; never 500.
 */
@ExtendWith(E2eSuite.class)
class DatabaseRestartE2eTest {

    private static final Map<String, String> READS = Map.of(
            "plans", "/api/agencies?size=5",
            "indicators", "/api/indicators?size=5",
            "reporting", "/api/reports/obligations?size=5");

    /** Terminates every backend of the service's database but our own; returns the pids it terminated. */
    private static List<Integer> terminate(String service) throws Exception {
        String db = ServiceDb.database(service);
        List<Integer> pids = new ArrayList<>();
        try (Connection c = E2eSuite.suite().postgres().connect(db);
             PreparedStatement s = c.prepareStatement("select pid, pg_terminate_backend(pid) from pg_stat_activity "
                     + "where datname = ? and pid <> pg_backend_pid()")) {
            s.setString(1, db);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
        }
        return pids;
    }

    private static boolean gone(String service, List<Integer> pids) throws Exception {
        try (Connection c = E2eSuite.suite().postgres().connect(ServiceDb.database(service));
             PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where pid = any(?)")) {
            s.setArray(1, c.createArrayOf("int4", pids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        }
    }

    /** {@code n} concurrent reads of each service, so that each pool holds several connections. */
    private static List<Response> burst(ExecutorService pool, int n) throws Exception {
        String auth = cachedBearer("dolisa.officer");
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (String path : READS.values()) {
                futures.add(pool.submit(() -> given().header("Authorization", auth).get(gateway() + path)));
            }
        }
        List<Response> out = new ArrayList<>();
        for (Future<Response> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    private static void assertNeverInternalError(Response r) {
        assertNotEquals(500, r.statusCode(), r.asString());
        if (r.statusCode() == 503) {
            assertEquals("application/problem+json", r.contentType().split(";")[0]);
            assertEquals("DATABASE_UNAVAILABLE", r.jsonPath().getString("code"), r.asString());
            assertTrue(r.header("Retry-After") != null, "503 without Retry-After");
        }
    }

    @Test
    void deadPooledConnectionsAreReplacedNotAnswered500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Response r : burst(pool, 8)) {
                assertEquals(200, r.statusCode(), r.asString());
            }
            for (int round = 0; round < 2; round++) {
                for (String service : READS.keySet()) {
                    List<Integer> pids = terminate(service);
                    assertFalse(pids.isEmpty(), service + " had no pooled connection; the test needs idle ones to kill");
                    E2eSuite.await(service + "'s terminated backends to exit", Duration.ofSeconds(10), () -> {
                        try {
                            return gone(service, pids);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                // Like after a restart: every pooled connection is dead. Readers get a live one, every time.
                List<Response> after = burst(pool, 8);
                after.forEach(DatabaseRestartE2eTest::assertNeverInternalError);
                for (Response r : after) {
                    assertEquals(200, r.statusCode(), "the pool validates on borrow, so no request should meet a dead connection: " + r.asString());
                }
            }
            // A write meets the same fresh pool.
            for (String service : READS.keySet()) {
                terminate(service);
            }
            Thread.sleep(300);
            String code = "E2E-DBR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
            Response created = given().header("Authorization", cachedBearer("dolisa.officer")).contentType(ContentType.JSON)
                    .body(PropertyLevelE2eTest.agency(code, "Cơ quan kiểm thử khởi động lại")).post(gateway() + "/api/agencies");
            assertNeverInternalError(created);
            assertEquals(201, created.statusCode(), created.asString());
        } finally {
            pool.shutdownNow();
        }
    }
}
