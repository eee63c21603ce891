package vn.gems.common.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This instance of a service, as leases and job claims name it: {@code gems.instance-id} when set, else the host name
 * (the pod name in Kubernetes) and a random suffix, unique per start (a PID is always 1 in a container).
 */
@ApplicationScoped
public class InstanceName {

    private final String id;

    public InstanceName(@ConfigProperty(name = "gems.instance-id") Optional<String> configured) {
        this.id = configured.filter(s -> !s.isBlank()).orElseGet(() -> {
            String host = System.getenv("HOSTNAME");
            return (host == null || host.isBlank() ? "gems" : host) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        });
    }

    public String id() {
        return id;
    }
}
