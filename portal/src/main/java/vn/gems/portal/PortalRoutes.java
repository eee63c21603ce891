package vn.gems.portal;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;

/**
 * The portal's only server-side code: its run-time configuration for the browser, and the headers of every
 * answer. The pages and scripts are static (bundled at build time by the Web Bundler), so the policy can be
 * strict: scripts and styles only from this origin, no inline script or style, and network calls only to
 * this origin (the gateway's API) and to the realm (the token endpoint of the PKCE login).
 */
@ApplicationScoped
public class PortalRoutes {

    static final String BUNDLE_PREFIX = "/portal/bundle/";
    private final String csp;
    private final String config;

    public PortalRoutes(PortalConfig portal) {
        this.csp = policy(portal.oidcUrl());
        this.config = new JsonObject().put("issuer", trimSlash(portal.oidcUrl().toString()))
                .put("clientId", portal.clientId()).encode();
    }

    static String policy(URI realm) {
        String realmOrigin = realm.getScheme() + "://" + realm.getRawAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + realmOrigin + "; manifest-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    void routes(@Observes Router router) {
        router.get("/portal/config.json").handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(config));
    }

    void headers(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.request().path();
            rc.addHeadersEndHandler(v -> {
                HttpServerResponse r = rc.response();
                r.headers().set("Content-Security-Policy", csp);
                r.headers().set("X-Content-Type-Options", "nosniff");
                r.headers().set("Referrer-Policy", "no-referrer");
                r.headers().set("X-Frame-Options", "DENY");
                // Bundles carry a content hash in their names: cache for good. Everything else: revalidate.
                r.headers().set("Cache-Control", path.startsWith(BUNDLE_PREFIX)
                        ? "public, max-age=31536000, immutable" : "no-cache");
            });
            rc.next();
        }, 100);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
