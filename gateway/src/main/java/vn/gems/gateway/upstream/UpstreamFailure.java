package vn.gems.gateway.upstream;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Why a request to a service got no answer, told by the failure's type (and its causes'), never by its message:
 * what the caller is told (status, code, Retry-After) and whether another instance may be tried.
 */
public enum UpstreamFailure {
    /** Every connection to the instance is busy and the wait queue is full. */
    BUSY(503, "SERVICE_BUSY", "Service unavailable", "%s is at capacity; retry shortly", "1"),
    /** No connection could be made: refused, no route, unknown host, connect time-out. Nothing was sent. */
    UNREACHABLE(503, "SERVICE_UNAVAILABLE", "Service unavailable", "%s is not reachable right now", "5"),
    /** Silence past the route's time-out. */
    TIMEOUT(504, "UPSTREAM_TIMEOUT", "Gateway timeout", "%s did not answer in time", null),
    /** The connection was closed or reset before any answer: the request may have been (partly) sent. */
    RESET(502, "BAD_GATEWAY", "Bad gateway", "%s closed the connection without answering", null),
    /** Anything else. */
    OTHER(502, "BAD_GATEWAY", "Bad gateway", "%s failed to answer", null);

    private final int status;
    private final String code;
    private final String title;
    private final String detail;
    private final String retryAfter;

    UpstreamFailure(int status, String code, String title, String detail, String retryAfter) {
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public static UpstreamFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectionPoolTooBusyException) {
                return BUSY;
            }
            // Netty's ConnectTimeoutException and AnnotatedConnectException are ConnectExceptions.
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return UNREACHABLE;
            }
            if (t instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof HttpClosedException || t instanceof StreamResetException || t instanceof IOException) {
                return RESET;
            }
        }
        return OTHER;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail(String service) {
        return String.format(detail, service);
    }

    /** Seconds to put in Retry-After, or null when none is said. */
    public String retryAfter() {
        return retryAfter;
    }
}
