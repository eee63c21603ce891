package vn.gems.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gems.common.json.NoControlStrings;
import vn.gems.common.request.ControlCharacters;
import vn.gems.common.request.RequestIds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Maps every failure a request can meet to the suite's problem+json shape: our own
 * {@link ProblemException}s, bean validation, unreadable JSON, unknown paths and wrong methods,
 * authentication and authorization failures, concurrent updates, and anything unexpected
 * (logged with the request id, answered without internals).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder r = build(e.status(), e.code(), e.title(), e.getMessage(), uri, e.errors());
        e.headers().forEach(r::header);
        return r.build();
    }

    @ServerExceptionMapper
    public Response restValidation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    private Response violations(ConstraintViolationException e, UriInfo uri) {
        boolean returnValue = e.getConstraintViolations().stream().anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), codeOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::code))
                .toList();
        return build(400, "VALIDATION_FAILED", "Invalid request",
                errors.size() + " field(s) are invalid", uri, errors).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof NoControlStrings.ControlCharacterInJson c) {
            String field = path(c);
            return build(400, ControlCharacters.CODE, "Invalid request", "Field '" + field + "' holds control characters", uri,
                    List.of(new FieldError(field, ControlCharacters.CODE, "must not contain control characters"))).build();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return build(400, "UNKNOWN_FIELD", "Invalid request", "Field '" + u.getPropertyName() + "' is not part of this resource",
                    uri, List.of(new FieldError(path(u), "UNKNOWN_FIELD", "unknown field"))).build();
        }
        if (e instanceof InvalidFormatException f) {
            String field = path(f);
            String expected = f.getTargetType() == null ? "another format" : describe(f.getTargetType());
            return build(400, "INVALID_VALUE", "Invalid request", "Field '" + field + "' must be " + expected, uri,
                    List.of(new FieldError(field, "INVALID_VALUE", "must be " + expected))).build();
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "of another type" : describe(m.getTargetType());
            return build(400, "INVALID_TYPE", "Invalid request", "Field '" + field + "' must be " + expected, uri,
                    List.of(new FieldError(field, "INVALID_TYPE", "must be " + expected))).build();
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return build(400, "INVALID_VALUE", "Invalid request", "Field '" + field + "' cannot be read", uri,
                    List.of(new FieldError(field, "INVALID_VALUE", "cannot be read"))).build();
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return build(400, "MALFORMED_JSON", "Malformed JSON", "The request body is not valid JSON" + where, uri, List.of()).build();
    }

    // The JSON provider has its own mappers for these subtypes; ours must be at least as specific to win.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return build(401, "UNAUTHENTICATED", "Unauthorized", "A valid bearer token is required", uri, List.of())
                .header("WWW-Authenticate", "Bearer realm=\"gems\"").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return invalidToken(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return invalidToken(uri);
    }

    private Response invalidToken(UriInfo uri) {
        return build(401, "INVALID_TOKEN", "Unauthorized", "The bearer token is invalid, expired or not meant for this API", uri, List.of())
                .header("WWW-Authenticate", "Bearer realm=\"gems\", error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return build(403, "FORBIDDEN", "Forbidden", "Your role or agency does not allow this", uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        String detail = switch (status) {
            case 404 -> "Nothing is found at " + uri.getPath();
            case 405 -> "This path does not accept that method";
            case 406 -> "This resource cannot answer in the requested media type";
            case 415 -> "This resource does not accept that content type";
            default -> Response.Status.fromStatusCode(status) == null ? "Request rejected" : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        Response.Status s = Response.Status.fromStatusCode(status);
        Response.ResponseBuilder r = build(status, code, s == null ? "Request rejected" : s.getReasonPhrase(), detail, uri, List.of());
        for (Map.Entry<String, List<Object>> h : e.getResponse().getHeaders().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Allow") || h.getKey().equalsIgnoreCase("WWW-Authenticate") || h.getKey().equalsIgnoreCase("Retry-After")) {
                h.getValue().forEach(v -> r.header(h.getKey(), v));
            }
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrent(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrent(uri);
    }

    private Response concurrent(UriInfo uri) {
        return build(409, "CONCURRENT_MODIFICATION", "Conflict",
                "Someone else changed this resource at the same time; read it again and retry", uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Failures at commit come wrapped (RollbackException, PersistenceException): answer for the real cause.
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return concurrent(uri);
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException cv) {
                return constraint(cv, uri);
            }
        }
        if (e instanceof org.hibernate.exception.ConstraintViolationException cv) {
            return constraint(cv, uri);
        }
        if (DatabaseFailures.unavailable(e)) {
            // A restart or outage of PostgreSQL, not a bug: say when to come back (the pool validates connections
            // on borrow, so the next request gets a live one). The detail stays in the log.
            LOG.warnf("Database unavailable on %s (request %s): %s", path(uri), RequestIds.current(), e);
            return build(503, "DATABASE_UNAVAILABLE", "Service unavailable",
                    "The database cannot be reached right now; retry in a few seconds", uri, List.of())
                    .header("Retry-After", String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS)).build();
        }
        LOG.errorf(e, "Unexpected failure on %s (request %s)", path(uri), RequestIds.current());
        return build(500, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side; quote the request id when you report it", uri, List.of()).build();
    }

    /**
     * A database constraint refused the change (a race past the service's own checks). The caller gets a stable
     * code and a sentence; the constraint's name is a schema detail, so it goes to the log under the request id.
     */
    private Response constraint(org.hibernate.exception.ConstraintViolationException cv, UriInfo uri) {
        LOG.infof("Constraint %s refused a change on %s (request %s)", cv.getConstraintName(), path(uri), RequestIds.current());
        return build(409, "CONSTRAINT_VIOLATION", "Conflict",
                "The change conflicts with existing data (a duplicate, or a reference to something that does not exist); read it again and retry",
                uri, List.of()).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? "?" : uri.getPath();
    }

    public static Response.ResponseBuilder build(int status, String code, String title, String detail, UriInfo uri,
                                                 List<FieldError> errors) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, instance, RequestIds.current(), errors));
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(n -> kinds.add(n.getKind()));
        return kinds;
    }

    /** {@code create.body.targets[2].value} → {@code targets[2].value}; a plain parameter keeps its name. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        int start = 0;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                start = i + 1 < nodes.size() ? i + 1 : i;
                break;
            }
            if (nodes.get(i).getKind() == ElementKind.METHOD || nodes.get(i).getKind() == ElementKind.CONSTRUCTOR) {
                start = i + 1;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < nodes.size(); i++) {
            Path.Node n = nodes.get(i);
            if (n.getName() == null || n.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(n.getName());
            Path.Node next = i + 1 < nodes.size() ? nodes.get(i + 1) : null;
            if (next != null && next.getIndex() != null) {
                sb.append('[').append(next.getIndex()).append(']');
            } else if (next != null && next.getKey() != null) {
                sb.append('[').append(next.getKey()).append(']');
            }
        }
        return sb.isEmpty() ? "(request)" : sb.toString();
    }

    private static String codeOf(ConstraintViolation<?> v) {
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return annotation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                names.add(c.toString());
            }
            return "one of " + names;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
