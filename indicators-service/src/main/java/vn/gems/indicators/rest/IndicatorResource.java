package vn.gems.indicators.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.ETags;
import vn.gems.common.http.CodeList;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.indicators.Indicator;
import vn.gems.indicators.SupplierAssignment;
import vn.gems.indicators.mapping.IndicatorMapper;
import vn.gems.indicators.service.IndicatorService;
import vn.gems.indicators.service.SupplierService;

import java.util.List;

/** The indicator catalogue (danh mục chỉ số) and who supplies it: {@code /api/indicators}. */
@Path("/api/indicators")
@Tag(name = "Indicators", description = "Chỉ số: what is measured, by which disaggregations, how it rolls up, who supplies it")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class IndicatorResource {

    private static final int MAX_CODES = 500;

    private final IndicatorService indicators;
    private final SupplierService suppliers;

    public IndicatorResource(IndicatorService indicators, SupplierService suppliers) {
        this.indicators = indicators;
        this.suppliers = suppliers;
    }

    @GET
    @Operation(summary = "List indicators; with codes=A,B,C only those that exist (the caller computes the missing ones), unpaged")
    public PageView<IndicatorView> list(
            @Parameter(description = "Comma-separated indicator codes", example = "BIRTHS,WAGE_WORKERS") @QueryParam("codes") String codes,
            @Parameter(description = "Supplier sector", example = "HEALTH") @QueryParam("sector") String sector,
            @Parameter(description = "Text in code or names") @QueryParam("q") String q,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (codes != null && !codes.isBlank()) {
            List<String> list = CodeList.parse(codes, MAX_CODES);
            List<IndicatorView> found = indicators.byCodes(list).stream().map(IndicatorMapper::toView).toList();
            return new PageView<>(found, found.size(), 0, Math.max(1, list.size()));
        }
        PageView<Indicator> p = indicators.list(sector, q, Paging.of(page, size));
        return new PageView<>(p.items().stream().map(IndicatorMapper::toView).toList(), p.total(), p.page(), p.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One indicator, with its ETag")
    @APIResponse(responseCode = "200", description = "The indicator", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@PathParam("code") String code) {
        Indicator i = indicators.find(code).orElseThrow(() -> ProblemException.notFound("Indicator", code));
        return Response.ok(IndicatorMapper.toView(i)).tag(ETags.of(i.version)).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an indicator to the catalogue (admin)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorView.class)))
    public Response create(@Valid @NotNull IndicatorInput input, @Context UriInfo uri) {
        Indicator i = indicators.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(i.code).build())
                .entity(IndicatorMapper.toView(i)).tag(ETags.of(i.version)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Edit an indicator (admin); needs If-Match. What stored values mean cannot change (409)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorView.class)))
    public Response update(@PathParam("code") String code,
                           @Parameter(description = "ETag of the version read") @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull IndicatorInput input) {
        Indicator i = indicators.update(code, ifMatch, input).orElseThrow(() -> ProblemException.notFound("Indicator", code));
        return Response.ok(IndicatorMapper.toView(i)).tag(ETags.of(i.version)).build();
    }

    @GET
    @Path("/suppliers")
    @Operation(operationId = "listIndicatorSuppliers", summary = "Supplier assignments: which agency plays a sector for a unit's territory")
    public List<SupplierAssignmentView> suppliers(@QueryParam("sector") String sector, @QueryParam("unit") String unit,
                                                  @QueryParam("agency") String agency) {
        return suppliers.list(sector, unit, agency).stream().map(IndicatorResource::view).toList();
    }

    @POST
    @Path("/suppliers")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "assignIndicatorSupplier", summary = "Assign an agency (checked with plans-service) to supply a sector's indicators for a unit (admin)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SupplierAssignmentView.class)))
    public Response assign(@Valid @NotNull SupplierAssignmentInput input, @Context UriInfo uri) {
        SupplierAssignment a = suppliers.create(input);
        return Response.created(uri.getBaseUriBuilder().path("/api/indicators/suppliers").queryParam("agency", a.agencyCode).build())
                .entity(view(a)).build();
    }

    private static SupplierAssignmentView view(SupplierAssignment a) {
        return new SupplierAssignmentView(a.id, a.sector, a.unitCode, a.agencyCode, a.validFrom, a.validTo);
    }
}
