package vn.gems.plans.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.gems.contracts.indicators.IndicatorPage;
import vn.gems.contracts.indicators.UnitChangePage;
import vn.gems.contracts.indicators.UnitSummary;

/** indicators-service as plans-service uses it (README, "Service-to-service contracts"), with our service token. */
@RegisterRestClient(configKey = "indicators")
@OidcClientFilter
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface IndicatorsApi {

    /** The indicators among {@code codes} (comma-separated) that exist. */
    @GET
    @Path("/indicators")
    IndicatorPage indicators(@QueryParam("codes") String codes, @QueryParam("size") int size);

    /** One administrative unit, or 404. */
    @GET
    @Path("/units/{code}")
    UnitSummary unit(@PathParam("code") String code);

    /** The unit change feed after a sequence number. */
    @GET
    @Path("/unit-changes")
    UnitChangePage unitEvents(@QueryParam("after") long after, @QueryParam("size") int size);
}
