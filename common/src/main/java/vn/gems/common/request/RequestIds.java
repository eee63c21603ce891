package vn.gems.common.request;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id every log line and problem carries; set per request by {@link RequestIdFilter}. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object v = MDC.get(MDC_KEY);
        return v == null ? null : v.toString();
    }

    /** Keeps a caller's id when it is harmless (no log injection), otherwise makes one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }
}
