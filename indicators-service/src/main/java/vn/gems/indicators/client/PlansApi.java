package vn.gems.indicators.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.gems.contracts.plans.Agency;

/** plans-service's agency registry, called with indicators-service's own service-account token. */
@RegisterRestClient(configKey = "plans")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface PlansApi {

    @GET
    @Path("/api/agencies/{code}")
    Agency agency(@PathParam("code") String code);
}
