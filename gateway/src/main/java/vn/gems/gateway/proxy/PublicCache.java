package vn.gems.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * For the portal's anonymous GETs: makes answers cacheable ({@code Cache-Control: public, max-age}) and
 * conditional (a strong ETag over the body when the service gave none; {@code If-None-Match} → 304), so
 * browsers and intermediaries revalidate instead of fetching again. Only small bodies are hashed; larger
 * ones pass through untouched.
 */
final class PublicCache implements ProxyInterceptor {

    private static final long MAX_HASHED = 2 * 1024 * 1024;
    private final String cacheControl;

    PublicCache(Duration maxAge) {
        this.cacheControl = "public, max-age=" + maxAge.toSeconds();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        if (context.request().getMethod() != HttpMethod.GET || response.getStatusCode() != 200) {
            return context.sendResponse();
        }
        if (response.headers().get("Cache-Control") == null) {
            response.putHeader("Cache-Control", cacheControl);
        }
        String ifNoneMatch = context.request().headers().get("If-None-Match");
        String etag = response.etag();
        if (etag != null) {
            return answer(context, etag, ifNoneMatch);
        }
        Body body = response.getBody();
        if (body == null || body.length() < 0 || body.length() > MAX_HASHED) {
            return context.sendResponse();
        }
        Promise<Buffer> read = Promise.promise();
        Buffer all = Buffer.buffer((int) body.length());
        body.stream().handler(all::appendBuffer).exceptionHandler(read::tryFail).endHandler(v -> read.tryComplete(all));
        body.stream().resume();
        return read.future().compose(bytes -> {
            String tag = "\"" + hash(bytes) + "\"";
            response.putHeader("ETag", tag);
            response.setBody(Body.body(bytes));
            return answer(context, tag, ifNoneMatch);
        });
    }

    private static Future<Void> answer(ProxyContext context, String etag, String ifNoneMatch) {
        ProxyResponse response = context.response();
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains(etag))) {
            response.setStatusCode(304).setBody(null);
            response.headers().remove("Content-Length").remove("Content-Type");
        }
        return context.sendResponse();
    }

    private static String hash(Buffer bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes.getBytes());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
