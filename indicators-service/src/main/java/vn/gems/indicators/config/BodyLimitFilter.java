package vn.gems.indicators.config;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.gems.common.problem.ProblemWriter;

import java.util.List;

/**
 * Applies two body limits: {@code quarkus.http.limits.max-body-size} is raised for the streamed push endpoint (files of
 * any size, read row by row), and every other endpoint keeps a small one, because JSON is read into memory.
 * Runs after Quarkus's own limit handler (route order -2), so it can lower the limit it recorded for chunked bodies.
 * (Control characters in paths and queries are refused by common's ControlCharacterGuard.)
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** The routing-context key the streamed request input stream reads its limit from. */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    public static final String PUSH_PATH = "/api/values/pushes";

    private final long jsonLimit;
    private final ProblemWriter problems;

    public BodyLimitFilter(IndicatorsConfig config, ProblemWriter problems) {
        this.jsonLimit = config.batch().maxJsonBody().asLongValue();
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.request().method() == HttpMethod.POST && PUSH_PATH.equals(rc.normalizedPath())) {
                rc.next();
                return;
            }
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                rc.response().putHeader("Connection", "close");
                problems.write(rc, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code(), "PAYLOAD_TOO_LARGE",
                        "This endpoint accepts at most " + jsonLimit + " bytes; send large loads to POST " + PUSH_PATH, List.of());
                return;
            }
            rc.put(MAX_REQUEST_SIZE_KEY, jsonLimit);
            rc.next();
        }, 1);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > jsonLimit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
