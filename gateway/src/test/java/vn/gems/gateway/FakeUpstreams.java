package vn.gems.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import vn.gems.common.testing.TestTokens;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server standing in for plans-service (echoes what reached it, counts streamed bytes, answers
 * slowly on /api/plans/slow), a closed port standing in for a stopped indicators-service, and the test key
 * for token verification.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        // The services' HTTP codec limits (Quarkus' defaults: 4096-byte request line, 20K of headers).
        HttpServerOptions codec = new HttpServerOptions().setMaxInitialLineLength(4096).setMaxHeaderSize(20 * 1024);
        HttpServer server = vertx.createHttpServer(codec).requestHandler(req -> {
            if (req.path().startsWith("/api/public/")) {
                req.response().putHeader("Content-Type", "application/json").end("{\"plan\":7,\"status\":\"ISSUED\"}");
                return;
            }
            if (req.path().endsWith("/slow")) {
                vertx.setTimer(3000, t -> req.response().end("{}"));
                return;
            }
            AtomicLong bytes = new AtomicLong();
            req.handler(b -> bytes.addAndGet(b.length()));
            // Like the services: the request id echoed on the answer (the gateway must still send it once).
            req.endHandler(v -> req.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", String.valueOf(req.getHeader("X-Request-Id"))).end(new JsonObject()
                    .put("path", req.path())
                    .put("uri", req.uri())
                    .put("method", req.method().name())
                    .put("authorization", req.getHeader("Authorization") != null)
                    .put("requestId", req.getHeader("X-Request-Id"))
                    .put("forwardedFor", req.getHeader("X-Forwarded-For"))
                    .put("forwardedHost", req.getHeader("X-Forwarded-Host"))
                    .put("forwardedProto", req.getHeader("X-Forwarded-Proto"))
                    .put("forwarded", req.getHeader("Forwarded"))
                    .put("bytes", bytes.get())
                    .encode()));
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            int closedPort;
            try (ServerSocket s = new ServerSocket(0)) {
                closedPort = s.getLocalPort();
            }
            String up = "http://127.0.0.1:" + server.actualPort();
            return Map.of(
                    // the streaming test sends 64 MB through the reports route
                    "gems.gateway.routes[6].max-body", "256M",
                    "gems.gateway.services.plans.url", up,
                    "gems.gateway.services.plans.timeout", "1s",
                    "gems.gateway.services.reporting.url", up,
                    "gems.gateway.services.indicators.url", "http://127.0.0.1:" + closedPort,
                    "quarkus.oidc.public-key", TestTokens.publicKey(),
                    "quarkus.oidc.token.issuer", TestTokens.ISSUER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
