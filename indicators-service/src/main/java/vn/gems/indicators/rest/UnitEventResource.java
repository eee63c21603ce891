package vn.gems.indicators.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import vn.gems.indicators.UnitEvent;
import vn.gems.indicators.mapping.UnitMapper;
import vn.gems.indicators.service.UnitService;

import java.time.LocalDate;
import java.util.List;

/**
 * Restructuring events of the administrative map (merges, splits, renames, re-parenting): {@code /api/unit-events}.
 * Not under {@code /api/units/}: {@code /api/units/events/{id}} and {@code /api/units/{code}/children} were two
 * templates one path could match.
 */
@Path("/api/unit-events")
@Tag(name = "Units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class UnitEventResource {

    private final UnitService units;

    public UnitEventResource(UnitService units) {
        this.units = units;
    }

    @GET
    @Operation(summary = "Restructuring events, by unit and effective-date range")
    public List<UnitEventView> list(@QueryParam("unit") String unit, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return units.events(unit, from, to).stream().map(UnitMapper::toView).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One restructuring event")
    public UnitEventView get(@PathParam("id") long id) {
        UnitEvent e = units.event(id).orElseThrow(() -> ProblemException.notFound("Unit event", id));
        return UnitMapper.toView(e);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Record a merge, split, rename or re-parenting with its effective date (admin); 409 when already recorded")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitEventView.class)))
    public Response record(@Valid @NotNull UnitEventInput input, @Context UriInfo uri) {
        UnitEvent e = units.apply(input);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(e.id)).build()).entity(UnitMapper.toView(e)).build();
    }
}
