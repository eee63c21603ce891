package vn.gems.gateway.proxy;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Security headers on every answer of the gateway, whoever produced it (proxy, problem, health, Swagger UI). */
@ApplicationScoped
public class SecurityHeaders {

    /** When the request reached the gateway (System.nanoTime), for the access log's latency. */
    static final String RECEIVED_AT = "gems.received-at";

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    // Swagger UI's page runs its own scripts and styles from the gateway; nothing from elsewhere.
    static final String UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.put(RECEIVED_AT, System.nanoTime());
            String path = rc.request().path();
            rc.addHeadersEndHandler(v -> {
                HttpServerResponse r = rc.response();
                r.headers().set("X-Content-Type-Options", "nosniff");
                r.headers().set("X-Frame-Options", "DENY");
                r.headers().set("Referrer-Policy", "no-referrer");
                r.headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                r.headers().set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
                r.headers().set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? UI_CSP : API_CSP);
                r.headers().remove("Server");
                r.headers().remove("X-Powered-By");
            });
            rc.next();
        }, 2000);
    }
}
