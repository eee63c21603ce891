package vn.gems.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.E2eSuite.cachedBearer;
import static vn.gems.e2e.E2eSuite.config;
import static vn.gems.e2e.E2eSuite.gateway;

/**
 * Issue 12.7, internals that reached callers: anonymous public value rows carried {@code writtenBy} and the source
 * reference; database constraint names in 409 details; {@code If-Match} accepted weak tags; {@code %prod} started
 * with an empty database password.
 */
@ExtendWith(E2eSuite.class)
class InternalsE2eTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36).toUpperCase();

    @Test
    void publicValueRowsNameNoOfficerAndNoSourceReference() {
        Response push = given().header("Authorization", cachedBearer("health.reporter")).contentType("text/csv")
                .body("indicator,unit,period,sex,value,status\nBIRTHS,VN-46,2015,FEMALE,6950,FINAL\n".getBytes(StandardCharsets.UTF_8))
                .post(gateway() + "/api/values/pushes?reference=internal-file-" + RUN + ".csv");
        assertEquals(201, push.statusCode(), push.asString());
        given().header("Authorization", cachedBearer("gems.admin")).contentType(ContentType.JSON)
                .body("{\"indicator\":\"BIRTHS\",\"period\":\"2015\",\"unit\":\"VN-46\"}")
                .post(gateway() + "/api/values/publications").then().statusCode(201);

        Response values = given().get(gateway() + "/api/public/values?indicator=BIRTHS&period=2015");
        assertEquals(200, values.statusCode(), values.asString());
        List<Map<String, Object>> rows = values.jsonPath().getList("items");
        assertFalse(rows.isEmpty(), values.asString());
        for (Map<String, Object> row : rows) {
            assertFalse(row.containsKey("writtenBy"), "an officer's user name on a public row: " + row);
            assertFalse(row.containsKey("source"), "the push, its reference and system on a public row: " + row);
            assertEquals("TTH-DOH", row.get("agency"), "the supplying agency stays: " + row);
        }
        assertFalse(values.asString().contains("health.reporter"), values.asString());
        assertFalse(values.asString().contains("internal-file-" + RUN), values.asString());

        // Roll-ups and series name the supplying agency of their sources, not the file reference or the system.
        for (String path : List.of("/api/public/values/rollup?indicator=BIRTHS&unit=VN-46&period=2015",
                "/api/public/values/series?indicator=BIRTHS&unit=VN-46&periods=2015")) {
            Response figure = given().get(gateway() + path);
            assertEquals(200, figure.statusCode(), path + ": " + figure.asString());
            assertTrue(figure.asString().contains("TTH-DOH"), figure.asString());
            assertFalse(figure.asString().contains("internal-file-" + RUN), path + ": " + figure.asString());
            assertFalse(figure.asString().contains("health.reporter"), path + ": " + figure.asString());
        }

        Response publications = given().get(gateway() + "/api/public/values/publications?indicator=BIRTHS&period=2015");
        assertEquals(200, publications.statusCode());
        assertFalse(publications.asString().contains("publishedBy"), publications.asString());
        assertFalse(publications.asString().contains("gems.admin"), publications.asString());
        // Signed-in readers still see who wrote what.
        given().header("Authorization", cachedBearer("auditor.tth")).get(gateway() + "/api/values?indicator=BIRTHS&period=2015&unit=VN-46")
                .then().statusCode(200).body("items[0].writtenBy", Matchers.equalTo("health.reporter"));
    }

    @Test
    void weakETagsDoNotSatisfyIfMatch() {
        String code = "E2E-WEAK-" + RUN;
        String body = """
                {"code":"%s","nameVi":"Cơ quan kiểm thử ETag","nameEn":"%s","kind":"OTHER","unitCode":"VN-46","validFrom":"2020-01-01"}""";
        Response created = given().header("Authorization", cachedBearer("dolisa.officer")).contentType(ContentType.JSON)
                .body(body.formatted(code, "Weak ETag test agency")).post(gateway() + "/api/agencies");
        assertEquals(201, created.statusCode(), created.asString());
        String etag = created.header("ETag");
        assertTrue(etag.startsWith("\""), "a strong ETag: " + etag);

        Response weak = given().header("Authorization", cachedBearer("dolisa.officer")).header("If-Match", "W/" + etag)
                .contentType(ContentType.JSON).body(body.formatted(code, "Changed with a weak tag")).put(gateway() + "/api/agencies/" + code);
        assertEquals(412, weak.statusCode(), weak.asString());
        assertEquals("application/problem+json", weak.contentType().split(";")[0]);
        assertEquals("WEAK_ETAG", weak.jsonPath().getString("code"));
        given().header("Authorization", cachedBearer("dolisa.officer")).get(gateway() + "/api/agencies/" + code).then().statusCode(200)
                .body("nameEn", Matchers.equalTo("Weak ETag test agency"));

        given().header("Authorization", cachedBearer("dolisa.officer")).header("If-Match", etag)
                .contentType(ContentType.JSON).body(body.formatted(code, "Changed with the strong tag")).put(gateway() + "/api/agencies/" + code)
                .then().statusCode(200).body("nameEn", Matchers.equalTo("Changed with the strong tag"));
    }

    @Test
    void conflictsNameNoDatabaseConstraint() throws Exception {
        List<String> constraints = new ArrayList<>();
        try (Connection c = E2eSuite.suite().postgres().connect(ServiceDb.database("plans"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                     + "where n.nspname = 'public' union select indexname from pg_indexes where schemaname = 'public'")) {
            while (rs.next()) {
                constraints.add(rs.getString(1));
            }
        }
        assertFalse(constraints.isEmpty());
        // The same new agency ten times at once: the service's own check lets some race to the unique key.
        String code = "E2E-RACE-" + RUN;
        String body = """
                {"code":"%s","nameVi":"Cơ quan kiểm thử tranh chấp","nameEn":"Race test agency","kind":"OTHER","unitCode":"VN-46","validFrom":"2020-01-01"}"""
                .formatted(code);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> answers = new ArrayList<>();
        String auth = cachedBearer("dolisa.officer");
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                    .post(gateway() + "/api/agencies")));
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        for (Future<Response> f : answers) {
            Response r = f.get(60, TimeUnit.SECONDS);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            assertNotEquals(500, r.statusCode(), r.asString());
            for (String name : constraints) {
                assertFalse(r.asString().contains(name), "constraint " + name + " named to the caller: " + r.asString());
            }
        }
        pool.shutdownNow();
        assertEquals(1, statuses.getOrDefault(201, 0), String.valueOf(statuses));
        assertEquals(9, statuses.getOrDefault(409, 0), String.valueOf(statuses));
    }

    @Test
    void aProductionServiceWithoutADatabasePasswordDoesNotStart() throws Exception {
        Path jar = config().repoRoot().resolve("plans-service/target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("plans-no-password", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = new HashMap<>(E2eSuite.suite().environment(config().plans()));
            env.remove("DB_PASSWORD");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(E2eSuite.freePort()));
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            Process p = pb.start();
            try {
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a prod service without DB_PASSWORD kept running");
                String out = Files.readString(log);
                assertNotEquals(0, p.exitValue(), out);
                assertTrue(out.contains("DB_PASSWORD"), "the failure names the missing variable: " + out);
            } finally {
                p.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
