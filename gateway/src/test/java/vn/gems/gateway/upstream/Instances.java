package vn.gems.gateway.upstream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real HTTP servers standing in for several instances of a service: {@code a} and {@code b} answer with their
 * name; {@code d} too, with a health answer the test switches ({@code POST /health/503} on d's own port); a closed
 * port refuses connections; {@code x} accepts connections and closes them when the request arrives. Each test
 * uses its own route and service, so the rotation starts at the first instance listed.
 */
public class Instances implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            String a = "http://127.0.0.1:" + named("a", new AtomicInteger(200));
            String b = "http://127.0.0.1:" + named("b", new AtomicInteger(200));
            String d = "http://127.0.0.1:" + named("d", new AtomicInteger(200));
            String refused = "http://127.0.0.1:" + closedPort();
            NetServer closer = vertx.createNetServer().connectHandler(socket -> socket.handler(data -> socket.close()));
            String x = "http://127.0.0.1:" + closer.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
            Map<String, String> config = new HashMap<>();
            // The module's global FakeUpstreams resource supplies the token key and the three usual services.
            config.put("gems.gateway.limits.authenticated.burst", "100000");
            config.put("gems.gateway.limits.authenticated.per-minute", "1000000");
            config.put("test.instances.d", d);
            int route = 13;
            route = service(config, route, "balance", a + "," + b + "," + refused, true);
            route = service(config, route, "refused-get", refused + "," + a, false);
            route = service(config, route, "refused-post", refused + "," + a, false);
            route = service(config, route, "refused-key", refused + "," + a, false);
            route = service(config, route, "reset-get", x + "," + a, false);
            route = service(config, route, "reset-post", x + "," + a, false);
            service(config, route, "health", a + "," + d, true);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A service {@code t-name} at route {@code /t/name}; returns the next free route index. */
    private static int service(Map<String, String> config, int route, String name, String urls, boolean health) {
        config.put("gems.gateway.services.t-" + name + ".url", urls);
        config.put("gems.gateway.services.t-" + name + ".health.enabled", String.valueOf(health));
        config.put("gems.gateway.services.t-" + name + ".health.interval", health ? "200ms" : "60s");
        config.put("gems.gateway.routes[" + route + "].prefix", "/t/" + name);
        config.put("gems.gateway.routes[" + route + "].service", "t-" + name);
        return route + 1;
    }

    private int named(String name, AtomicInteger health) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/q/health/ready")) {
                req.response().setStatusCode(health.get()).end();
                return;
            }
            if (req.path().startsWith("/health/")) {
                health.set(Integer.parseInt(req.path().substring("/health/".length())));
                req.response().end();
                return;
            }
            AtomicLong bytes = new AtomicLong();
            req.handler(chunk -> bytes.addAndGet(chunk.length()));
            req.endHandler(v -> req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("instance", name).put("method", req.method().name()).put("bytes", bytes.get())
                    .put("forwardedFor", req.getHeader("X-Forwarded-For")).encode()));
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
