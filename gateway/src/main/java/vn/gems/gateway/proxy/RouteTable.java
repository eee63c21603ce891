package vn.gems.gateway.proxy;

import io.vertx.httpproxy.HttpProxy;
import vn.gems.gateway.config.GatewayConfig;
import vn.gems.gateway.upstream.Origin;
import vn.gems.gateway.upstream.UpstreamService;
import vn.gems.gateway.upstream.Upstreams;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The route table of the configuration (README "Routes"), longest prefix first, each route bound to its service,
 * its body limit and its proxy. The proxy is one per event loop, like the service's HTTP client it uses.
 */
final class RouteTable {

    /** A route with everything it needs at request time. */
    record ProxyRoute(GatewayConfig.Route route, UpstreamService service, long maxBody, ThreadLocal<HttpProxy> proxy) {
        String prefix() {
            return route.prefix();
        }
    }

    private RouteTable() {
    }

    static List<ProxyRoute> of(GatewayConfig config, Upstreams upstreams, RequestLimits limits, Refusals refusals) {
        return config.routes().stream()
                .sorted(Comparator.comparingInt((GatewayConfig.Route r) -> r.prefix().length()).reversed())
                .map(route -> {
                    UpstreamService service = upstreams.service(route.service()).orElseThrow(() ->
                            new IllegalStateException("route " + route.prefix() + " names unknown service " + route.service()));
                    long maxBody = limits.maxBody(route);
                    Duration publicMaxAge = config.limits().publicMaxAge();
                    return new ProxyRoute(route, service, maxBody,
                            ThreadLocal.withInitial(() -> proxy(route, service, maxBody, publicMaxAge, refusals)));
                })
                .toList();
    }

    /** The interceptors, outermost first: failures to problems, body limit, rewrite, public caching, the origin. */
    private static HttpProxy proxy(GatewayConfig.Route route, UpstreamService service, long maxBody, Duration publicMaxAge,
                                   Refusals refusals) {
        Origin origin = new Origin(service, route.timeout().orElse(service.config().timeout()).toMillis());
        HttpProxy proxy = HttpProxy.reverseProxy(service.client()).origin(origin)
                .addInterceptor(new UpstreamProblems(route.service(), refusals))
                .addInterceptor(new BodyLimit(maxBody));
        route.rewrite().ifPresent(target -> proxy.addInterceptor(new Rewrite(route.prefix(), target)));
        if (route.anonymous()) {
            proxy.addInterceptor(new PublicCache(publicMaxAge));
        }
        // Last: it sees the failure of the request to the service as it is, and may try another instance.
        return proxy.addInterceptor(origin);
    }
}
