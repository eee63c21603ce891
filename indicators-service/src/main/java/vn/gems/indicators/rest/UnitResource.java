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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.ETags;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.indicators.AdminUnit;
import vn.gems.indicators.UnitLevel;
import vn.gems.indicators.mapping.CommuneCsv;
import vn.gems.indicators.mapping.UnitMapper;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;
import vn.gems.indicators.service.ProvinceImportService;
import vn.gems.indicators.service.UnitService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Administrative units with their dated history: {@code /api/units}; their restructuring events are {@link UnitEventResource}. */
@Path("/api/units")
@Tag(name = "Units", description = "Đơn vị hành chính: units, dated names and parents, merges, splits, renames, re-parenting")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class UnitResource {

    private final UnitService units;
    private final Catalogue catalogue;
    private final ProvinceImportService imports;

    public UnitResource(UnitService units, Catalogue catalogue, ProvinceImportService imports) {
        this.units = units;
        this.catalogue = catalogue;
        this.imports = imports;
    }

    @GET
    @Operation(summary = "List units existing on asOf (today by default), by level, parent on that date, or text")
    public PageView<UnitView> list(@QueryParam("level") UnitLevel level,
                                   @Parameter(description = "Parent unit code (children as of asOf)") @QueryParam("parent") String parent,
                                   @Parameter(description = "Hierarchy date, ISO (default today)") @QueryParam("asOf") LocalDate asOf,
                                   @Parameter(description = "Also units that did not exist on asOf") @QueryParam("all") boolean all,
                                   @QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        Hierarchy h = catalogue.current().hierarchy;
        Stream<Hierarchy.Node> nodes;
        if (parent != null && !parent.isBlank()) {
            Hierarchy.Node p = h.find(parent.trim()).orElseThrow(() -> ProblemException.notFound("Unit", parent));
            nodes = h.childrenOn(p, day).stream();
        } else {
            nodes = h.all().stream().filter(n -> all || n.validOn(day));
        }
        String text = q == null ? null : q.trim().toLowerCase(Locale.ROOT);
        List<Hierarchy.Node> matching = nodes.filter(n -> level == null || n.level == level)
                .filter(n -> text == null || n.code.toLowerCase(Locale.ROOT).contains(text)
                        || n.names().stream().anyMatch(x -> x.nameVi().toLowerCase(Locale.ROOT).contains(text)
                        || x.nameEn().toLowerCase(Locale.ROOT).contains(text)))
                .sorted(Comparator.comparing(n -> n.code)).toList();
        List<UnitView> items = matching.stream().skip((long) paging.page() * paging.size()).limit(paging.size())
                .map(n -> UnitMapper.toView(h, n, day)).toList();
        return new PageView<>(items, matching.size(), paging.page(), paging.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One unit as of a date (name and parent then), with its dated history and ETag")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitView.class)))
    public Response get(@PathParam("code") String code, @QueryParam("asOf") LocalDate asOf) {
        Hierarchy h = catalogue.current().hierarchy;
        Hierarchy.Node n = h.find(code).orElseThrow(() -> ProblemException.notFound("Unit", code));
        return Response.ok(UnitMapper.toView(h, n, asOf == null ? LocalDate.now() : asOf)).tag(ETags.of(n.version)).build();
    }

    @GET
    @Path("/{code}/children")
    @Operation(summary = "The unit's children on a date")
    public List<UnitView> children(@PathParam("code") String code, @QueryParam("asOf") LocalDate asOf) {
        Hierarchy h = catalogue.current().hierarchy;
        Hierarchy.Node n = h.find(code).orElseThrow(() -> ProblemException.notFound("Unit", code));
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        return h.childrenOn(n, day).stream().sorted(Comparator.comparing(c -> c.code)).map(c -> UnitMapper.toView(h, c, day)).toList();
    }

    @GET
    @Path("/{code}/territory")
    @Operation(summary = "Every unit whose values count for this unit as of a date: descendants, and units merged into them (transitively)",
            description = "With level: only the units at that level that exist on asOf (e.g. the communes of a province on a rule's due date; "
                    + "a commune merged before that date appears once, as its successor).")
    public List<String> territory(@PathParam("code") String code, @QueryParam("asOf") LocalDate asOf,
                                  @Parameter(description = "Only units at this level existing on asOf", example = "COMMUNE") @QueryParam("level") UnitLevel level) {
        Hierarchy h = catalogue.current().hierarchy;
        Hierarchy.Node n = h.find(code).orElseThrow(() -> ProblemException.notFound("Unit", code));
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        BitSet t = h.territory(n, n.clamp(day));
        return t.stream().mapToObj(h::get).filter(x -> level == null || (x.level == level && x.validOn(day)))
                .map(x -> x.code).sorted().toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a unit (admin); its later history is recorded with events")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitView.class)))
    public Response create(@Valid @NotNull UnitInput input, @Context UriInfo uri) {
        AdminUnit u = units.create(input);
        Hierarchy h = catalogue.current().hierarchy;
        Hierarchy.Node n = h.find(u.code).orElseThrow();
        return Response.created(uri.getAbsolutePathBuilder().path(u.code).build())
                .entity(UnitMapper.toView(h, n, LocalDate.now())).tag(ETags.of(n.version)).build();
    }

    @POST
    @Path("/{province}/import")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a province's communes in one call (admin): created, renamed, re-parented and merged from "
            + "their predecessors, all or nothing; the same import again changes nothing")
    @APIResponse(responseCode = "200", description = "Imported (or already in place)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProvinceImportResult.class)))
    @APIResponse(responseCode = "422", description = "Problems per row (`communes[i].field`); nothing written")
    public ProvinceImportResult importCommunes(@PathParam("province") String province, @Valid @NotNull ProvinceImport input) {
        List<ProvinceImport.Commune> communes = input.communes() == null ? List.of() : input.communes();
        List<ProvinceImportService.Row> rows = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            rows.add(new ProvinceImportService.Row("communes[" + i + "]", communes.get(i)));
        }
        return imports.importCommunes(province, input.validFrom(), input.legalBasis(), rows);
    }

    @POST
    @Path("/{province}/import")
    @Consumes("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The same import as CSV: header code,nameVi,nameEn,validFrom,predecessors,note (predecessors separated by |); "
            + "problems name lines[n]")
    @APIResponse(responseCode = "200", description = "Imported (or already in place)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProvinceImportResult.class)))
    public ProvinceImportResult importCommunesCsv(@PathParam("province") String province,
                                                  @Parameter(description = "Date for rows that give none") @QueryParam("validFrom") LocalDate validFrom,
                                                  @QueryParam("legalBasis") String legalBasis, String csv) {
        if (legalBasis != null && legalBasis.length() > 500) {
            throw ProblemException.badRequest("VALIDATION_FAILED", "legalBasis is at most 500 characters",
                    new FieldError("legalBasis", "SIZE", "at most 500 characters"));
        }
        return imports.importCommunes(province, validFrom, legalBasis, CommuneCsv.parse(csv == null ? "" : csv));
    }
}
