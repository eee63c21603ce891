package vn.gems.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/** Replaces a route's prefix by its {@code rewrite} path (the API documents: /openapi/plans → /q/openapi). */
final class Rewrite implements ProxyInterceptor {

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
