package vn.gems.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.ETags;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.Report;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.ReportViews;
import vn.gems.reporting.mapping.ObligationMapper;
import vn.gems.reporting.service.HandoverService;
import vn.gems.reporting.service.ObligationService;
import vn.gems.reporting.service.ReportService;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Obligations (nghĩa vụ báo cáo): what my agency owes, what my agency receives. */
@Path("/api/reports/obligations")
@Tag(name = "Obligations", description = "Reports owed: agency × report kind × period × due date × receiving agency")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ObligationResource {

    private final ObligationService obligations;
    private final ReportService reports;
    private final HandoverService handover;
    private final ReportViews views;
    private final ReportingConfig config;

    public ObligationResource(ObligationService obligations, ReportService reports, HandoverService handover, ReportViews views,
                              ReportingConfig config) {
        this.obligations = obligations;
        this.reports = reports;
        this.handover = handover;
        this.views = views;
        this.config = config;
    }

    @GET
    @Operation(summary = "Obligations with their timeliness",
            description = "view=mine (default): my agency's; view=received: those my agency receives (reviewers, plan managers); "
                    + "view=all: everyone's (auditors, admins; filter with agency). status: UPCOMING, DUE_SOON, OVERDUE, SUBMITTED, "
                    + "RETURNED, ACCEPTED, CANCELLED (without it, everything but CANCELLED).")
    public PageView<ObligationView> list(@QueryParam("view") String view, @QueryParam("agency") String agency,
                                         @QueryParam("planId") Long planId, @QueryParam("period") String period,
                                         @QueryParam("status") String status, @QueryParam("page") Integer page,
                                         @QueryParam("size") Integer size) {
        PageView<Obligation> p = obligations.list(view, agency, planId, period, status, Paging.of(page, size));
        Map<Long, Long> reportIds = new HashMap<>();
        List<Long> ids = p.items().stream().map(o -> o.id).toList();
        if (!ids.isEmpty()) {
            Report.<Report>list("obligationId in ?1", ids).forEach(r -> reportIds.put(r.obligationId, r.id));
        }
        LocalDate today = LocalDate.now(config.zone());
        return new PageView<>(p.items().stream()
                .map(o -> ObligationMapper.toView(o, reportIds.get(o.id), today, config.dueSoonDays(), config.zone())).toList(),
                p.total(), p.page(), p.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One obligation (its agency, the receiving agency's staff, auditors); the ETag is what an extension's If-Match sends")
    @APIResponse(responseCode = "200", description = "The obligation, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObligationView.class)))
    public Response get(@PathParam("id") long id) {
        Obligation o = obligations.find(id).orElseThrow(() -> ProblemException.notFound("Obligation", id));
        return withETag(o);
    }

    @POST
    @Path("/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Extend the due date (gia hạn nộp báo cáo): reviewers of the receiving agency, admins; needs If-Match",
            description = "The obligation is then due on dueDate (later than the original due date, not before today); originalDueDate keeps "
                    + "the plan's date and regeneration after a plan amendment keeps the extension. Lateness, reminders and consolidation "
                    + "count against the new date. The agency gets a DUE_DATE_EXTENDED notice. 409 ALREADY_SUBMITTED once a report was "
                    + "submitted, OBLIGATION_CANCELLED; 422 DUE_DATE_NOT_LATER, DUE_DATE_IN_PAST.")
    @APIResponse(responseCode = "200", description = "The obligation with its new due date, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObligationView.class)))
    public Response extend(@PathParam("id") long id, @Parameter(description = "ETag of the obligation read") @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ExtensionInput input) {
        return withETag(obligations.extend(id, ifMatch, input));
    }

    @POST
    @Path("/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "startReport", summary = "Start my agency's report for this obligation (a draft)",
            description = "The body (optional) is the first draft. A consolidating obligation (the receiving agency's own report upward) "
                    + "starts prefilled from what it received. 409 REPORT_EXISTS when the report was already started.")
    @APIResponse(responseCode = "201", description = "The draft report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    public Response start(@PathParam("id") long id, @Valid ReportContent initial, @Context UriInfo uri) {
        ReportService.Loaded l = reports.create(id, initial);
        return Response.created(uri.getBaseUriBuilder().path("/api/reports/submissions/{id}").build(l.report().id))
                .entity(views.view(l)).tag(ETags.of(l.report().version)).build();
    }

    @POST
    @Path("/handover")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "handOverObligations", summary = "Hand retired agencies' open obligations to their successors now (also runs hourly); agency limits it to one")
    public HandoverService.Result handOver(@QueryParam("agency") String agency) {
        return handover.run(agency);
    }

    private Response withETag(Obligation o) {
        LocalDate today = LocalDate.now(config.zone());
        ObligationView view = ObligationMapper.toView(o, reports.forObligation(o.id).map(r -> r.id).orElse(null), today,
                config.dueSoonDays(), config.zone());
        return Response.ok(view).tag(ETags.of(o.version)).build();
    }
}
