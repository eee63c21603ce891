package vn.gems.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.gems.launcher.Postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What every {@code @QuarkusTest} of a data service needs, without Docker:
 * <ul>
 *   <li>a fresh PostgreSQL database of its own on the server at 127.0.0.1:5432 (or {@code GEMS_DB_URL}),
 *       or on an embedded PostgreSQL when none answers; dropped when the tests end;</li>
 *   <li>a real token check: an RSA key pair made for the run, the public half given to quarkus-oidc,
 *       the private half to {@link TestTokens} so tests send genuinely signed bearer tokens.</li>
 * </ul>
 * Init arg {@code database}: the database name prefix, e.g. {@code gems_plans_test}.
 */
public class GemsTestResource implements QuarkusTestResourceLifecycleManager {


    private static EmbeddedPostgres embedded;

    private String prefix = "gems_test";
    private String database;
    private Postgres.Endpoint postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = Postgres.external().orElseGet(GemsTestResource::embedded);
            database = prefix + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
            Postgres.createDatabaseIfMissing(postgres, database);
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL for the tests", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", postgres.user());
        config.put("quarkus.datasource.password", postgres.password());
        config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void stop() {
        if (postgres != null && database != null) {
            try {
                Postgres.dropDatabase(postgres, database);
            } catch (Exception e) {
                // A server that went away takes the database with it.
            }
        }
    }

    /** Exposes the database to tests that check what was (not) written. */
    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(new TestDatabase(postgres.jdbcUrl(database), postgres.user(), postgres.password()),
                new TestInjector.AnnotatedAndMatchesType(InjectTestDatabase.class, TestDatabase.class));
    }

    private static synchronized Postgres.Endpoint embedded() {
        try {
            if (embedded == null) {
                Path dir = Files.createTempDirectory("gems-test-pg");
                embedded = Postgres.startEmbedded(dir.resolve("data"), 0, false);
            }
            return Postgres.endpointOf(embedded);
        } catch (Exception e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

}
