package vn.gems.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Stops what a run directory records, in order: gateway and portal, the data services, Keycloak, PostgreSQL. */
final class SuiteShutdown {

    private SuiteShutdown() {
    }

    static List<String> stop(SuiteConfig config, boolean includePostgres) throws IOException {
        List<String> stopped = new ArrayList<>();
        for (String name : order(config, includePostgres)) {
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

    private static List<String> order(SuiteConfig config, boolean includePostgres) {
        List<String> order = new ArrayList<>();
        order.add("gateway");
        order.add("portal");
        config.dataServices().forEach(s -> order.add(s.name()));
        // extra instances of an N-instance suite (GEMS_REPLICAS), whatever N was
        config.dataServices().forEach(s -> IntStream.range(1, InstanceLayout.MAX_INSTANCES)
                .forEach(i -> order.add(InstanceLayout.instanceName(s, i))));
        order.add("keycloak");
        if (includePostgres) {
            order.add("postgres");
        }
        return order;
    }

    /** Forgets a PID file that may already be gone. */
    static void forget(String name, SuiteConfig config) {
        ManagedProcess.recall(name, config.runDir()).ifPresent(p -> {
            try {
                p.forget(config.runDir());
            } catch (IOException e) {
                // nothing to forget
            }
        });
    }
}
