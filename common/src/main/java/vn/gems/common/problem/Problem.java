package vn.gems.common.problem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one RFC 9457 problem shape of the suite. {@code code} is stable and meant for programs;
 * {@code errors} lists offending fields; {@code requestId} ties the answer to the logs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are documented under this base; the code is the last segment. */
    public static final String TYPE_BASE = "https://gems.gov.vn/problems/";

    public static Problem of(int status, String code, String title, String detail, String instance,
                             String requestId, List<FieldError> errors) {
        return new Problem(TYPE_BASE + code.toLowerCase().replace('_', '-'), title, status, detail, instance, code,
                requestId, errors == null ? List.of() : List.copyOf(errors));
    }
}
