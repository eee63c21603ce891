package vn.gems.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The gateway's one writer of problem+json, in the suite's shape (the services write theirs with gems-common; the
 * gateway has no JAX-RS and keeps this deliberately small): straight onto a response, or as the proxy's answer.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static Buffer body(Problem problem, String instance, String requestId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", problem.type());
        n.put("title", problem.title());
        n.put("status", problem.status());
        n.put("detail", problem.detail());
        if (instance != null) {
            n.put("instance", instance);
        }
        n.put("code", problem.code());
        if (requestId != null) {
            n.put("requestId", requestId);
        }
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the response with the problem (unless something was already written). */
    static void send(HttpServerResponse response, Problem problem, String instance, String requestId) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", MEDIA_TYPE)
                .end(body(problem, instance, requestId));
    }

    /** The proxy's answer in place of the service's: the request's body is released, the problem becomes the body. */
    static ProxyResponse answer(ProxyRequest request, Problem problem, String requestId) {
        return request.release().response().setStatusCode(problem.status()).putHeader("Content-Type", MEDIA_TYPE)
                .setBody(Body.body(body(problem, request.proxiedRequest().path(), requestId)));
    }
}
