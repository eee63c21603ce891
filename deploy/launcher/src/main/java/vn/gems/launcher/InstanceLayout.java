package vn.gems.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

/**
 * Which instances of each data service a suite runs and on which ports: one per service by default, N in the
 * replica suite ({@code GEMS_REPLICAS}, {@code ReplicasE2eTest}).
 */
final class InstanceLayout {

    /** Most instances per service the launcher starts (and {@code deploy/gems down} looks for). */
    static final int MAX_INSTANCES = 10;

    private final int instances;
    private final Map<String, List<Integer>> ports;

    private InstanceLayout(int instances, Map<String, List<Integer>> ports) {
        this.instances = instances;
        this.ports = ports;
    }

    static InstanceLayout single() {
        return new InstanceLayout(1, Map.of());
    }

    /** Instance 0 on the configured port, the others on ports from {@code freePorts}. */
    static InstanceLayout of(SuiteConfig config, int n, IntSupplier freePorts) {
        if (n < 1 || n > MAX_INSTANCES) {
            throw new IllegalArgumentException("instances must be 1 to " + MAX_INSTANCES + ": " + n);
        }
        Map<String, List<Integer>> ports = new HashMap<>();
        for (SuiteConfig.Service s : config.dataServices()) {
            List<Integer> list = new ArrayList<>();
            list.add(s.port());
            for (int i = 1; i < n; i++) {
                list.add(freePorts.getAsInt());
            }
            ports.put(s.name(), List.copyOf(list));
        }
        return new InstanceLayout(n, Map.copyOf(ports));
    }

    int instances() {
        return instances;
    }

    /** The port of each instance of a service, instance 0 first (one entry for the gateway and the portal). */
    List<Integer> ports(SuiteConfig.Service s) {
        return ports.getOrDefault(s.name(), List.of(s.port()));
    }

    /** Every instance's base URL, comma-separated (what the gateway balances over). */
    String urls(SuiteConfig.Service s) {
        return ports(s).stream().map(p -> "http://localhost:" + p).collect(Collectors.joining(","));
    }

    /** Instance 0 keeps the service's name (PID file, log), so a one-instance suite is what it always was. */
    static String instanceName(SuiteConfig.Service s, int index) {
        return index == 0 ? s.name() : s.name() + "-" + index;
    }
}
