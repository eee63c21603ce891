package vn.gems.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services for any expected failure; the mapper turns it into a problem+json answer.
 * Never carries internals: the detail is written for the caller.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    public ProblemException(int status, String code, String title, String detail, List<FieldError> errors,
                            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), Map.of());
    }

    public static ProblemException badRequest(String code, String detail, FieldError... errors) {
        return new ProblemException(400, code, "Bad request", detail, List.of(errors), Map.of());
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(403, code, "Forbidden", detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "NOT_FOUND", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public static ProblemException preconditionFailed(String code, String detail) {
        return new ProblemException(412, code, "Precondition failed", detail);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "IF_MATCH_REQUIRED", "Precondition required", detail);
    }

    public static ProblemException unprocessable(String code, String detail, List<FieldError> errors) {
        return new ProblemException(422, code, "Unprocessable content", detail, errors, Map.of());
    }

    public static ProblemException unprocessable(String code, String field, String detail) {
        return unprocessable(code, detail, List.of(new FieldError(field, code, detail)));
    }

    public static ProblemException unavailable(String code, String detail, int retryAfterSeconds) {
        return new ProblemException(503, code, "Service unavailable", detail, List.of(),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
