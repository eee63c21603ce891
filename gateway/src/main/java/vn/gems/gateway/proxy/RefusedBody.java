package vn.gems.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request answered before its body was read (413, 401, 429 …): the rest of the body is read and thrown away
 * for a while, then the connection is closed. Closing at once, with bytes still arriving, makes the kernel reset
 * the connection, and a client that reads the answer only after sending everything (most HTTP libraries) then
 * sees a broken pipe instead of the problem. Reading on is cheap (nothing is kept) and bounded in time.
 */
final class RefusedBody {

    static final String CONNECTION = "Connection";

    private RefusedBody() {
    }

    /**
     * Whether the request declares a body that has not fully arrived: then the answer says {@code Connection: close}.
     * (A request without a body may look unended while paused; it has nothing to discard.)
     */
    static boolean pending(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        boolean body = request.getHeader("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
        return body && !request.isEnded();
    }

    /**
     * Once the answer has been ended: discards what is left of the body, then closes the connection when the body
     * has ended or {@code drainMillis} have passed, whichever comes first. (Closing flushes what was written.)
     */
    static void discardThenClose(HttpServerRequest request, long drainMillis) {
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
