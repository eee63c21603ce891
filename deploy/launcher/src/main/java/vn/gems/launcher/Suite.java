package vn.gems.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * Brings the whole suite up (PostgreSQL, Keycloak, indicators, plans, reporting, gateway) and down again.
 * Used by {@code deploy/gems} and by the end-to-end tests, so both exercise the same start-up path.
 */
public final class Suite implements AutoCloseable {

    // A busy machine (many builds on 2 cores) can need longer: -Dgems.start.scale=3 triples both. Keycloak's
    // first build and start have taken over 4 minutes on a shared 2-core machine, hence its generous default.
    private static final long START_SCALE = Long.getLong("gems.start.scale", 1);
    private static final Duration SERVICE_START = Duration.ofSeconds(120 * START_SCALE);
    /** How long {@code up} waits for a killed process to leave {@code /proc} before starting its replacement. */
    static final Duration GONE_WAIT = Duration.ofSeconds(15);
    private static final Duration KEYCLOAK_START = Duration.ofSeconds(480 * START_SCALE);

    /** Most instances per service the launcher starts (and {@code deploy/gems down} looks for). */
    public static final int MAX_INSTANCES = InstanceLayout.MAX_INSTANCES;

    private final SuiteConfig config;
    private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();
    private Postgres.Endpoint postgres;
    private EmbeddedPostgres embedded;
    // N-instance mode (the replica suite): every data service runs N times on its own ports, one database each.
    private InstanceLayout layout = InstanceLayout.single();
    private boolean ownPostgres;
    private boolean runningKeycloak;
    private Path restartCache;

    public Suite(SuiteConfig config) {
        this.config = config;
    }

    public SuiteConfig config() {
        return config;
    }

    public Postgres.Endpoint postgres() {
        return postgres;
    }

    /**
     * Runs {@code n} instances of each data service (indicators, plans, reporting) instead of one: instance 0 on the
     * configured port, the others on ports from {@code freePorts}, all on the service's one database. The gateway gets
     * each service's instances as a comma-separated list, and the services reach each other through the gateway
     * (it balances and retries, as a Kubernetes Service would). Call before {@link #start()}.
     */
    public Suite withInstances(int n, IntSupplier freePorts) {
        layout = InstanceLayout.of(config, n, freePorts);
        return this;
    }

    /**
     * {@code n} instances of each data service on fixed ports: instance i on the configured port + 1000 × i
     * ({@code GEMS_REPLICAS=2 deploy/gems up}: plans at 8081 and 9081, indicators 8082 and 9082, reporting 8083 and 9083).
     */
    public Suite withInstances(int n) {
        Iterator<Integer> ports = config.dataServices().stream()
                .flatMap(s -> IntStream.range(1, n).mapToObj(i -> s.port() + 1000 * i)).iterator();
        return withInstances(n, ports::next);
    }

    /**
     * Starts an embedded PostgreSQL of its own on the configured embedded port even when a shared server answers
     * at 5432, so that a test may stop and start it ({@link #stopDatabase()}). Call before {@link #start()}.
     */
    public Suite withOwnPostgres() {
        ownPostgres = true;
        return this;
    }

    /** Uses the Keycloak already listening on the configured ports (another suite's) instead of starting one. */
    public Suite withRunningKeycloak() {
        runningKeycloak = true;
        return this;
    }

    /**
     * Starts instances with the AOT cache a {@link #trainRestartCache} left in {@code dir} (one per service, shared by
     * its instances), where the suite's state is thrown away: the replica suite's killed instances then restart in
     * seconds, not half a minute, on a busy machine (README "Replicas"). Without a trained cache, starts are plain. Call before {@link #start()}.
     */
    public Suite withRestartCache(Path dir) {
        restartCache = dir;
        return this;
    }

    /** How many instances each data service runs. */
    public int instances() {
        return layout.instances();
    }

    /** The port of each instance of a service, instance 0 first (one entry for the gateway and the portal). */
    public List<Integer> ports(SuiteConfig.Service s) {
        return layout.ports(s);
    }

    /** Instance 0 keeps the service's name (PID file, log), so a one-instance suite is what it always was. */
    static String instanceName(SuiteConfig.Service s, int index) {
        return InstanceLayout.instanceName(s, index);
    }

    private SuiteConfig.Service service(String name) {
        return config.allServices().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
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
            for (int i = 0; i < ports(s).size(); i++) {
                int index = i;
                services.add(CompletableFuture.runAsync(() -> startService(s, index)));
            }
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
        if (ownPostgres) {
            // Kept data directory, no shutdown hook: stopPostgres/startPostgres must find the data again; close() removes it.
            embedded = Postgres.startEmbedded(config.stateDir().resolve("postgres"), config.embeddedPostgresPort(), false, false);
            postgres = Postgres.endpointOf(embedded);
            return;
        }
        Optional<Postgres.Endpoint> external = Postgres.external();
        if (external.isPresent()) {
            postgres = external.get();
            return;
        }
        Path dataDir = config.stateDir().resolve("postgres");
        Optional<ManagedProcess> running = ManagedProcess.recallLive("postgres", config.runDir(), GONE_WAIT);
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
        if (runningKeycloak) {
            Http.awaitOk("Keycloak realm gems", config.issuer() + "/.well-known/openid-configuration", KEYCLOAK_START, () -> true, null);
            return null;
        }
        try {
            Optional<ManagedProcess> running = ManagedProcess.recallLive("keycloak", config.runDir(), GONE_WAIT);
            if (running.isPresent() && adopted("Keycloak", running.get(),
                    "http://127.0.0.1:" + config.keycloakManagementPort() + "/health/ready", KEYCLOAK_START)) {
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

    private void startService(SuiteConfig.Service s, int index) {
        startService(s, index, List.of());
    }

    private void startService(SuiteConfig.Service s, int index, List<String> trainingFlags) {
        String name = instanceName(s, index);
        int port = ports(s).get(index);
        String health = "http://127.0.0.1:" + port + "/q/health/ready";
        try {
            Optional<ManagedProcess> running = ManagedProcess.recallLive(name, config.runDir(), GONE_WAIT);
            if (running.isPresent() && adopted(name, running.get(), health, SERVICE_START)) {
                synchronized (processes) {
                    processes.put(name, running.get());
                }
                return;
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of(config.serviceJvmOptions().trim().split("\\s+")));
            if (config.persistent()) {
                // AOT cache (Java 25+) or AppCDS archive, trained by the first run and reused: see JvmCache. One per
                // instance (instance 0 keeps the service's name): two instances never write one cache file at once.
                cmd.addAll(JvmCache.flags(config.stateDir(), name, s.jar(config.repoRoot())));
            } else if (!trainingFlags.isEmpty()) {
                cmd.addAll(trainingFlags);
            } else if (restartCache != null) {
                cmd.addAll(JvmCache.restartFlags(restartCache, s.name(), s.jar(config.repoRoot())));
            }
            cmd.add("-jar");
            cmd.add(s.jar(config.repoRoot()).toString());
            Map<String, String> env = environment(s);
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            if (layout.instances() > 1 && s.name().equals("indicators-service")) {
                // Push leases name their owner: a test can tell which instance works on a push (and kill it).
                env.put("GEMS_INSTANCE_ID", name + "#" + Long.toString(System.nanoTime(), 36));
            }
            ManagedProcess p = ManagedProcess.start(name, cmd, env, config.repoRoot(),
                    config.logDir().resolve(name + ".log"), config.runDir());
            synchronized (processes) {
                processes.put(name, p);
            }
            Http.awaitOk(name, health, SERVICE_START, p::alive, p);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /**
     * Waits for a process a previous {@code up} started to be ready. False when it died meanwhile (it was being
     * killed as we looked): it has then left {@code /proc} or been waited for, and the caller starts a fresh one.
     */
    private boolean adopted(String what, ManagedProcess p, String health, Duration timeout) throws IOException {
        try {
            Http.awaitOk(what, health, timeout, p::alive, p);
            return true;
        } catch (IllegalStateException e) {
            if (p.alive()) {
                throw e;
            }
            p.awaitGone(GONE_WAIT);
            p.forget(config.runDir());
            return false;
        }
    }

    /** The environment a service reads in its prod profile (see each service's application.properties). */
    public Map<String, String> environment(SuiteConfig.Service s) {
        return ServiceEnvironment.of(config, layout, postgres, s);
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
        config.allServices().stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(s -> startService(s, 0));
    }

    /** The process of one instance of a service, if it runs. */
    public Optional<ManagedProcess> instance(String service, int index) {
        return process(instanceName(service(service), index));
    }

    /** Stops one instance gracefully (SIGTERM, then SIGKILL after 20 s): one step of a rolling restart. */
    public void stopInstance(String service, int index) throws IOException {
        String name = instanceName(service(service), index);
        stopService(name);
    }

    /** {@code kill -9} of one instance (and anything it spawned): no shutdown hook, no goodbye to the database. */
    public void killInstance(String service, int index) throws IOException {
        String name = instanceName(service(service), index);
        Optional<ProcessHandle> h = process(name).flatMap(ManagedProcess::handle);
        if (h.isPresent()) {
            List<ProcessHandle> tree = new ArrayList<>(h.get().descendants().toList());
            tree.add(0, h.get());
            tree.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle p : tree) {
                p.onExit().join();
            }
        }
        SuiteShutdown.forget(name, config);
        synchronized (processes) {
            processes.remove(name);
        }
    }

    /** Starts one instance (again) and waits until it is ready. */
    public void startInstance(String service, int index) {
        startService(service(service), index);
    }

    /**
     * Trains the restart cache ({@link #withRestartCache}) of a service on one instance unless it is current: the
     * instance is stopped, started as an AOT training run (to ready and one health call), stopped gracefully (the
     * JVM writes the cache as it exits, waited for up to {@link JvmCache#TRAINING_EXIT}) and started again with the
     * cache. The other instances keep running throughout. Returns whether a training ran.
     */
    public boolean trainRestartCache(String service, int index) throws IOException {
        if (restartCache == null) {
            throw new IllegalStateException("no restart cache (withRestartCache)");
        }
        SuiteConfig.Service s = service(service);
        List<String> flags = JvmCache.restartTrainingFlags(restartCache, s.name(), s.jar(config.repoRoot()));
        if (flags.isEmpty()) {
            return false;
        }
        String name = instanceName(s, index);
        stopService(name);
        startService(s, index, flags);
        Http.status("http://127.0.0.1:" + ports(s).get(index) + "/q/health");
        Optional<ManagedProcess> training = process(name);
        if (training.isPresent()) {
            training.get().stop(JvmCache.TRAINING_EXIT);
            training.get().forget(config.runDir());
        }
        synchronized (processes) {
            processes.remove(name);
        }
        startService(s, index);
        return true;
    }

    /** Stops this suite's own PostgreSQL ({@link #withOwnPostgres()}), keeping its data: the database outage. */
    public void stopDatabase() throws IOException {
        if (!ownPostgres || embedded == null) {
            throw new IllegalStateException("only a suite's own PostgreSQL may be stopped (withOwnPostgres)");
        }
        embedded.close();
        embedded = null;
    }

    /** Starts this suite's own PostgreSQL again on the same port and data after {@link #stopDatabase()}. */
    public void startDatabase() throws IOException {
        if (!ownPostgres || embedded != null) {
            throw new IllegalStateException("PostgreSQL is not a stopped own one");
        }
        embedded = Postgres.startEmbedded(config.stateDir().resolve("postgres"), config.embeddedPostgresPort(), false, false);
    }

    /** Stops everything recorded in the run directory, services first, PostgreSQL last. */
    public static List<String> stopAll(SuiteConfig config) throws IOException {
        return SuiteShutdown.stop(config, true);
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
        for (SuiteConfig.Service s : config.dataServices()) {
            for (int i = 1; i < ports(s).size(); i++) {
                stopService(instanceName(s, i));
            }
        }
        SuiteShutdown.stop(config, false);
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
        if (ownPostgres) {
            if (embedded != null) {
                embedded.close();
            }
            Keycloak.deleteTree(config.stateDir().resolve("postgres"));
        } else if (embedded != null && !config.persistent()) {
            embedded.close();
            SuiteShutdown.forget("postgres", config);
        }
    }
}
