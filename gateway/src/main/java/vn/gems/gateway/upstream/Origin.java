package vn.gems.gateway.upstream;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

/**
 * Where a proxied request goes, and the one retry on another instance. Placed last among the proxy's interceptors,
 * so that it sees the failure of the request to the service as it is.
 *
 * <p>A request is tried once more, on another instance, when it is idempotent (GET, HEAD, OPTIONS, or carrying an
 * {@code Idempotency-Key}) and the first instance could not be reached: the connection was refused or could not be
 * made (nothing was sent, the body is untouched), or an established connection was closed before any answer and the
 * request has no body. A request whose body had begun to stream is never re-sent: bodies are streamed, not kept, so
 * there is nothing to send again; it gets a 502 problem. The instance that refused is taken out of rotation.
 */
public final class Origin implements OriginRequestProvider, ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(Origin.class);
    private static final String INSTANCE = "gems.instance";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final UpstreamService service;
    private final long idleTimeoutMillis;

    public Origin(UpstreamService service, long idleTimeoutMillis) {
        this.service = service;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        Instance instance = service.pick(null);
        context.set(INSTANCE, instance);
        return connect(context, instance);
    }

    private Future<HttpClientRequest> connect(ProxyContext context, Instance instance) {
        ProxyRequest request = context.request();
        return context.client().request(new RequestOptions().setServer(instance.address())
                .setMethod(request.getMethod()).setURI(request.getURI()).setIdleTimeout(idleTimeoutMillis));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            Instance first = context.get(INSTANCE, Instance.class);
            UpstreamFailure kind = UpstreamFailure.of(failure);
            if (kind == UpstreamFailure.UNREACHABLE && first != null) {
                first.markDown(failure.toString());
            }
            ProxyRequest request = context.request();
            boolean replayable = kind == UpstreamFailure.UNREACHABLE || (kind == UpstreamFailure.RESET && bodiless(request));
            Instance other = replayable && idempotent(request) ? service.pick(first) : null;
            if (other == null) {
                return Future.failedFuture(failure);
            }
            LOG.debugf("%s %s: %s failed (%s), trying %s", request.getMethod(), request.getURI(), first, kind, other);
            context.set(INSTANCE, other);
            if (kind == UpstreamFailure.RESET) {
                request.setBody(null); // nothing to send; the first attempt consumed the (empty) stream
            }
            return connect(context, other).compose(request::send);
        });
    }

    static boolean idempotent(ProxyRequest request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return true;
        }
        String key = request.headers().get(IDEMPOTENCY_KEY);
        return key != null && !key.isBlank();
    }

    private static boolean bodiless(ProxyRequest request) {
        String length = request.proxiedRequest().getHeader("Content-Length");
        return request.proxiedRequest().getHeader("Transfer-Encoding") == null && (length == null || "0".equals(length.trim()));
    }
}
