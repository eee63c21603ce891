package vn.gems.indicators.config;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.gems.common.problem.Problem;
import vn.gems.common.request.RequestIds;

/**
 * Refuses control characters in paths and queries, and applies two body limits: {@code quarkus.http.limits.max-body-size} is raised for the streamed push endpoint (files of
 * any size, read row by row), and every other endpoint keeps a small one, because JSON is read into memory.
 * Runs after Quarkus's own limit handler (route order -2), so it can lower the limit it recorded for chunked bodies.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** The routing-context key the streamed request input stream reads its limit from. */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    public static final String PUSH_PATH = "/api/values/pushes";

    private final long jsonLimit;

    public BodyLimitFilter(IndicatorsConfig config) {
        this.jsonLimit = config.batch().maxJsonBody().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String uri = rc.request().uri();
            if (uri != null && hasEncodedControl(uri)) {
                // NUL and other control characters in a path or query could reach the database, which refuses them.
                reject(rc, 400, "INVALID_CHARACTERS", "The path or query holds control characters");
                return;
            }
            if (rc.request().method() == HttpMethod.POST && PUSH_PATH.equals(rc.normalizedPath())) {
                rc.next();
                return;
            }
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                rc.response().putHeader("Connection", "close");
                reject(rc, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code(), "PAYLOAD_TOO_LARGE",
                        "This endpoint accepts at most " + jsonLimit + " bytes; send large loads to POST " + PUSH_PATH);
                return;
            }
            rc.put(MAX_REQUEST_SIZE_KEY, jsonLimit);
            rc.next();
        }, 1);
    }

    private static void reject(io.vertx.ext.web.RoutingContext rc, int status, String code, String detail) {
        String title = status == 413 ? "Payload too large" : "Bad request";
        String body = "{\"type\":\"" + Problem.TYPE_BASE + code.toLowerCase().replace('_', '-') + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\",\"requestId\":\"" + RequestIds.current() + "\"}";
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    /** %00-%1F and %7F (any case), or raw control characters. */
    static boolean hasEncodedControl(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (c == '%' && i + 2 < uri.length()) {
                int hi = Character.digit(uri.charAt(i + 1), 16);
                int lo = Character.digit(uri.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0 && (hi < 2 || (hi == 7 && lo == 15))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > jsonLimit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
