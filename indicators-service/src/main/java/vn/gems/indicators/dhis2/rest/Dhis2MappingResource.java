package vn.gems.indicators.dhis2.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.ETags;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.indicators.dhis2.service.Dhis2Mappings;

import java.net.URI;
import java.util.List;

/** DHIS2 mappings: read by any signed-in caller (pushers choose one), written by admins with If-Match. */
@Path("/api/values/dhis2/mappings")
@Tag(name = "DHIS2", description = "DHIS2 dataValueSets in and out through stored mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class Dhis2MappingResource {

    private final Dhis2Mappings mappings;

    public Dhis2MappingResource(Dhis2Mappings mappings) {
        this.mappings = mappings;
    }

    @GET
    @Operation(summary = "Every DHIS2 mapping")
    public List<Dhis2MappingView> list() {
        return mappings.list();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One DHIS2 mapping, with its version as ETag")
    @APIResponse(responseCode = "200", description = "The mapping", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dhis2MappingView.class)))
    public Response get(@PathParam("code") String code) {
        Dhis2MappingView v = mappings.find(code).orElseThrow(() -> ProblemException.notFound("Dhis2Mapping", code));
        return Response.ok(v).tag(ETags.of(v.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a DHIS2 mapping (201) or replace it (200, If-Match with its ETag required)",
            description = "Checked against the catalogue: 422 INVALID_MAPPING lists every problem with its field "
                    + "(dataElements[2].indicator UNKNOWN_INDICATOR, SEX_REQUIRED, INVALID_DIMENSION_VALUE, DUPLICATE_DATA_ELEMENT, UNKNOWN_UNIT, …).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dhis2MappingView.class)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dhis2MappingView.class)))
    public Response put(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Dhis2MappingInput in) {
        Dhis2Mappings.Saved saved = mappings.put(code, ifMatch, in);
        Response.ResponseBuilder r = saved.created() ? Response.created(URI.create("/api/values/dhis2/mappings/" + code)) : Response.ok();
        return r.entity(saved.view()).tag(ETags.of(saved.view().version())).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a DHIS2 mapping (If-Match with its ETag required)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        if (!mappings.delete(code, ifMatch)) {
            throw ProblemException.notFound("Dhis2Mapping", code);
        }
        return Response.noContent().build();
    }
}
