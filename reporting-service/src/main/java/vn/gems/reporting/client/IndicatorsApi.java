package vn.gems.reporting.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** indicators-service as reporting-service calls it, with its own service-account token. */
@RegisterRestClient(configKey = "indicators")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IndicatorsApi {

    @POST
    @Path("/api/values/batch")
    JsonNode batch(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode body);

    @POST
    @Path("/api/values/rollups")
    JsonNode rollups(JsonNode body);

    @GET
    @Path("/api/indicators")
    JsonNode indicators(@QueryParam("codes") String codes, @QueryParam("size") int size);
}
