package vn.gems.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/** Counts a chunked body against the route's limit while it streams (a declared length was checked already). */
final class BodyLimit implements ProxyInterceptor {

    private static final String COUNTED = "gems.body-counted";
    private final long limit;

    BodyLimit(long limit) {
        this.limit = limit;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        // Only chunked bodies have no declared length (HTTP/2 is off).
        if (body != null && body.length() < 0 && "chunked".equalsIgnoreCase(request.proxiedRequest().getHeader("Transfer-Encoding"))) {
            LimitedBody limited = new LimitedBody(body.stream(), limit);
            context.set(COUNTED, limited);
            request.setBody(Body.body(limited, -1));
        }
        return context.sendRequest();
    }

    /** Whether this request's body went past the limit (the failure that follows is that, whatever its type). */
    static boolean exceeded(ProxyContext context) {
        LimitedBody limited = context.get(COUNTED, LimitedBody.class);
        return limited != null && limited.exceeded();
    }
}
