package vn.gems.plans.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.ETags;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.plans.Plan;
import vn.gems.plans.PlanKind;
import vn.gems.plans.PlanStatus;
import vn.gems.plans.service.PlanQuery;
import vn.gems.plans.service.PlanSearch;
import vn.gems.plans.service.PlanService;
import vn.gems.plans.service.PlanViews;
import vn.gems.plans.service.TargetDuties;

import java.net.URI;
import java.util.List;

/**
 * Plans (Kế hoạch): {@code /api/plans}. {@code {id}} is the numeric id or the plan's code
 * ({@code /api/plans/TTH-BDG-2021-2025}).
 */
@Path("/api/plans")
@Tag(name = "Plans", description = "Kế hoạch (gender-equality plans): objectives, targets (Chỉ tiêu) and their measures, "
        + "content areas, funding, assignments and reporting regimes; draft → issued → closed, amendments as versions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanResource {

    private static final String ID = "Numeric id or plan code, e.g. 3 or TTH-BDG-2021-2025";
    private static final String IF_MATCH = "The ETag read (the plan's revision, e.g. \"0\"); 428 without it, 412 when stale";

    private final PlanService plans;
    private final PlanViews views;
    private final PlanSearch search;
    private final TargetDuties duties;
    private final Idempotency idempotency;
    private final Caller caller;

    public PlanResource(PlanService plans, PlanViews views, PlanSearch search, TargetDuties duties, Idempotency idempotency,
                        Caller caller) {
        this.plans = plans;
        this.views = views;
        this.search = search;
        this.duties = duties;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Search plans the caller may read",
            description = "Filters: administrative unit, agency (named anywhere in the plan), year (within the period), kind, "
                    + "status, parent plan id, and free text that ignores Vietnamese diacritics (q=binh dang gioi finds "
                    + "\"bình đẳng giới\"; đ is d). Newest period first, then id; total counts every match.")
    public PageView<PlanSummary> search(@Parameter(description = "Administrative unit, e.g. VN-46") @QueryParam("unit") String unit,
                                        @Parameter(description = "Agency code, e.g. TTH-DOH") @QueryParam("agency") String agency,
                                        @Parameter(description = "A year the period covers, e.g. 2024") @QueryParam("year") @Min(1945) @Max(2100) Integer year,
                                        @QueryParam("kind") PlanKind kind, @QueryParam("status") PlanStatus status,
                                        @Parameter(description = "Parent plan id: the plans implementing it") @QueryParam("parent") Long parent,
                                        @Parameter(description = "Free text, e.g. binh dang gioi") @QueryParam("q") String q,
                                        @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return search.search(new PlanQuery(unit, agency, year, kind, status, q, parent), Paging.of(page, size));
    }

    @GET
    @Path("/my-targets")
    @Operation(operationId = "listMyTargets", summary = "My obligations: every target my agency is responsible for across issued plans",
            description = "Includes targets held for retired agencies the agency succeeded (heldVia). Auditors, admins and "
                    + "services may name another agency.")
    public List<TargetDuty> myTargets(@Parameter(description = "Another agency (auditor, admin, gems-service only)") @QueryParam("agency") String agency,
                                      @Parameter(description = "Only plans whose period covers this year") @QueryParam("year") @Min(1945) @Max(2100) Integer year) {
        return duties.targets(agency, year);
    }

    @POST
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.ADMIN})
    @Operation(summary = "Import a plan: create a draft from a whole plan document",
            description = "The document is checked as a whole and every error is reported at once (422 PLAN_INVALID with "
                    + "errors[].field such as objectives[3].targets[2].measures[0].indicatorCode). Indicator and unit codes are "
                    + "checked against indicators-service: unknown → 422 UNKNOWN_INDICATOR / UNKNOWN_UNIT; indicators-service "
                    + "down → 503 INDICATORS_UNAVAILABLE and nothing is written. Plan managers import plans their agency issues "
                    + "or leads. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created as a draft; Location and ETag set",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "403", description = "NOT_YOUR_PLAN")
    @APIResponse(responseCode = "409", description = "PLAN_EXISTS (the code is taken)")
    @APIResponse(responseCode = "422", description = "PLAN_INVALID, every error listed")
    @APIResponse(responseCode = "503", description = "INDICATORS_UNAVAILABLE")
    public Response create(@NotNull PlanDocument document,
                           @Parameter(in = ParameterIn.HEADER, description = "Makes a retried import safe") @HeaderParam(Idempotency.HEADER) String key,
                           @Context UriInfo uri) {
        return idempotency.execute(key, caller.subject() + " POST /api/plans", document, () -> {
            Plan p = plans.create(document);
            return Idempotency.Result.created(views.view(p), uri.getAbsolutePathBuilder().path(String.valueOf(p.id)).build(),
                    ETags.header(p.revision));
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A plan: the whole structure in one call (or view=summary)",
            description = "The import/export document plus id, version, status, revision (also the ETag), parent and child "
                    + "plans and the agencies it assigns. view=summary answers the header and counts.")
    @APIResponse(responseCode = "200", description = "The plan (full), or its header and counts (summary)",
            content = @Content(schema = @Schema(anyOf = {PlanView.class, PlanSummary.class})))
    @APIResponse(responseCode = "404", description = "No such plan, or not one the caller may read")
    public Response get(@Parameter(description = ID) @PathParam("id") String id,
                        @Parameter(description = "full (default) or summary") @QueryParam("view") String view) {
        Plan p = readable(id);
        if ("summary".equals(view)) {
            return Response.ok(views.summary(p)).tag(ETags.of(p.revision)).build();
        }
        if (view != null && !"full".equals(view)) {
            throw ProblemException.badRequest("INVALID_VIEW", "view must be full or summary",
                    new FieldError("view", "INVALID_VALUE", "must be full or summary"));
        }
        return Response.ok(views.view(p)).tag(ETags.of(p.revision)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.ADMIN})
    @Operation(summary = "Replace a draft's document (issued plans change only through amendments)")
    @APIResponse(responseCode = "200", description = "Saved; new ETag", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "PLAN_NOT_DRAFT")
    @APIResponse(responseCode = "412", description = "STALE_VERSION")
    @APIResponse(responseCode = "422", description = "PLAN_INVALID, CODE_IMMUTABLE")
    @APIResponse(responseCode = "428", description = "IF_MATCH_REQUIRED")
    public Response update(@Parameter(description = ID) @PathParam("id") String id,
                           @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                           @NotNull PlanDocument document) {
        Plan p = plans.update(id, ifMatch, document).orElseThrow(() -> ProblemException.notFound("Plan", id));
        return Response.ok(views.view(p)).tag(ETags.of(p.revision)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.ADMIN})
    @Operation(summary = "Delete a draft that no other plan implements")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "PLAN_NOT_DRAFT, PLAN_HAS_CHILDREN")
    public Response delete(@Parameter(description = ID) @PathParam("id") String id,
                           @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch) {
        if (!plans.delete(id, ifMatch)) {
            throw ProblemException.notFound("Plan", id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/export")
    @Operation(summary = "Export the plan's current version as one JSON document (the import format)")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = PlanDocument.class)))
    public Response export(@Parameter(description = ID) @PathParam("id") String id) {
        Plan p = readable(id);
        return Response.ok(views.document(p)).header("Content-Disposition", "attachment; filename=\"" + p.code + ".json\"").build();
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.ADMIN})
    @Operation(summary = "Issue a draft (optionally giving its number and date)",
            description = "The plan becomes immutable except through amendments, and reporting-service is told (from a "
                    + "transactional outbox: the issue commits even when reporting-service is down; the event is delivered "
                    + "once it is back, see /events).")
    @APIResponse(responseCode = "200", description = "Issued", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "PLAN_NOT_DRAFT, PARENT_NOT_ISSUED")
    public Response issue(@Parameter(description = ID) @PathParam("id") String id,
                          @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                          @Valid IssuePlan input) {
        Plan p = plans.issue(id, ifMatch, input).orElseThrow(() -> ProblemException.notFound("Plan", id));
        return Response.ok(views.view(p)).tag(ETags.of(p.revision)).build();
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.ADMIN})
    @Operation(summary = "Amend an issued plan: a new version with the whole amended document",
            description = "Checked like an import; keys carry over, so reporting can follow each target. Earlier versions stay "
                    + "readable (/versions/{n}) and /diff shows what changed. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The new version; Location /api/plans/{id}/versions/{n}",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "PLAN_NOT_ISSUED, PLAN_CLOSED")
    @APIResponse(responseCode = "422", description = "PLAN_INVALID, NOTHING_CHANGED")
    public Response amend(@Parameter(description = ID) @PathParam("id") String id,
                          @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                          @Parameter(in = ParameterIn.HEADER, description = "Makes a retried amendment safe") @HeaderParam(Idempotency.HEADER) String key,
                          @Valid @NotNull Amendment amendment, @Context UriInfo uri) {
        return idempotency.execute(key, caller.subject() + " POST /api/plans/" + id + "/amendments", amendment, () -> {
            Plan p = plans.amend(id, ifMatch, amendment).orElseThrow(() -> ProblemException.notFound("Plan", id));
            URI location = uri.getBaseUriBuilder().path("/api/plans/{id}/versions/{n}").build(p.id, p.currentVersion);
            return Idempotency.Result.created(views.view(p), location, ETags.header(p.revision));
        });
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.ADMIN})
    @Operation(summary = "Close an issued plan; reporting-service is told")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "PLAN_NOT_ISSUED, PLAN_CLOSED")
    public Response close(@Parameter(description = ID) @PathParam("id") String id,
                          @Parameter(description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
                          @Valid ClosePlan input) {
        Plan p = plans.close(id, ifMatch, input).orElseThrow(() -> ProblemException.notFound("Plan", id));
        return Response.ok(views.view(p)).tag(ETags.of(p.revision)).build();
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every version of the plan: when, by whom, why")
    public List<VersionInfo> versions(@Parameter(description = ID) @PathParam("id") String id) {
        return views.versions(readable(id));
    }

    @GET
    @Path("/{id}/versions/{n}")
    @Operation(summary = "Version n of the plan, whole (stable keys carry across versions)")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public PlanView version(@Parameter(description = ID) @PathParam("id") String id, @PathParam("n") int n) {
        Plan p = readable(id);
        return views.version(p, n).orElseThrow(() -> ProblemException.notFound("Version", n + " of plan " + id));
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "What changed between two versions (default: the previous and the current)")
    public PlanDiff diff(@Parameter(description = ID) @PathParam("id") String id, @QueryParam("from") Integer from,
                         @QueryParam("to") Integer to) {
        return views.diff(readable(id), from, to);
    }

    @GET
    @Path("/{id}/tree")
    @Operation(summary = "The plan's place in the plan tree: ancestors (root first) and the plans implementing it")
    public PlanTree tree(@Parameter(description = ID) @PathParam("id") String id) {
        return views.tree(readable(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Who created, edited, issued, amended and closed the plan, and when")
    public List<PlanHistoryEntry> history(@Parameter(description = ID) @PathParam("id") String id) {
        return views.history(readable(id));
    }

    @GET
    @Path("/{id}/events")
    @Operation(summary = "Lifecycle events for reporting-service and whether each was delivered")
    public List<PlanEventView> events(@Parameter(description = ID) @PathParam("id") String id) {
        return views.events(readable(id));
    }

    private Plan readable(String id) {
        return plans.find(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }
}
