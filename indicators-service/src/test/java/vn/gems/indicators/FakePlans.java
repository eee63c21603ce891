package vn.gems.indicators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for plans-service and Keycloak's token endpoint, over real HTTP: the token endpoint hands out a
 * fixed service token for indicators-service's client credentials, and the agency registry answers only
 * requests carrying that token — so a 200 proves the REST client sent its own client-credentials token.
 * (The end-to-end suite proves the same against the real plans-service and Keycloak.)
 */
public class FakePlans implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "fake-indicators-service-token";
    public static final Set<String> AGENCIES = Set.of("TTH-DOH", "TTH-DOLISA", "TTH-STATS", "TTH-DOHA", "TTH-DPI", "TTH-DCS", "TTH-DOET", "TTH-DIC",
            "QNG-DOLISA", "STI-LABOUR", "STI-HOME", "STI-HEALTH", "STI-EDU", "STI-CULTURE");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/gems/protocol/openid-connect/token", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("grant_type=client_credentials")) {
                send(x, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
            } else {
                send(x, 400, "{\"error\":\"unsupported_grant_type\"}");
            }
        });
        server.createContext("/api/agencies/", x -> {
            if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                send(x, 401, "{\"code\":\"UNAUTHENTICATED\"}");
                return;
            }
            String code = x.getRequestURI().getPath().substring("/api/agencies/".length());
            if (AGENCIES.contains(code)) {
                send(x, 200, "{\"code\":\"" + code + "\",\"active\":true}");
            } else {
                send(x, 404, "{\"code\":\"NOT_FOUND\"}");
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.plans.url", base,
                "quarkus.oidc-client.auth-server-url", base + "/realms/gems",
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", "/protocol/openid-connect/token",
                "quarkus.oidc-client.credentials.secret", "test-secret");
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
