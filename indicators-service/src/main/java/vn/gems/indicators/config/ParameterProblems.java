package vn.gems.indicators.config;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemMappers;

import java.util.List;

/**
 * Binding errors of typed parameters as problems: 400 with a stable code named for the parameter
 * ({@code mode} → {@code INVALID_MODE}, {@code onError} → {@code INVALID_ON_ERROR}) and the accepted values.
 * Bean Validation of parameters ({@code @Size}, {@code @Pattern}) goes through common's mapper (400 VALIDATION_FAILED).
 * <p>
 * Kept in indicators-service for now; common/'s problem mappers (the infra engineer's) are the place for it later.
 */
public class ParameterProblems {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        String code = "INVALID_" + e.parameter().replaceAll("([a-z])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase();
        String expected = "one of " + String.join(", ", e.allowed());
        return ProblemMappers.build(400, code, "Bad request", e.parameter() + " is " + expected, uri,
                List.of(new FieldError(e.parameter(), code, expected))).build();
    }
}
