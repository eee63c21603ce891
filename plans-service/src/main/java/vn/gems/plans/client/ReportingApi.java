package vn.gems.plans.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import vn.gems.contracts.reporting.PlanEvent;

/** reporting-service as plans-service uses it: lifecycle events of plans, with our service token. */
@RegisterRestClient(configKey = "reporting")
@OidcClientFilter
@Path("/api/reports")
public interface ReportingApi {

    /** Only the status matters to the outbox (2xx or 409: delivered), so the answer's body is not read. */
    @POST
    @Path("/plan-events")
    @Consumes(MediaType.APPLICATION_JSON)
    Response planEvent(@HeaderParam("Idempotency-Key") String idempotencyKey, PlanEvent event);
}
