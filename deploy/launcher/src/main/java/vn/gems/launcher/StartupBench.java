package vn.gems.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/gems bench-startup}: restarts each service of a running suite alone, and prints its start time
 * (Quarkus's own "started in", and spawn-to-ready wall time) and its resident memory after a first
 * authenticated request. The figures in the README come from this.
 */
final class StartupBench {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private StartupBench() {
    }

    static int run(SuiteConfig config) throws Exception {
        Suite suite = new Suite(config).start();
        String token = Tokens.password(config.issuer(), "dolisa.officer", "gems-demo");
        System.out.printf("%-20s %12s %14s %14s%n", "service", "started in", "spawn→ready", "RSS after 1st");
        for (SuiteConfig.Service s : config.allServices()) {
            suite.stopService(s.name());
            ManagedProcess.sleep(1000);
            // A training run writes the AOT cache as it stops (in a child JVM): measure the start that uses it.
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (config.persistent() && !JvmCache.ready(config.stateDir(), s.name(), s.jar(config.repoRoot()))
                    && System.nanoTime() < waitUntil) {
                ManagedProcess.sleep(1000);
            }
            boolean cached = config.persistent() && JvmCache.ready(config.stateDir(), s.name(), s.jar(config.repoRoot()));
            long t0 = System.nanoTime();
            suite.restartService(s.name());
            double wall = (System.nanoTime() - t0) / 1e9;
            ManagedProcess p = suite.process(s.name()).orElseThrow();
            String path = switch (s.name()) {
                case "gateway" -> "/api/agencies?size=1";
                case "portal" -> "/";
                default -> "/api/me";
            };
            HttpRequest req = HttpRequest.newBuilder(URI.create(s.url() + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build();
            int status = Http.CLIENT.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            ManagedProcess.sleep(500);
            System.out.printf("%-20s %11ss %13.1fs %11d MB   (first request %s → %d; %s)%n", s.name(), startedIn(p),
                    wall, rssKb(p.pid()) / 1024, path, status, cached ? "start-up cache used" : "no start-up cache");
        }
        System.out.println("JVM options: " + config.serviceJvmOptions() + "; " + Runtime.getRuntime().availableProcessors()
                + " cores; Java " + Runtime.version());
        return 0;
    }

    private static String startedIn(ManagedProcess p) throws IOException {
        List<String> lines = Files.readAllLines(p.log());
        String found = "?";
        for (String l : lines) {
            Matcher m = STARTED.matcher(l);
            if (m.find()) {
                found = m.group(1);
            }
        }
        return found;
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
