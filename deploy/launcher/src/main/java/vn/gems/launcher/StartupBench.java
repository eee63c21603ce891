package vn.gems.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code deploy/gems bench-startup}: starts each service alone from its packaged jar, several times, and prints per
 * start the wall time from spawn to its first HTTP answer, the CPU seconds the JVM had used by then, and its
 * resident memory after a first request; with the machine's load average, because on a shared machine the wall
 * time says little without it. Free ports, databases of its own on the PostgreSQL the suite would use ({@code gems_bench_*},
 * kept), no Keycloak (the first request is refused with 401, as an unauthenticated call would be), so it runs
 * beside a demo suite or another clone's. The first start of a service without a current AOT cache is the training
 * run ({@link JvmCache}, kept in {@code .gems/bench/jvm-cache}) and is not counted.
 * <p>
 * Environment: {@code GEMS_BENCH_RUNS} (measured starts per service, 3), {@code GEMS_BENCH_SERVICES} (names,
 * comma-separated; all five), {@code GEMS_BENCH_JVM_OPTIONS} (the demo's), {@code GEMS_BENCH_CPUS} (a
 * {@code taskset} CPU list such as {@code 1}: the JVM runs on those cores only), {@code GEMS_BENCH_CACHE=off}.
 */
final class StartupBench {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private StartupBench() {
    }

    static int run(Path root) throws Exception {
        SuiteConfig demo = SuiteConfig.demo(root);
        int runs = Integer.parseInt(Postgres.env("GEMS_BENCH_RUNS", "3").trim());
        String jvm = Postgres.env("GEMS_BENCH_JVM_OPTIONS", demo.serviceJvmOptions());
        String cpus = Postgres.env("GEMS_BENCH_CPUS", "").trim();
        boolean cache = !"off".equalsIgnoreCase(Postgres.env("GEMS_BENCH_CACHE", "on"));
        List<String> only = List.of(Postgres.env("GEMS_BENCH_SERVICES", "").split(","));
        Path state = demo.stateDir().resolve("bench");
        Postgres.Endpoint pg = Postgres.external().orElseThrow(() -> new IllegalStateException(
                "bench-startup needs a PostgreSQL server (127.0.0.1:5432 or GEMS_DB_URL)"));
        System.out.printf("JVM options: %s; %s; %d cores; Java %s%n", jvm, cpus.isEmpty() ? "all cores" : "taskset -c " + cpus,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("%-20s %4s %12s %10s %10s %8s  %s%n", "service", "run", "to 1st answer", "CPU s", "RSS MB", "load", "first request");
        for (SuiteConfig.Service s : demo.allServices()) {
            if (!only.getFirst().isBlank() && !only.contains(s.name())) {
                continue;
            }
            String database = s.database() == null ? null : "gems_bench_" + s.database().substring(s.database().indexOf('_') + 1);
            if (database != null) {
                // kept between runs, like the cache: every measured start finds its schema migrated
                Postgres.createDatabaseIfMissing(pg, database);
            }
            if (cache && !JvmCache.ready(state, s.name(), s.jar(root))) {
                Start training = start(root, state, s, jvm, cpus, cache, pg, database);
                // the JVM writes the cache's configuration as it exits, then builds the cache in a child JVM:
                // minutes on a busy machine, and a kill after a short grace leaves no cache (the next start trains again)
                training.process().stop(JvmCache.TRAINING_EXIT);
                awaitCache(state, s, root);
                System.out.printf("%-20s %4s %11.2fs %10.2f %10s %8s  (training run: writes the AOT cache as it stops)%n",
                        s.name(), "-", training.wallSeconds(), training.cpuSeconds(), "-", training.load());
            }
            for (int run = 1; run <= runs; run++) {
                Start st = start(root, state, s, jvm, cpus, cache, pg, database);
                System.out.printf("%-20s %4d %11.2fs %10.2f %10d %8s  %s%n", s.name(), run, st.wallSeconds(), st.cpuSeconds(),
                        st.rssKb() / 1024, st.load(), st.firstRequest());
                st.process().stop(Duration.ofSeconds(20));
                st.process().awaitGone(Duration.ofSeconds(20));
            }
        }
        return 0;
    }

    /** One measured start: spawn → first answer of /q/health/live, CPU then, RSS after a first request. */
    record Start(ManagedProcess process, double wallSeconds, double cpuSeconds, long rssKb, String load, String firstRequest) {
    }

    private static Start start(Path root, Path state, SuiteConfig.Service s, String jvm, String cpus, boolean cache,
                               Postgres.Endpoint pg, String database) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        if (!cpus.isEmpty()) {
            cmd.addAll(List.of("taskset", "-c", cpus));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvm.trim().split("\\s+")));
        if (cache) {
            cmd.addAll(JvmCache.flags(state, s.name(), s.jar(root)));
        }
        cmd.addAll(List.of("-jar", s.jar(root).toString()));
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long t0 = System.nanoTime();
        ManagedProcess p = ManagedProcess.start("bench-" + s.name(), cmd, environment(port, pg, database), root,
                state.resolve("logs").resolve(s.name() + ".log"), state.resolve("run"));
        givePriority(p.pid());
        String live = "http://127.0.0.1:" + port + "/q/health/live";
        long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
        while (Http.status(live) != 200) {
            if (!p.alive() || System.nanoTime() > deadline) {
                p.stop(Duration.ofSeconds(5));
                throw new IllegalStateException(s.name() + " did not answer: " + p.tail(5));
            }
            ManagedProcess.sleep(10);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds(javaPid(p));
        String path = switch (s.name()) {
            case "portal" -> "/";
            case "gateway" -> "/q/health/ready";
            default -> "/api/me";
        };
        int status = Http.CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        int ready = Http.status("http://127.0.0.1:" + port + "/q/health/ready");
        ManagedProcess.sleep(500);
        return new Start(p, wall, cpu, rssKb(javaPid(p)), load, path + " → " + status + ", ready " + ready);
    }

    /** What the service reads in its prod profile; peers and Keycloak point at a closed port. */
    private static Map<String, String> environment(int port, Postgres.Endpoint pg, String database) {
        String nowhere = "http://127.0.0.1:9";
        Map<String, String> env = new HashMap<>(Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "OIDC_URL", nowhere + "/realms/gems",
                "OIDC_CLIENT_SECRET", "bench", "PLANS_URL", nowhere, "INDICATORS_URL", nowhere, "REPORTING_URL", nowhere,
                "PORTAL_URL", nowhere, "CORS_ORIGINS", "http://localhost:3000"));
        if (database != null) {
            env.put("DB_URL", pg.jdbcUrl(database));
            env.put("DB_USER", pg.user());
            env.put("DB_PASSWORD", pg.password().isEmpty() ? "trusted-local-server" : pg.password());
        }
        return env;
    }

    private static void awaitCache(Path state, SuiteConfig.Service s, Path root) throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!JvmCache.ready(state, s.name(), s.jar(root)) && System.nanoTime() < until) {
            ManagedProcess.sleep(1000);
        }
    }

    /**
     * Gives the service's session the bench's own nice. A service is started in a session of its own (setsid), and
     * with the kernel's autogroup scheduling (on by default) each session is a scheduling group of its own at nice 0
     * that shares the CPU equally with every other session's group, whatever the nice of the processes in it: without
     * this, {@code nice -n -15 deploy/gems bench-startup} gave the measured JVM no more CPU than anyone's nice-10
     * build. The group appears when setsid has run, so this waits (up to 1 s) for the process to leave the bench's
     * group; lowering a nice below 0 needs root, and where it is refused the start is measured as it is.
     */
    private static void givePriority(long pid) {
        Path own = Path.of("/proc/self/autogroup");
        Path theirs = Path.of("/proc", String.valueOf(pid), "autogroup");
        try {
            if (!Files.exists(own)) {
                return;
            }
            String ownGroup = Files.readString(own).split(" ")[0];
            int nice = Integer.parseInt(Files.readString(Path.of("/proc/self/stat")).replaceAll(".*\\) ", "").split(" ")[16]);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (Files.readString(theirs).split(" ")[0].equals(ownGroup) && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            Files.writeString(theirs, String.valueOf(nice));
        } catch (IOException | RuntimeException e) {
            System.out.println("(could not give the service the bench's priority: " + e.getMessage() + ")");
        }
    }

    /** The JVM: the spawned process itself, or taskset's child if taskset did not exec. */
    private static long javaPid(ManagedProcess p) {
        return p.handle().flatMap(h -> h.descendants().filter(d -> d.info().command().orElse("").endsWith("/java")).findFirst())
                .map(ProcessHandle::pid).orElse(p.pid());
    }

    /** User + system CPU seconds of a process (all its threads) from {@code /proc/<pid>/stat}. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state(0) ppid(1) … utime(11) stime(12)
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND;
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
