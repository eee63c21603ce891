package vn.gems.gateway.proxy;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gems.gateway.config.GatewayConfig;

import java.util.Map;
import java.util.Optional;

/**
 * The size limits of a request: its request line and headers (checked before CORS and authentication), the page
 * size it asks for, and its body's declared length against the route's limit (a chunked body is counted while it
 * streams: {@link BodyLimit}).
 */
@ApplicationScoped
public class RequestLimits {

    private final Refusals refusals;
    // Read once: checked on every request.
    private final int maxRequestLine;
    private final long maxHeaders;
    private final int maxPageSize;
    private final long defaultMaxBody;
    private final long quarkusCeiling;

    public RequestLimits(GatewayConfig config, Refusals refusals) {
        this.refusals = refusals;
        this.maxRequestLine = config.limits().maxRequestLine();
        this.maxHeaders = config.limits().maxHeaders().asLongValue();
        this.maxPageSize = config.limits().maxPageSize();
        this.defaultMaxBody = config.limits().maxBody().asLongValue();
        this.quarkusCeiling = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    /** Request line and header limits, checked before CORS and authentication (Quarkus runs those at 300 and 200). */
    void register(@Observes Filters filters) {
        filters.register(this::checkHead, 1900); // after SecurityHeaders (2000): its headers go on these answers too
    }

    private void checkHead(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        int line = req.method().name().length() + 1 + req.uri().length() + 9; // METHOD SP uri SP HTTP/1.1
        if (line > maxRequestLine) {
            refuseHead(rc, new Problem(414, "URI_TOO_LONG", "The request line is %d bytes; at most %d are accepted (send long criteria in a body)"
                    .formatted(line, maxRequestLine)));
            return;
        }
        long total = 0;
        String largest = null;
        int largestSize = 0;
        for (Map.Entry<String, String> header : req.headers()) {
            int size = header.getKey().length() + header.getValue().length() + 4; // name: value CRLF
            total += size;
            if (size > largestSize) {
                largestSize = size;
                largest = header.getKey();
            }
        }
        if (total > maxHeaders) {
            refuseHead(rc, new Problem(431, "HEADERS_TOO_LARGE", "The request headers total %d bytes, the largest %s with %d; at most %d bytes are accepted"
                    .formatted(total, largest, largestSize, maxHeaders)));
            return;
        }
        rc.next();
    }

    private void refuseHead(RoutingContext rc, Problem problem) {
        // An oversized head says nothing good about the rest: the connection carries no further request.
        rc.response().putHeader(Refusals.CONNECTION, "close");
        refusals.refuse(rc, problem, null);
    }

    /** A {@code size} above the maximum page size (a malformed one is the service's to refuse, precisely). */
    Optional<Problem> pageSize(HttpServerRequest req) {
        String size = req.getParam("size");
        if (size == null || size.isBlank()) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(size.trim()) <= maxPageSize) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new Problem(400, "PAGE_SIZE_TOO_LARGE", "size must be a number from 1 to " + maxPageSize));
    }

    /** A declared Content-Length over the route's limit: refused before a byte of the body is read. */
    Optional<Problem> declaredBody(HttpServerRequest req, long maxBody) {
        String length = req.getHeader("Content-Length");
        if (length == null) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBody) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty(); // Netty refuses a malformed length before any handler runs
        }
        return Optional.of(tooLarge(maxBody));
    }

    static Problem tooLarge(long maxBody) {
        return new Problem(413, "PAYLOAD_TOO_LARGE", "This route accepts at most " + sizeText(maxBody));
    }

    /**
     * The route's body limit. Quarkus' own body limit answers an empty 413 and cuts the connection before any route
     * runs, so it must stay above every route's limit: the routes' limits are the ones callers meet, as logged problems.
     */
    long maxBody(GatewayConfig.Route route) {
        long maxBody = route.maxBody().map(MemorySize::asLongValue).orElse(defaultMaxBody);
        if (maxBody >= quarkusCeiling) {
            throw new IllegalStateException("route " + route.prefix() + " accepts bodies up to " + maxBody
                    + " bytes: quarkus.http.limits.max-body-size (" + quarkusCeiling + ") must be larger");
        }
        return maxBody;
    }

    /** Human form of a byte count for problem details. */
    static String sizeText(long bytes) {
        if (bytes >= 1 << 30 && bytes % (1 << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KB";
        }
        return bytes + " bytes";
    }
}
