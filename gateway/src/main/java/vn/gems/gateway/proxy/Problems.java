package vn.gems.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * The suite's RFC 9457 problem shape, written by the gateway itself (the services write theirs with
 * gems-common; the gateway has no JAX-RS and keeps this deliberately small).
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Buffer body(int status, String code, String title, String detail, String instance, String requestId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "https://gems.gov.vn/problems/" + code.toLowerCase().replace('_', '-'));
        n.put("title", title);
        n.put("status", status);
        n.put("detail", detail);
        if (instance != null) {
            n.put("instance", instance);
        }
        n.put("code", code);
        if (requestId != null) {
            n.put("requestId", requestId);
        }
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(n));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(HttpServerResponse response, int status, String code, String title, String detail,
                            String instance, String requestId) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(body(status, code, title, detail, instance, requestId));
    }
}
