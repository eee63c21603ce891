package vn.gems.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.gateway.config.GatewayConfig;

/**
 * Answers for requests the gateway does not forward, and what becomes of their bodies. A body still arriving is
 * read and thrown away for a while ({@code limits.drain-time}), then the connection is closed: closing at once,
 * with bytes still coming, makes the kernel reset the connection, and a client that reads the answer only after
 * sending everything (most HTTP libraries) would see a broken pipe instead of the problem. Reading on is cheap
 * (nothing is kept) and bounded in time.
 */
@ApplicationScoped
public class Refusals {

    static final String CONNECTION = "Connection";
    private static final String CLOSE = "close";

    private final long drainMillis;

    public Refusals(GatewayConfig config) {
        this.drainMillis = config.limits().drainTime().toMillis();
    }

    /**
     * Answers the problem. A body that is still arriving, a 413, or an answer already marked {@code Connection:
     * close} ends the connection once the body has been read away.
     */
    void refuse(RoutingContext rc, Problem problem, String instance) {
        String requestId = RequestIds.of(rc);
        AccessLog.once(rc, "-", null, requestId);
        HttpServerRequest request = rc.request();
        boolean close = problem.status() == 413 || pending(request) || CLOSE.equals(rc.response().headers().get(CONNECTION));
        if (close) {
            rc.response().putHeader(CONNECTION, CLOSE);
        }
        Problems.send(rc.response(), problem, instance, requestId);
        if (close) {
            discardThenClose(request);
        }
    }

    /**
     * Whether the request declares a body that has not fully arrived. (A request without a body may look unended
     * while paused; it has nothing to discard.)
     */
    static boolean pending(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        boolean body = request.getHeader("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
        return body && !request.isEnded();
    }

    /**
     * Once the answer has been ended: discards what is left of the body, then closes the connection when the body
     * has ended or the drain time has passed, whichever comes first. (Closing flushes what was written.)
     */
    void discardThenClose(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (!pending(request)) {
            connection.close();
            return;
        }
        Vertx vertx = Vertx.currentContext().owner();
        long timer = vertx.setTimer(Math.max(1, drainMillis), t -> connection.close());
        request.exceptionHandler(ignored -> connection.close());
        request.handler(ignored -> {
        });
        request.endHandler(v -> {
            vertx.cancelTimer(timer);
            connection.close();
        });
        request.resume();
    }
}
