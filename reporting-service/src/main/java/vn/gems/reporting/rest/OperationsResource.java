package vn.gems.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.security.Roles;
import vn.gems.common.outbox.OutboxRound;
import vn.gems.common.outbox.RequeueAnswer;
import vn.gems.reporting.service.Outbox;


/** Operators' levers over the outbox towards indicators-service. */
@Path("/api/reports/outbox")
@Tag(name = "Operations", description = "Outbox towards indicators-service and reminder runs (admins; auditors read)")
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {

    private final Outbox outbox;

    public OperationsResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listOutbox", summary = "Messages waiting for, delivered to, or refused by indicators-service")
    public Outbox.Summary outbox() {
        return outbox.summary();
    }

    @POST
    @Path("/deliveries")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deliverOutbox", summary = "Deliver due outbox messages now (also runs every few seconds); now=true ignores the retry back-off")
    public OutboxRound deliver(@QueryParam("now") boolean now) {
        return outbox.deliver(now);
    }

    @POST
    @Path("/{id}/requeue")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "requeueOutboxMessage", summary = "Put a refused (FAILED) message back in the queue after fixing its cause")
    public Response requeue(@PathParam("id") long id) {
        return RequeueAnswer.of(outbox.requeue(id), "Outbox message", id);
    }
}
