package vn.gems.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;

/**
 * The published contract of every service, applied to its OpenAPI document when the service is built (so the
 * document stored in {@code target/openapi/} and the one served at {@code /q/openapi} are the same):
 * operation ids named for what they do ({@link OperationIds}), a security requirement on every operation
 * ({@link PublicOperations}), nullability declared ({@link Nullability}), the gateway's own answers
 * ({@link GatewayResponses}) and the gateway as the server.
 * The server URL is {@code gems.openapi.server-url} (env {@code GEMS_OPENAPI_SERVER_URL}), read again when the
 * service starts, so a deployment names its own public gateway without a rebuild.
 */
@OpenApiFilter(stages = {OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP})
public class ContractFilter implements OASFilter {

    static final String DEFAULT_SERVER = "http://localhost:8080";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        // Idempotent: at start-up it sees the build's result again and only the server URL can change.
        OperationIds.apply(openApi);
        PublicOperations.apply(openApi);
        Nullability.apply(openApi);
        GatewayResponses.apply(openApi);
        String server = ConfigProvider.getConfig().getOptionalValue("gems.openapi.server-url", String.class)
                .orElse(DEFAULT_SERVER);
        openApi.setServers(List.of(OASFactory.createServer().url(server)
                .description("The GEMS gateway: every client calls the services through it")));
    }
}
