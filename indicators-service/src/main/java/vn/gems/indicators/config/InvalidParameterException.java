package vn.gems.indicators.config;

import jakarta.ws.rs.BadRequestException;

import java.util.List;

/**
 * A query or header parameter that does not convert to its type. A {@link BadRequestException}, so the REST layer
 * hands it to {@link ParameterProblems} as it is instead of wrapping it in a 404.
 */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;
    private final List<String> allowed;

    public InvalidParameterException(String parameter, List<String> allowed) {
        super("invalid parameter " + parameter);
        this.parameter = parameter;
        this.allowed = allowed;
    }

    public String parameter() {
        return parameter;
    }

    public List<String> allowed() {
        return allowed;
    }
}
