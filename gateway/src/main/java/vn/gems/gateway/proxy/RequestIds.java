package vn.gems.gateway.proxy;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The request id: the caller's when it is a plain token, else a fresh one; sent upstream and on the answer, once. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "gems.request-id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    /**
     * The request's id, decided on first call: set on the request (the service logs it) and, when the answer's
     * headers are written, on the answer, replacing the copy a service echoes rather than adding a second one.
     */
    static String of(RoutingContext rc) {
        String known = rc.get(KEY);
        if (known != null) {
            return known;
        }
        String id = incomingOrNew(rc.request().getHeader(HEADER));
        rc.put(KEY, id);
        MDC.put("requestId", id);
        rc.request().headers().set(HEADER, id);
        rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, id));
        return id;
    }

    static String incomingOrNew(String id) {
        return id != null && ACCEPTABLE.matcher(id).matches() ? id : newRequestId();
    }

    /**
     * A random (version 4) UUID. A correlation id, not a secret: drawn from ThreadLocalRandom, because
     * UUID.randomUUID() takes one SecureRandom lock shared by every event loop.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
