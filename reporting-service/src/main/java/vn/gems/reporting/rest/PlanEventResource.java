package vn.gems.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.security.Roles;
import vn.gems.contracts.reporting.PlanEvent;
import vn.gems.reporting.service.ObligationGenerator;

/** plans-service tells this service that a plan was issued, amended or closed. */
@Path("/api/reports/plan-events")
@Tag(name = "Plan events", description = "Called by plans-service's outbox; (re)generates the obligations of a plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanEventResource {

    private final ObligationGenerator generator;
    private final Idempotency idempotency;

    public PlanEventResource(ObligationGenerator generator, Idempotency idempotency) {
        this.generator = generator;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Operation(operationId = "receivePlanEvent", summary = "A plan was issued, amended or closed: read the version and (re)generate its obligations",
            description = "Idempotent: the same event twice (same Idempotency-Key `plan-{id}-v{version}-{event}`) replays the first answer, "
                    + "and generation itself never duplicates an obligation. 409 PLAN_EVENT_SUPERSEDED when a newer version is already known; "
                    + "503 when plans-service cannot be read (the caller's outbox retries).")
    @APIResponse(responseCode = "200", description = "What changed")
    public Response event(@Parameter(description = "plan-{id}-v{version}-{event}") @HeaderParam(Idempotency.HEADER) String key,
                          @Valid @NotNull PlanEvent event) {
        return idempotency.execute(key, "POST /api/reports/plan-events", event,
                () -> Idempotency.Result.ok(generator.handle(event)));
    }
}
