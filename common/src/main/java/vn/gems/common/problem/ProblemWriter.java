package vn.gems.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.request.RequestIds;

import java.util.List;

/**
 * Answers a problem from a Vert.x route filter, before JAX-RS ever sees the request (control characters in a path, a
 * body over a route's limit): the same {@link Problem} shape and type URIs {@link ProblemMappers} answers.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(RoutingContext rc, int status, String code, String detail, List<FieldError> errors) {
        Object id = rc.get(RequestIds.MDC_KEY);
        Problem p = Problem.of(status, code, HttpResponseStatus.valueOf(status).reasonPhrase(), detail, rc.normalizedPath(),
                id == null ? RequestIds.current() : id.toString(), errors);
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem is always serialisable", e);
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
