package vn.gems.reporting.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.gems.contracts.indicators.BatchResult;
import vn.gems.contracts.indicators.IndicatorPage;
import vn.gems.contracts.indicators.RollupsAnswer;
import vn.gems.contracts.indicators.RollupsRequest;
import vn.gems.contracts.indicators.ValueBatch;

import java.util.List;

/** indicators-service as reporting-service calls it, with its own service-account token. */
@RegisterRestClient(configKey = "indicators")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IndicatorsApi {

    @POST
    @Path("/api/values/batch")
    BatchResult batch(@HeaderParam("Idempotency-Key") String idempotencyKey, ValueBatch body);

    @POST
    @Path("/api/values/rollups")
    RollupsAnswer rollups(RollupsRequest body);

    @GET
    @Path("/api/indicators")
    IndicatorPage indicators(@QueryParam("codes") String codes, @QueryParam("size") int size);

    @GET
    @Path("/api/units/{code}/territory")
    List<String> territory(@PathParam("code") String code, @QueryParam("asOf") String asOf, @QueryParam("level") String level);

    @GET
    @Path("/api/units/{code}")
    UnitNames unit(@PathParam("code") String code, @QueryParam("asOf") String asOf);
}
