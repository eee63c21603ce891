package vn.gems.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Brings the whole suite up (PostgreSQL, Keycloak, indicators, plans, reporting, gateway) and down again.
 * Used by {@code deploy/gems} and by the end-to-end tests, so both exercise the same start-up path.
 */
public final class Suite implements AutoCloseable {

    // A busy machine (many builds on 2 cores) can need longer: -Dgems.start.scale=3 triples both. Keycloak's
    // first build and start have taken over 4 minutes on a shared 2-core machine, hence its generous default.
    private static final long START_SCALE = Long.getLong("gems.start.scale", 1);
    private static final Duration SERVICE_START = Duration.ofSeconds(120 * START_SCALE);
    private static final Duration KEYCLOAK_START = Duration.ofSeconds(480 * START_SCALE);

    private final SuiteConfig config;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private Postgres.Endpoint postgres;
    private EmbeddedPostgres embedded;

    public Suite(SuiteConfig config) {
        this.config = config;
    }

    public SuiteConfig config() {
        return config;
    }

    public Postgres.Endpoint postgres() {
        return postgres;
    }

    /** Starts what is not running yet and waits until everything is ready. */
    public Suite start() throws Exception {
        Files.createDirectories(config.runDir());
        Files.createDirectories(config.logDir());
        startPostgres();
        for (SuiteConfig.Service s : config.dataServices()) {
            Postgres.createDatabaseIfMissing(postgres, s.database());
        }
        for (SuiteConfig.Service s : config.allServices()) {
            if (!Files.isRegularFile(s.jar(config.repoRoot()))) {
                throw new IllegalStateException(s.jar(config.repoRoot()) + " is missing: build with ./mvnw package -DskipTests");
            }
        }
        // Keycloak takes longest; the services tolerate it being late (OIDC metadata is fetched lazily).
        CompletableFuture<ManagedProcess> keycloak = CompletableFuture.supplyAsync(this::startKeycloak);
        List<CompletableFuture<Void>> services = new ArrayList<>();
        for (SuiteConfig.Service s : config.allServices()) {
            services.add(CompletableFuture.runAsync(() -> startService(s)));
        }
        try {
            keycloak.join();
            CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        return this;
    }

    private void startPostgres() throws IOException {
        Optional<Postgres.Endpoint> external = Postgres.external();
        if (external.isPresent()) {
            postgres = external.get();
            return;
        }
        Path dataDir = config.stateDir().resolve("postgres");
        Optional<ManagedProcess> running = ManagedProcess.recall("postgres", config.runDir()).filter(ManagedProcess::alive);
        if (running.isPresent() && Postgres.accepts("127.0.0.1", config.embeddedPostgresPort())) {
            postgres = new Postgres.Endpoint("127.0.0.1", config.embeddedPostgresPort(), "postgres", "", true);
            return;
        }
        embedded = Postgres.startEmbedded(dataDir, config.embeddedPostgresPort(), config.persistent());
        postgres = Postgres.endpointOf(embedded);
        long pid = Postgres.postmasterPid(dataDir).orElseThrow(() -> new IllegalStateException("embedded PostgreSQL has no postmaster.pid"));
        processes.put("postgres", ManagedProcess.adopt("postgres", pid, dataDir.resolve("log"), config.runDir()));
    }

    private ManagedProcess startKeycloak() {
        try {
            Optional<ManagedProcess> running = ManagedProcess.recall("keycloak", config.runDir()).filter(ManagedProcess::alive);
            if (running.isPresent()) {
                Http.awaitOk("Keycloak", "http://127.0.0.1:" + config.keycloakManagementPort() + "/health/ready",
                        KEYCLOAK_START, running.get()::alive, running.get());
                processes.put("keycloak", running.get());
                return running.get();
            }
            Path home = Keycloak.install(Keycloak.distributionArchive(), config.keycloakInstallRoot());
            if (!config.persistent()) {
                // A throw-away suite gets its own copy: fresh realm import, nothing shared with parallel runs.
                home = Keycloak.copyOf(home, config.stateDir().resolve("keycloak"));
            }
            ManagedProcess kc = Keycloak.start(home, config.realmFiles(), config.keycloakPort(),
                    config.keycloakManagementPort(), config.logDir().resolve("keycloak.log"), config.runDir(), KEYCLOAK_START);
            processes.put("keycloak", kc);
            return kc;
        } catch (IOException | InterruptedException e) {
            throw new CompletionException(e);
        }
    }

    private void startService(SuiteConfig.Service s) {
        try {
            Optional<ManagedProcess> running = ManagedProcess.recall(s.name(), config.runDir()).filter(ManagedProcess::alive);
            ManagedProcess p;
            if (running.isPresent()) {
                p = running.get();
            } else {
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.addAll(List.of(config.serviceJvmOptions().trim().split("\\s+")));
                if (config.persistent()) {
                    // AOT cache (Java 25+) or AppCDS archive, trained by the first run and reused: see JvmCache.
                    cmd.addAll(JvmCache.flags(config.stateDir(), s.name(), s.jar(config.repoRoot())));
                }
                cmd.add("-jar");
                cmd.add(s.jar(config.repoRoot()).toString());
                p = ManagedProcess.start(s.name(), cmd, environment(s), config.repoRoot(),
                        config.logDir().resolve(s.name() + ".log"), config.runDir());
            }
            synchronized (processes) {
                processes.put(s.name(), p);
            }
            Http.awaitOk(s.name(), "http://127.0.0.1:" + s.port() + "/q/health/ready", SERVICE_START, p::alive, p);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** The environment a service reads in its prod profile (see each service's application.properties). */
    public Map<String, String> environment(SuiteConfig.Service s) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(s.port()));
        env.put("OIDC_URL", config.issuer());
        env.put("PLANS_URL", config.plans().url());
        env.put("INDICATORS_URL", config.indicators().url());
        env.put("REPORTING_URL", config.reporting().url());
        env.put("PORTAL_URL", config.portal().url());
        if (s.database() != null) {
            env.put("DB_URL", postgres.jdbcUrl(s.database()));
            env.put("DB_USER", postgres.user());
            env.put("DB_PASSWORD", postgres.password());
        }
        switch (s.name()) {
            case "plans-service" -> env.put("OIDC_CLIENT_SECRET", SuiteConfig.PLANS_CLIENT_SECRET);
            case "reporting-service" -> env.put("OIDC_CLIENT_SECRET", SuiteConfig.REPORTING_CLIENT_SECRET);
            case "indicators-service" -> env.put("OIDC_CLIENT_SECRET", SuiteConfig.INDICATORS_CLIENT_SECRET);
            default -> env.put("CORS_ORIGINS", "http://localhost:3000,http://localhost:" + config.gatewayPort());
        }
        env.putAll(config.extraEnvironment());
        return env;
    }

    public Optional<ManagedProcess> process(String name) {
        synchronized (processes) {
            return Optional.ofNullable(processes.get(name));
        }
    }

    /** Stops one service (the end-to-end tests use this to prove the gateway's 503). */
    public void stopService(String name) throws IOException {
        Optional<ManagedProcess> p = process(name).or(() -> ManagedProcess.recall(name, config.runDir()));
        if (p.isPresent()) {
            p.get().stop(Duration.ofSeconds(20));
            p.get().forget(config.runDir());
        }
        synchronized (processes) {
            processes.remove(name);
        }
    }

    /** Starts one service again after {@link #stopService}. */
    public void restartService(String name) {
        config.allServices().stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(this::startService);
    }

    /** Stops everything recorded in the run directory, services first, PostgreSQL last. */
    public static List<String> stopAll(SuiteConfig config) throws IOException {
        return stop(config, true);
    }

    private static List<String> stop(SuiteConfig config, boolean includePostgres) throws IOException {
        List<String> stopped = new ArrayList<>();
        List<String> order = new ArrayList<>();
        order.add("gateway");
        order.add("portal");
        config.dataServices().forEach(s -> order.add(s.name()));
        order.add("keycloak");
        if (includePostgres) {
            order.add("postgres");
        }
        for (String name : order) {
            Optional<ManagedProcess> p = ManagedProcess.recall(name, config.runDir());
            if (p.isPresent()) {
                if (p.get().stop(Duration.ofSeconds(30))) {
                    stopped.add(name + " (pid " + p.get().pid() + ")");
                }
                p.get().forget(config.runDir());
            }
        }
        return stopped;
    }

    /** Drops the databases this suite created (tests only; the demo keeps its data). */
    public void dropDatabases() throws SQLException {
        if (postgres == null) {
            return;
        }
        for (SuiteConfig.Service s : config.dataServices()) {
            Postgres.dropDatabase(postgres, s.database());
        }
    }

    @Override
    public void close() throws Exception {
        stop(config, false);
        if (!config.persistent()) {
            try {
                dropDatabases();
            } catch (SQLException e) {
                // A stopped server is fine here: its data directory goes with it.
            }
        }
        if (!config.persistent()) {
            Keycloak.deleteTree(config.stateDir().resolve("keycloak"));
        }
        if (embedded != null && !config.persistent()) {
            embedded.close();
            ManagedProcess.recall("postgres", config.runDir()).ifPresent(p -> {
                try {
                    p.forget(config.runDir());
                } catch (IOException e) {
                    // nothing to forget
                }
            });
        }
    }
}
