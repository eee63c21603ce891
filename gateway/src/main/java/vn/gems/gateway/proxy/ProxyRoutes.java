package vn.gems.gateway.proxy;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.gems.gateway.config.GatewayConfig;
import vn.gems.gateway.upstream.UpstreamFailure;
import vn.gems.gateway.upstream.Upstreams;

import java.util.List;
import java.util.Optional;

/**
 * Routes {@code /api/**} to the services through Vert.x's reverse proxy, which streams bodies both ways (nothing
 * is buffered in the heap). Before a request leaves: the token has been verified (Quarkus OIDC, proactive, JWKS
 * cached); anonymous callers are refused except on anonymous routes; the caller is within its rate; the page size
 * and body size are within limits; the service is not saturated. The pieces live beside this class: the
 * {@link RouteTable}, {@link RequestLimits}, {@link RateLimits}, {@link Forwarding}, {@link RequestIds},
 * {@link AccessLog}, {@link Refusals} and the proxy's interceptors ({@link UpstreamProblems}, {@link BodyLimit},
 * {@link Rewrite}, {@link PublicCache}, the origin with its retry).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String CACHE_CONTROL = "Cache-Control";

    private final GatewayConfig config;
    private final RequestLimits limits;
    private final RateLimits rates;
    private final Refusals refusals;
    private final Forwarding forwarding;

    public ProxyRoutes(GatewayConfig config, RequestLimits limits, RateLimits rates, Refusals refusals) {
        this.config = config;
        this.limits = limits;
        this.rates = rates;
        this.refusals = refusals;
        this.forwarding = new Forwarding(config.forwarding().trustedProxies().orElse(List.of()));
    }

    void init(@Observes Router router, Vertx vertx) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        for (RouteTable.ProxyRoute route : RouteTable.of(config, new Upstreams(config, vertx), limits, refusals)) {
            router.route(route.prefix()).handler(rc -> forward(rc, route));
            router.route(route.prefix() + "/*").handler(rc -> forward(rc, route));
        }
        // Anything no route and no Quarkus endpoint took: a problem, like every other answer.
        router.route().order(Integer.MAX_VALUE - 100).handler(rc -> refusals.refuse(rc,
                new Problem(404, "NOT_FOUND", "Nothing is found at " + rc.request().path()), rc.request().path()));
    }

    private void forward(RoutingContext rc, RouteTable.ProxyRoute route) {
        HttpServerRequest req = rc.request();
        String requestId = RequestIds.of(rc);
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser u ? u.getSecurityIdentity() : null;
        AccessLog.once(rc, route.prefix(), identity, requestId);
        String path = req.path();
        if (!route.route().anonymous() && (identity == null || identity.isAnonymous())) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"gems\"");
            refusals.refuse(rc, new Problem(401, "UNAUTHENTICATED", "A valid bearer token is required"), path);
            return;
        }
        String client = forwarding.forward(req);
        Optional<Problem> refused = rates.check(identity, client, wait -> rc.response().putHeader("Retry-After", String.valueOf(wait)))
                .or(() -> limits.pageSize(req))
                .or(() -> limits.declaredBody(req, route.maxBody()));
        if (refused.isPresent()) {
            refusals.refuse(rc, refused.get(), path);
            return;
        }
        if (!route.service().enter()) {
            UpstreamFailure busy = UpstreamFailure.BUSY;
            rc.response().putHeader("Retry-After", busy.retryAfter());
            refusals.refuse(rc, new Problem(busy.status(), busy.code(), busy.detail(route.service().name())), path);
            return;
        }
        rc.addEndHandler(v -> route.service().leave());
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            // The body is wanted: say so now (a client waits for this before sending). The service is not asked.
            req.headers().remove("Expect");
            rc.response().writeContinue();
        }
        if (!route.route().anonymous()) {
            // Authenticated answers are personal: no shared cache may keep them.
            rc.addHeadersEndHandler(v -> {
                if (rc.response().headers().get(CACHE_CONTROL) == null) {
                    rc.response().headers().set(CACHE_CONTROL, "no-store");
                }
            });
        }
        route.proxy().get().handle(req);
    }

    /** Failures before any route answered: a token refused by authentication, Quarkus' own 401/403/413, a bug. */
    private void onFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        String path = rc.request().path();
        if (causedBy(failure, AuthenticationException.class)) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"gems\", error=\"invalid_token\"");
            refusals.refuse(rc, new Problem(401, "INVALID_TOKEN", "The bearer token is invalid, expired or not meant for this API"), path);
            return;
        }
        Optional<Problem> problem = switch (rc.statusCode()) {
            case 401 -> Optional.of(new Problem(401, "UNAUTHENTICATED", "A valid bearer token is required"));
            case 403 -> Optional.of(new Problem(403, "FORBIDDEN", "Not allowed"));
            case 413 -> Optional.of(new Problem(413, "PAYLOAD_TOO_LARGE", "The request body is too large"));
            default -> Optional.empty();
        };
        if (problem.isEmpty() && failure != null) {
            LOG.errorf(failure, "Gateway failure on %s (request %s)", path, RequestIds.of(rc));
            problem = Optional.of(new Problem(500, "INTERNAL_ERROR", "Something went wrong in the gateway; quote the request id when you report it"));
        }
        if (problem.isPresent()) {
            refusals.refuse(rc, problem.get(), path);
        } else {
            rc.next();
        }
    }

    private static boolean causedBy(Throwable failure, Class<?> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
