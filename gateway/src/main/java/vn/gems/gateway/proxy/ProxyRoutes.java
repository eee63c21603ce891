package vn.gems.gateway.proxy;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import vn.gems.gateway.config.GatewayConfig;
import vn.gems.gateway.security.CallerLabels;
import vn.gems.gateway.upstream.Origin;
import vn.gems.gateway.upstream.UpstreamFailure;
import vn.gems.gateway.upstream.UpstreamService;
import vn.gems.gateway.upstream.Upstreams;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Routes {@code /api/**} to the services through Vert.x's reverse proxy, which streams bodies both ways
 * (nothing is buffered in the heap). Before a request leaves: the token has been verified (Quarkus OIDC,
 * proactive, JWKS cached); anonymous callers are refused except on anonymous routes; the caller is within
 * its rate; the page size and body size are within limits; the service is not saturated. When a service
 * cannot be reached or is too slow the caller gets a problem+json 503 or 504.
 */
@ApplicationScoped
public class ProxyRoutes {

    static final String REQUEST_ID = "X-Request-Id";
    private static final String LOGGED = "gems.access-logged";
    private static final Logger ACCESS = Logger.getLogger("gems.access");
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final GatewayConfig config;
    private final RateLimiter rates = new RateLimiter();
    // Read once: checked on every request.
    private final int maxRequestLine;
    private final long maxHeaders;
    private final long drainMillis;
    private final Forwarding forwarding;

    public ProxyRoutes(GatewayConfig config) {
        this.config = config;
        this.forwarding = new Forwarding(config.forwarding().trustedProxies().orElse(List.of()));
        this.maxRequestLine = config.limits().maxRequestLine();
        this.maxHeaders = config.limits().maxHeaders().asLongValue();
        this.drainMillis = config.limits().drainTime().toMillis();
    }

    /**
     * A route with everything it needs at request time. The proxy (and its HTTP client) is one per event loop:
     * a client shared by all loops hands a request to a connection owned by another loop, and that hand-over
     * (task queue, wake-up, lock) cost more CPU per request than the proxying itself.
     */
    private record Bound(GatewayConfig.Route route, UpstreamService service, ThreadLocal<HttpProxy> proxy, long maxBody) {
    }

    void init(@Observes Router router, Vertx vertx) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        Upstreams upstreams = new Upstreams(config, vertx);
        List<GatewayConfig.Route> routes = config.routes().stream()
                .sorted(Comparator.comparingInt((GatewayConfig.Route r) -> r.prefix().length()).reversed())
                .toList();
        for (GatewayConfig.Route route : routes) {
            UpstreamService service = upstreams.service(route.service()).orElseThrow(() ->
                    new IllegalStateException("route " + route.prefix() + " names unknown service " + route.service()));
            long maxBody = route.maxBody().orElse(config.limits().maxBody()).asLongValue();
            requireBelowQuarkusCeiling(route.prefix(), maxBody);
            Bound bound = new Bound(route, service, ThreadLocal.withInitial(() -> proxy(service, route, maxBody)), maxBody);
            router.route(route.prefix()).handler(rc -> forward(rc, bound));
            router.route(route.prefix() + "/*").handler(rc -> forward(rc, bound));
        }
        // Anything no route and no Quarkus endpoint took: a problem, like every other answer.
        router.route().order(Integer.MAX_VALUE - 100).handler(rc -> {
            String requestId = incomingOrNew(rc.request().getHeader(REQUEST_ID));
            stampRequestId(rc, requestId);
            refuse(rc, 404, "NOT_FOUND", "Not found", "Nothing is found at " + rc.request().path(), rc.request().path(), requestId);
        });
        vertx.setPeriodic(60_000, id -> rates.evictIdle(System.nanoTime(), 600_000_000_000L));
    }

    /**
     * Quarkus' own body limit answers an empty 413 and cuts the connection before any route runs, so it must stay
     * above every route's limit: the routes' limits are the ones callers meet, as logged problems.
     */
    private static void requireBelowQuarkusCeiling(String prefix, long maxBody) {
        long ceiling = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        if (maxBody >= ceiling) {
            throw new IllegalStateException("route " + prefix + " accepts bodies up to " + maxBody
                    + " bytes: quarkus.http.limits.max-body-size (" + ceiling + ") must be larger");
        }
    }

    private HttpProxy proxy(UpstreamService service, GatewayConfig.Route route, long maxBody) {
        Origin origin = new Origin(service, route.timeout().orElse(service.config().timeout()).toMillis());
        HttpProxy proxy = HttpProxy.reverseProxy(service.client()).origin(origin)
                .addInterceptor(new UpstreamFailures(route.service(), drainMillis))
                .addInterceptor(new BodyLimitInterceptor(maxBody));
        route.rewrite().ifPresent(target -> proxy.addInterceptor(new Rewrite(route.prefix(), target)));
        if (route.anonymous()) {
            proxy.addInterceptor(new PublicCache(config.limits().publicMaxAge()));
        }
        // Last: it sees the failure of the request to the service as it is, and may try another instance.
        return proxy.addInterceptor(origin);
    }

    /** Request line and header limits, checked before CORS and authentication (Quarkus runs those at 300 and 200). */
    void requestSizeLimits(@Observes Filters filters) {
        filters.register(this::checkRequestSize, 1900); // after SecurityHeaders (2000): its headers go on these answers too
    }

    private void checkRequestSize(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        int line = req.method().name().length() + 1 + req.uri().length() + 9; // METHOD SP uri SP HTTP/1.1
        if (line > maxRequestLine) {
            refuseOversized(rc, 414, "URI_TOO_LONG", "URI too long",
                    "The request line is " + line + " bytes; at most " + maxRequestLine + " are accepted (send long criteria in a body)");
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
            refuseOversized(rc, 431, "HEADERS_TOO_LARGE", "Request header fields too large",
                    "The request headers total " + total + " bytes, the largest " + largest + " with " + largestSize
                            + "; at most " + maxHeaders + " bytes are accepted");
            return;
        }
        rc.next();
    }

    private void refuseOversized(RoutingContext rc, int status, String code, String title, String detail) {
        String requestId = incomingOrNew(rc.request().getHeader(REQUEST_ID));
        logUnrouted(rc, requestId);
        stampRequestId(rc, requestId);
        // An oversized head says nothing good about the rest: the connection carries no further request.
        rc.response().putHeader(RefusedBody.CONNECTION, "close");
        refuse(rc, status, code, title, detail, null, requestId);
    }

    /**
     * Answers a request the gateway will not forward. When its body is still arriving (or is too large), the
     * answer says {@code Connection: close}; the body is read on and discarded for a while, then the connection closes.
     */
    private void refuse(RoutingContext rc, int status, String code, String title, String detail, String instance, String requestId) {
        HttpServerRequest req = rc.request();
        boolean close = status == 413 || RefusedBody.pending(req) || "close".equals(rc.response().headers().get(RefusedBody.CONNECTION));
        if (close) {
            rc.response().putHeader(RefusedBody.CONNECTION, "close");
        }
        Problems.send(rc.response(), status, code, title, detail, instance, requestId);
        if (close) {
            RefusedBody.discardThenClose(req, drainMillis);
        }
    }

    /**
     * The request id goes upstream and on the answer exactly once: set when the headers are written, so that it
     * replaces the copy a service echoes rather than adding a second one.
     */
    private static void stampRequestId(RoutingContext rc, String requestId) {
        rc.request().headers().set(REQUEST_ID, requestId);
        rc.addHeadersEndHandler(v -> rc.response().headers().set(REQUEST_ID, requestId));
    }

    private void forward(RoutingContext rc, Bound bound) {
        long start = receivedAt(rc);
        HttpServerRequest req = rc.request();
        GatewayConfig.Route route = bound.route();
        String requestId = incomingOrNew(req.getHeader(REQUEST_ID));
        MDC.put("requestId", requestId);
        stampRequestId(rc, requestId);
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        boolean anonymous = identity == null || identity.isAnonymous();
        rc.put(LOGGED, Boolean.TRUE);
        rc.addEndHandler(v -> access(rc, route.prefix(), identity, requestId, start));
        String path = req.path();
        if (!route.anonymous() && anonymous) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"gems\"");
            refuse(rc, 401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required", path, requestId);
            return;
        }
        String client = forwarding.forward(req);
        GatewayConfig.RateLimit limit = anonymous ? config.limits().anonymous() : config.limits().authenticated();
        int replicas = Math.max(1, config.limits().replicas());
        int perMinute = Math.max(1, limit.perMinute() / replicas);
        long wait = rates.acquire(rateKey(client, identity, anonymous), perMinute, Math.max(1, limit.burst() / replicas), System.nanoTime());
        if (wait > 0) {
            rc.response().putHeader("Retry-After", String.valueOf(wait));
            refuse(rc, 429, "RATE_LIMITED", "Too many requests",
                    "Slow down: at most " + limit.perMinute() + " requests a minute; retry after " + wait + " s", path, requestId);
            return;
        }
        String size = req.getParam("size");
        if (size != null && !size.isBlank() && tooLarge(size, config.limits().maxPageSize())) {
            refuse(rc, 400, "PAGE_SIZE_TOO_LARGE", "Bad request",
                    "size must be a number from 1 to " + config.limits().maxPageSize(), path, requestId);
            return;
        }
        String length = req.getHeader("Content-Length");
        if (length != null && declaredTooLarge(length, bound.maxBody())) {
            refuse(rc, 413, "PAYLOAD_TOO_LARGE", "Payload too large",
                    "This route accepts at most " + MemorySizeText.of(bound.maxBody()), path, requestId);
            return;
        }
        if (!bound.service().enter()) {
            rc.response().putHeader("Retry-After", "1");
            refuse(rc, 503, "SERVICE_BUSY", "Service unavailable", route.service() + " is at capacity; retry shortly", path, requestId);
            return;
        }
        rc.addEndHandler(v -> bound.service().leave());
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            // The body is wanted: say so now (a client waits for this before sending). The service is not asked.
            req.headers().remove("Expect");
            rc.response().writeContinue();
        }
        if (!route.anonymous()) {
            // Authenticated answers are personal: no shared cache may keep them.
            rc.addHeadersEndHandler(v -> {
                if (rc.response().headers().get("Cache-Control") == null) {
                    rc.response().headers().set("Cache-Control", "no-store");
                }
            });
        }
        bound.proxy().get().handle(req);
    }

    private static String rateKey(String client, SecurityIdentity identity, boolean anonymous) {
        if (!anonymous && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "sub:" + jwt.getSubject();
        }
        if (!anonymous) {
            return "principal:" + identity.getPrincipal().getName();
        }
        return "ip:" + client;
    }

    private static boolean tooLarge(String size, int max) {
        try {
            long s = Long.parseLong(size.trim());
            return s > max;
        } catch (NumberFormatException e) {
            return false; // the service answers a precise 400 for a malformed number
        }
    }

    private static boolean declaredTooLarge(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void onFailure(RoutingContext rc) {
        Throwable f = rc.failure();
        String requestId = incomingOrNew(rc.request().getHeader(REQUEST_ID));
        logUnrouted(rc, requestId);
        stampRequestId(rc, requestId);
        String path = rc.request().path();
        if (f instanceof AuthenticationException || (f != null && f.getClass().getSimpleName().startsWith("Authentication"))) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"gems\", error=\"invalid_token\"");
            refuse(rc, 401, "INVALID_TOKEN", "Unauthorized", "The bearer token is invalid, expired or not meant for this API", path, requestId);
            return;
        }
        if (rc.statusCode() == 401 || rc.statusCode() == 403) {
            refuse(rc, rc.statusCode(), rc.statusCode() == 401 ? "UNAUTHENTICATED" : "FORBIDDEN",
                    rc.statusCode() == 401 ? "Unauthorized" : "Forbidden",
                    rc.statusCode() == 401 ? "A valid bearer token is required" : "Not allowed", path, requestId);
            return;
        }
        if (rc.statusCode() == 413) {
            refuse(rc, 413, "PAYLOAD_TOO_LARGE", "Payload too large", "The request body is too large", path, requestId);
            return;
        }
        if (f != null) {
            LOG.errorf(f, "Gateway failure on %s (request %s)", path, requestId);
            refuse(rc, 500, "INTERNAL_ERROR", "Internal error",
                    "Something went wrong in the gateway; quote the request id when you report it", path, requestId);
            return;
        }
        rc.next();
    }

    /** Refused before any route took it (a bad token, an oversized head): still one access-log line, with route "-". */
    private static void logUnrouted(RoutingContext rc, String requestId) {
        if (rc.get(LOGGED) == null) {
            rc.put(LOGGED, Boolean.TRUE);
            long start = receivedAt(rc);
            rc.addEndHandler(v -> access(rc, "-", null, requestId, start));
        }
    }

    private static void access(RoutingContext rc, String route, SecurityIdentity identity, String requestId, long start) {
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
        return path == null || path.length() <= 300 ? path : path.substring(0, 300) + "…(" + path.length() + " chars)";
    }

    /** When the request reached the gateway, as the security-headers filter noted it (now, if it did not run). */
    private static long receivedAt(RoutingContext rc) {
        Long received = rc.get(SecurityHeaders.RECEIVED_AT);
        return received == null ? System.nanoTime() : received;
    }

    static String incomingOrNew(String id) {
        return id != null && ACCEPTABLE_ID.matcher(id).matches() ? id : newRequestId();
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

    /** Counts the streamed body against the route's limit (chunked bodies carry no Content-Length). */
    static final class BodyLimitInterceptor implements ProxyInterceptor {
        static final String EXCEEDED = "gems.bodyExceeded";
        private final long limit;

        BodyLimitInterceptor(long limit) {
            this.limit = limit;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            Body body = request.getBody();
            // Only chunked bodies have no declared length (HTTP/2 is off); declared lengths were checked already.
            if (body != null && body.length() < 0 && "chunked".equalsIgnoreCase(request.proxiedRequest().getHeader("Transfer-Encoding"))) {
                LimitedBody limited = new LimitedBody(body.stream(), limit);
                context.set(EXCEEDED, limited);
                request.setBody(Body.body(limited, -1));
            }
            return context.sendRequest();
        }
    }

    /** Turns a failure to reach the service into a problem: 503 when it is down or full, 504 when too slow. */
    static final class UpstreamFailures implements ProxyInterceptor {
        private static final String BODY_REFUSED = "gems.bodyRefused";
        private final String service;
        private final long drainMillis;

        UpstreamFailures(String service, long drainMillis) {
            this.service = service;
            this.drainMillis = drainMillis;
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            Future<Void> sent = context.sendResponse();
            if (context.get(BODY_REFUSED, Boolean.class) != null) {
                // The rest of the over-long body is still coming: read it away, then close.
                sent.onComplete(v -> RefusedBody.discardThenClose(context.request().proxiedRequest(), drainMillis));
            }
            return sent;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                ProxyRequest request = context.request();
                String requestId = request.headers().get(REQUEST_ID);
                LimitedBody limited = context.get(BodyLimitInterceptor.EXCEEDED, LimitedBody.class);
                if (limited != null && limited.exceeded()) {
                    context.set(BODY_REFUSED, Boolean.TRUE);
                    ProxyResponse r = request.release().response().setStatusCode(413)
                            .putHeader("Content-Type", Problems.MEDIA_TYPE).putHeader("Connection", "close")
                            .setBody(Body.body(Problems.body(413, "PAYLOAD_TOO_LARGE", "Payload too large",
                                    "The request body is larger than this route accepts", request.proxiedRequest().path(), requestId)));
                    return Future.succeededFuture(r);
                }
                if (RefusedBody.pending(request.proxiedRequest())) {
                    context.set(BODY_REFUSED, Boolean.TRUE); // the rest of the body has nowhere to go
                }
                UpstreamFailure kind = UpstreamFailure.of(failure);
                LOG.warnf("Upstream %s failed for %s %s (request %s): %s %s", service, request.getMethod(), request.getURI(),
                        requestId, kind, failure.toString());
                ProxyResponse response = request.release().response()
                        .setStatusCode(kind.status())
                        .putHeader("Content-Type", Problems.MEDIA_TYPE)
                        .setBody(Body.body(Problems.body(kind.status(), kind.code(), kind.title(), kind.detail(service),
                                request.proxiedRequest().path(), requestId)));
                if (kind.retryAfter() != null) {
                    response.putHeader("Retry-After", kind.retryAfter());
                }
                if (context.get(BODY_REFUSED, Boolean.class) != null) {
                    response.putHeader(RefusedBody.CONNECTION, "close");
                }
                return Future.succeededFuture(response);
            });
        }
    }

    /** Replaces a route's prefix by its {@code rewrite} path (the API documents: /openapi/plans → /q/openapi). */
    static final class Rewrite implements ProxyInterceptor {
        private final String prefix;
        private final String target;

        Rewrite(String prefix, String target) {
            this.prefix = prefix;
            this.target = target;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String uri = context.request().getURI();
            if (uri.startsWith(prefix)) {
                context.request().setURI(target + uri.substring(prefix.length()));
            }
            return context.sendRequest();
        }
    }

    /** Human form of a byte count for problem details. */
    static final class MemorySizeText {
        private MemorySizeText() {
        }

        static String of(long bytes) {
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
}
