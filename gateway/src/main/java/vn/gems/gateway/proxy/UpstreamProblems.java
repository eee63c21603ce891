package vn.gems.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;
import vn.gems.gateway.upstream.UpstreamFailure;

/**
 * Turns a request that got no answer from the service into a problem: 413 when its chunked body went past the
 * limit, else what {@link UpstreamFailure} makes of the failure (503 down or full, 504 too slow, 502 closed). When
 * the caller's body is still arriving it is read away and the connection closed after the answer.
 */
final class UpstreamProblems implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamProblems.class);
    private static final String BODY_LEFT = "gems.body-left";

    private final String service;
    private final Refusals refusals;

    UpstreamProblems(String service, Refusals refusals) {
        this.service = service;
        this.refusals = refusals;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            ProxyRequest request = context.request();
            String requestId = request.headers().get(RequestIds.HEADER);
            boolean bodyLeft = Refusals.pending(request.proxiedRequest());
            if (bodyLeft) {
                context.set(BODY_LEFT, Boolean.TRUE);
            }
            ProxyResponse response;
            if (BodyLimit.exceeded(context)) {
                context.set(BODY_LEFT, Boolean.TRUE);
                response = Problems.answer(request, new Problem(413, "PAYLOAD_TOO_LARGE", "The request body is larger than this route accepts"), requestId);
            } else {
                UpstreamFailure kind = UpstreamFailure.of(failure);
                LOG.warnf("Upstream %s failed for %s %s (request %s): %s %s", service, request.getMethod(), request.getURI(),
                        requestId, kind, failure);
                response = Problems.answer(request, new Problem(kind.status(), kind.code(), kind.detail(service)), requestId);
                if (kind.retryAfter() != null) {
                    response.putHeader("Retry-After", kind.retryAfter());
                }
            }
            if (context.get(BODY_LEFT, Boolean.class) != null) {
                response.putHeader(Refusals.CONNECTION, "close");
            }
            return Future.succeededFuture(response);
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (context.get(BODY_LEFT, Boolean.class) != null) {
            // The rest of the body has nowhere to go: read it away, then close.
            sent.onComplete(v -> refusals.discardThenClose(context.request().proxiedRequest()));
        }
        return sent;
    }
}
