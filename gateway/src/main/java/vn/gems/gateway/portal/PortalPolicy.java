package vn.gems.gateway.portal;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.gems.gateway.config.GatewayConfig;

import java.util.List;

/**
 * The portal's pages keep the portal's own Content-Security-Policy. The gateway puts {@code default-src 'none'} on
 * every answer (right for the API, fatal for a page); for paths of the routes to the {@code portal} service this
 * class sets back the policy the portal sent, which allows scripts, styles and calls from the portal's origin only
 * (and the realm's token endpoint). Vert.x runs headers-end handlers in reverse order of registration: the
 * handler of the filter after the security headers' (priority 2000) runs before it and notes the portal's policy;
 * the handler of the filter before it runs after it and restores that policy. {@code PortalPolicyTest} holds both.
 */
@ApplicationScoped
public class PortalPolicy {

    static final String SERVICE = "portal";
    private static final String CSP = "Content-Security-Policy";
    private static final String NOTED = "gems.portal-csp";

    private final List<String> prefixes;

    public PortalPolicy(GatewayConfig config) {
        this.prefixes = config.routes().stream().filter(r -> SERVICE.equals(r.service())).map(GatewayConfig.Route::prefix).toList();
    }

    /** A path one of the portal's routes takes: "/" itself, or a prefix and what lies below it. */
    boolean isPortal(String path) {
        for (String p : prefixes) {
            if ("/".equals(p) ? "/".equals(path) : path.equals(p) || path.startsWith(p + "/")) {
                return true;
            }
        }
        return false;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> onPortal(rc, () -> {
            String csp = rc.response().headers().get(CSP);
            if (csp != null) {
                rc.put(NOTED, csp);
            }
        }), 1990);
        filters.register(rc -> onPortal(rc, () -> {
            String csp = rc.get(NOTED);
            if (csp != null) {
                rc.response().headers().set(CSP, csp);
            }
        }), 2010);
    }

    private void onPortal(RoutingContext rc, Runnable atHeadersEnd) {
        if (!prefixes.isEmpty() && isPortal(rc.request().path())) {
            rc.addHeadersEndHandler(v -> atHeadersEnd.run());
        }
        rc.next();
    }
}
