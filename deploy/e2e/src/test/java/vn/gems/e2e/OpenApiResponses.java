package vn.gems.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.response.Response;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers checked against the published OpenAPI documents (read through the gateway once per service): right
 * types, and no field outside the schema (swagger-request-validator treats object schemas as closed). The
 * validator reads the documents' nullable fields in OpenAPI 3.0 terms ({@link NullableAs30}).
 */
final class OpenApiResponses {

    private static final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();

    private OpenApiResponses() {
    }

    static OpenApiInteractionValidator validator(String service) {
        return validators.computeIfAbsent(service, s -> {
            try {
                return OpenApiInteractionValidator.createForInlineApiSpecification(NullableAs30.convert(ApiOperations.document(s)).toString()).build();
            } catch (Exception e) {
                throw new IllegalStateException("no OpenAPI document for " + s, e);
            }
        });
    }

    /** What the service's document says about this answer (path without its query). */
    static ValidationReport validate(String method, String path, int status, String contentType, String body) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse r = SimpleResponse.Builder.status(status).withBody(body).withContentType(contentType).build();
        return validator(MatrixFixtures.serviceOf(bare)).validateResponse(bare, Request.Method.valueOf(method), r);
    }

    /** A JSON 2xx answer must match the published schema exactly: no undeclared fields, right types. */
    static void assertMatchesSchema(String method, String path, Response res) {
        if (res.statusCode() < 200 || res.statusCode() >= 300 || res.contentType() == null
                || !res.contentType().startsWith("application/json")) {
            return;
        }
        ValidationReport report = validate(method, path, res.statusCode(), res.contentType(), res.asString());
        assertTrue(!report.hasErrors(), () -> method + " " + path + " answered outside its OpenAPI schema: " + report.getMessages());
    }
}
