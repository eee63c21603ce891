package vn.gems.gateway.proxy;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import vn.gems.gateway.security.CallerLabels;

/**
 * One line per request on logger {@code gems.access}, written when the answer has been sent: who, what, which
 * route ({@code -} when none took it: a bad token, an oversized head), status and latency. Never a token, a query
 * string or a body.
 */
final class AccessLog {

    private static final String LOGGED = "gems.access-logged";
    private static final Logger ACCESS = Logger.getLogger("gems.access");
    private static final int MAX_PATH = 300;

    private AccessLog() {
    }

    /** Logs the request when it ends; only the first call per request counts. */
    static void once(RoutingContext rc, String route, SecurityIdentity identity, String requestId) {
        if (rc.get(LOGGED) != null) {
            return;
        }
        rc.put(LOGGED, Boolean.TRUE);
        long start = receivedAt(rc);
        rc.addEndHandler(v -> write(rc, route, identity, requestId, start));
    }

    private static void write(RoutingContext rc, String route, SecurityIdentity identity, String requestId, long start) {
        CallerLabels caller = CallerLabels.of(identity);
        long micros = (System.nanoTime() - start) / 1_000;
        // Built by hand: a format string per request costs more than the rest of the line.
        StringBuilder line = new StringBuilder(160)
                .append("requestId=").append(requestId)
                .append(" client=").append(caller.client())
                .append(" agency=").append(caller.agency())
                .append(" method=").append(rc.request().method().name())
                .append(" route=").append(route)
                .append(" path=").append(clip(rc.request().path()))
                .append(" status=").append(rc.response().getStatusCode())
                .append(" latencyMs=").append(micros / 1_000).append('.').append(micros % 1_000 / 100);
        ACCESS.info(line.toString());
    }

    /** A path for the log: an oversized one is cut (the whole of it would only bloat the log). */
    static String clip(String path) {
        return path == null || path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…(" + path.length() + " chars)";
    }

    /** When the request reached the gateway, as the security-headers filter noted it (now, if it did not run). */
    private static long receivedAt(RoutingContext rc) {
        Long received = rc.get(SecurityHeaders.RECEIVED_AT);
        return received == null ? System.nanoTime() : received;
    }
}
