package vn.gems.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.outbox.RequeueAnswer;
import vn.gems.common.security.Roles;
import vn.gems.plans.service.OutboxRelay;

/** Operators' levers over the outbox of plan events towards reporting-service (as reporting's own outbox has). */
@Path("/api/plans/outbox")
@Tag(name = "Operations", description = "Outbox of plan events towards reporting-service (admins; auditors read)")
@Produces(MediaType.APPLICATION_JSON)
public class PlanOutboxResource {

    private final OutboxRelay outbox;

    public PlanOutboxResource(OutboxRelay outbox) {
        this.outbox = outbox;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listPlanOutbox", summary = "Plan events waiting for, delivered to, or dead-lettered by reporting-service")
    public PlanOutboxView outbox() {
        return outbox.summary();
    }

    @POST
    @Path("/{id}/requeue")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "requeuePlanEvent", summary = "Put a dead-lettered (FAILED) plan event back in the queue after fixing its cause")
    public Response requeue(@PathParam("id") long id) {
        return RequeueAnswer.of(outbox.requeue(id), "Plan event", id);
    }
}
