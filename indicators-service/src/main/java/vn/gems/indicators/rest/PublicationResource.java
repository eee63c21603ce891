package vn.gems.indicators.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.indicators.Publication;
import vn.gems.indicators.service.PublicationService;

import java.util.List;

/** Publishing data sets to the public portal: {@code /api/values/publications}. */
@Path("/api/values/publications")
@Tag(name = "Publications", description = "Công bố: which indicator × period × territory data sets the public portal shows (final values only)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PublicationResource {

    private final PublicationService publications;

    public PublicationResource(PublicationService publications) {
        this.publications = publications;
    }

    @GET
    @Operation(summary = "Published data sets, by indicator and period")
    public List<PublicationView> list(@QueryParam("indicator") String indicator, @QueryParam("period") String period) {
        return publications.list(indicator, period).stream().map(PublicationResource::view).toList();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.STATS_PUSHER})
    @Operation(operationId = "publishValues", summary = "Publish a data set (admin, or a reviewer or statistics pusher of an agency that supplies the indicator there)")
    @APIResponse(responseCode = "201", description = "Published", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicationView.class)))
    public Response publish(@Valid @NotNull PublicationInput input, @Context UriInfo uri) {
        Publication p = publications.publish(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(p.id)).build()).entity(view(p)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER, Roles.STATS_PUSHER})
    @Operation(summary = "Withdraw a publication")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    public Response withdraw(@PathParam("id") long id) {
        if (!publications.withdraw(id)) {
            throw ProblemException.notFound("Publication", id);
        }
        return Response.noContent().build();
    }

    static PublicationView view(Publication p) {
        return new PublicationView(p.id, p.indicator.code, p.period, p.unit.code, p.publishedBy, p.publishedAgency, p.publishedAt);
    }
}
