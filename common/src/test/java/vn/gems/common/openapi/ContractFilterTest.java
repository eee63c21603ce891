package vn.gems.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractFilterTest {

    @Test
    void namesTheConfiguredGatewayAsServerAndIsIdempotent() {
        System.setProperty("gems.openapi.server-url", "https://gems.example.gov.vn");
        try {
            OpenAPI api = OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem("/api/public/plans",
                    OASFactory.createPathItem().GET(OASFactory.createOperation().operationId("PublicPlanResource_search")
                            .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse())))));
            ContractFilter filter = new ContractFilter();
            filter.filterOpenAPI(api);
            filter.filterOpenAPI(api); // again at start-up, on the build's result
            assertEquals("https://gems.example.gov.vn", api.getServers().getFirst().getUrl());
            var op = api.getPaths().getPathItem("/api/public/plans").getOperations().get(PathItem.HttpMethod.GET);
            assertEquals("searchPublicPlans", op.getOperationId());
            assertTrue(op.getSecurity().isEmpty());
            assertTrue(op.getResponses().hasAPIResponse("429"));
        } finally {
            System.clearProperty("gems.openapi.server-url");
        }
    }
}
