package vn.gems.gateway.upstream;

import io.vertx.core.Vertx;
import vn.gems.gateway.config.GatewayConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The services of the configuration, with their instances watched by health checks. */
public final class Upstreams {

    private final Map<String, UpstreamService> services = new HashMap<>();

    public Upstreams(GatewayConfig config, Vertx vertx) {
        HealthChecks health = new HealthChecks(vertx);
        config.services().forEach((name, upstream) -> {
            UpstreamService service = new UpstreamService(name, upstream, vertx);
            services.put(name, service);
            health.watch(service);
        });
    }

    public Optional<UpstreamService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }
}
