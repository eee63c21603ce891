package vn.gems.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.security.Roles;
import vn.gems.reporting.service.AttachmentService;

/** Evidence files attached to reports. */
@Path("/api/reports/attachments/{id}")
@Tag(name = "Reports")
@Authenticated
public class AttachmentResource {

    private final AttachmentService attachments;

    public AttachmentResource(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "getAttachment", summary = "Download an evidence file (always as an attachment, never rendered inline)")
    public Response attachment(@PathParam("id") long id) {
        AttachmentService.Download a = attachments.download(id);
        return Response.ok(a.bytes(), a.contentType())
                .header("Content-Disposition", ReportResource.disposition(a.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("ETag", "\"" + a.sha256() + "\"")
                .build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(summary = "Remove an evidence file no submitted version refers to (own agency)")
    public Response delete(@PathParam("id") long id) {
        attachments.delete(id);
        return Response.noContent().build();
    }
}
