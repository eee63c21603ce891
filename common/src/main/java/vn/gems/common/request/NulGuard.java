package vn.gems.common.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemMappers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL cannot store or even compare text holding NUL characters; a path or query value with one
 * (e.g. {@code /api/plans/%00}) is answered 400 here instead of failing in the database.
 * (JSON bodies are guarded by {@link vn.gems.common.json.NoNulStrings}.)
 */
public class NulGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rejectNul(ContainerRequestContext ctx) {
        UriInfo uri = ctx.getUriInfo();
        String field = null;
        if (uri.getPath().indexOf('\u0000') >= 0) {
            field = "(path)";
        } else {
            MultivaluedMap<String, String> query = uri.getQueryParameters();
            for (Map.Entry<String, List<String>> e : query.entrySet()) {
                if (e.getKey().indexOf('\u0000') >= 0 || e.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                    field = e.getKey().replace('\u0000', '?');
                    break;
                }
            }
        }
        if (field == null) {
            return Optional.empty();
        }
        return Optional.of(ProblemMappers.build(400, "INVALID_CHARACTER", "Bad request", "NUL characters are not allowed in " + field,
                uri, List.of(new FieldError(field, "INVALID_CHARACTER", "must not contain NUL characters"))).build());
    }
}
