package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Answers the gateway gives on every route, declared on every operation: the documents' server is the gateway
 * (see {@link ContractFilter}), and a client generated from them should expect its 429 like any other answer.
 */
final class GatewayResponses {

    static final String TOO_MANY_REQUESTS = "429";

    private GatewayResponses() {
    }

    static void apply(OpenAPI openApi) {
        Operations.forEach(openApi, (path, method, op) -> {
            if (op.getResponses() != null && !op.getResponses().hasAPIResponse(TOO_MANY_REQUESTS)) {
                op.getResponses().addAPIResponse(TOO_MANY_REQUESTS, OASFactory.createAPIResponse().description(
                        "The gateway's rate limit for this caller: problem RATE_LIMITED, with Retry-After"));
            }
        });
    }
}
