package vn.gems.reporting.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.gems.contracts.plans.Agency;
import vn.gems.contracts.plans.AgencyPage;
import vn.gems.contracts.plans.Membership;
import vn.gems.contracts.plans.Plan;

import java.util.List;

/** plans-service as reporting-service calls it, with its own service-account token (client credentials). */
@RegisterRestClient(configKey = "plans")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface PlansApi {

    @GET
    @Path("/api/plans/{id}")
    Plan plan(@PathParam("id") String idOrCode);

    @GET
    @Path("/api/plans/{id}/versions/{n}")
    Plan planVersion(@PathParam("id") long id, @PathParam("n") int version);

    /** The agencies among {@code codes} (comma-separated, at most 200) that exist. */
    @GET
    @Path("/api/agencies")
    AgencyPage agencies(@QueryParam("codes") String codes);

    @GET
    @Path("/api/agencies/{code}")
    Agency agency(@PathParam("code") String code);

    @GET
    @Path("/api/agencies/{code}/holders")
    List<Agency> holders(@PathParam("code") String code);

    @GET
    @Path("/api/agencies/{code}/members")
    List<Membership> members(@PathParam("code") String body, @QueryParam("asOf") String asOf);
}
