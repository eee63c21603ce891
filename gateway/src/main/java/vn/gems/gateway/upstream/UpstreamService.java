package vn.gems.gateway.upstream;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import vn.gems.gateway.config.GatewayConfig;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service behind the gateway: its instances, the rotation over them, and the requests in flight to it. The
 * HTTP client is one per event loop (each with a keep-alive pool per instance): a client shared by all loops hands
 * a request to a connection owned by another loop, and that hand-over (task queue, wake-up, lock) cost more CPU per
 * request than the proxying itself.
 */
public final class UpstreamService {

    private final String name;
    private final GatewayConfig.Upstream config;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ThreadLocal<HttpClient> clients;

    UpstreamService(String name, GatewayConfig.Upstream config, Vertx vertx) {
        if (config.urls().isEmpty()) {
            throw new IllegalStateException("service " + name + " has no url");
        }
        this.name = name;
        this.config = config;
        this.instances = config.urls().stream().map(url -> new Instance(name, url)).toList();
        boolean tls = "https".equals(config.urls().get(0).getScheme());
        this.clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setSsl(tls)
                .setDecompressionSupported(false),
                // A bounded wait queue: when every connection is busy and the queue is full, fail fast (→ 503).
                new PoolOptions().setHttp1MaxSize(config.poolSize()).setMaxWaitQueueSize(config.maxInFlight())));
    }

    public String name() {
        return name;
    }

    public GatewayConfig.Upstream config() {
        return config;
    }

    List<Instance> instances() {
        return instances;
    }

    /** This event loop's client (created on the loop, so its connections live there too). */
    public HttpClient client() {
        return clients.get();
    }

    /**
     * The instance for the next request, in rotation among those in service; {@code avoid} (the one that just
     * failed) is skipped. When no other instance is in service, any other one is tried (health may lag behind);
     * null when there is no other instance at all.
     */
    public Instance pick(Instance avoid) {
        int n = instances.size();
        if (n == 1) {
            return avoid == null ? instances.get(0) : null;
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        Instance fallback = null;
        for (int i = 0; i < n; i++) {
            Instance candidate = instances.get((start + i) % n);
            if (candidate == avoid) {
                continue;
            }
            if (candidate.up()) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback;
    }

    /** False when the service already has its maximum of requests in flight (the caller answers 503). */
    public boolean enter() {
        if (inFlight.incrementAndGet() > config.maxInFlight()) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    public void leave() {
        inFlight.decrementAndGet();
    }
}
