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
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.RequestMapper;
import vn.gems.reporting.service.Access;
import vn.gems.reporting.service.RequestService;

import java.net.URI;
import java.time.LocalDate;

/** On-request reports (báo cáo chuyên đề, đột xuất khi có yêu cầu): requests a receiving agency issues under a dateless rule. */
@Path("/api/reports/requests")
@Tag(name = "Report requests", description = "Thematic and ad hoc reports asked on request: subject, instructions, due date, recipients")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RequestResource {

    private final RequestService requests;
    private final Idempotency idempotency;
    private final Access access;
    private final ReportingConfig config;

    public RequestResource(RequestService requests, Idempotency idempotency, Access access, ReportingConfig config) {
        this.requests = requests;
        this.idempotency = idempotency;
        this.access = access;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "issueReportRequest", summary = "Ask for an on-request report under a dateless thematic or ad hoc rule "
            + "(reviewers of the rule's receiving agency, admins)",
            description = "Each recipient (all of the rule's submitters when recipients is empty) gets an obligation of period REQ-{id}, due on "
                    + "dueDate, and a REPORT_REQUESTED notice; the report is then filed like any other. targetKeys / indicatorCodes, when "
                    + "given, are what the report must give values for. Idempotency-Key: the same key and body replay the first answer, "
                    + "another body is 422 IDEMPOTENCY_KEY_REUSED. 422 UNKNOWN_PLAN, UNKNOWN_RULE, RULE_NOT_ON_REQUEST, "
                    + "DUE_DATE_NOT_IN_FUTURE, NOT_A_SUBMITTER (recipients[i]), UNKNOWN_TARGET, UNKNOWN_INDICATOR; "
                    + "403 NOT_YOUR_RECEIVING_AGENCY.")
    @APIResponse(responseCode = "201", description = "The request with its obligations, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    public Response issue(@Parameter(description = "Makes a retried request harmless") @HeaderParam(Idempotency.HEADER) String key,
                          @Valid @NotNull RequestInput input, @Context UriInfo uri) {
        String scope = access.caller().subject() + " POST /api/reports/requests";
        return idempotency.execute(key, scope, input, () -> {
            RequestService.Loaded l = requests.issue(input);
            URI location = uri.getBaseUriBuilder().path("/api/reports/requests/{id}").build(l.request().id);
            return Idempotency.Result.created(view(l), location, ETags.header(l.request().version));
        });
    }

    @GET
    @Operation(operationId = "listReportRequests", summary = "Report requests my agency issued or received (auditors and admins: all), newest first")
    public PageView<RequestView> list(@QueryParam("planId") Long planId,
                                      @Parameter(description = "OPEN or WITHDRAWN") @QueryParam("state") String state,
                                      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageView<RequestService.Loaded> p = requests.list(planId, state, Paging.of(page, size));
        return new PageView<>(p.items().stream().map(this::view).toList(), p.total(), p.page(), p.size());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReportRequest", summary = "One report request with its obligations and history; the ETag is what a withdrawal's If-Match sends",
            description = "The receiving agency's staff, auditors and admins see every recipient; a recipient sees its own obligation.")
    @APIResponse(responseCode = "200", description = "The request, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    public Response get(@PathParam("id") long id) {
        RequestService.Loaded l = requests.find(id).orElseThrow(() -> ProblemException.notFound("Report request", id));
        return Response.ok(view(l)).tag(ETags.of(l.request().version)).build();
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "withdrawReportRequest", summary = "Withdraw a request before its due date (reviewers of its receiving agency, admins); needs If-Match",
            description = "Obligations nothing was submitted for are cancelled (their agencies get a REQUEST_WITHDRAWN notice); submitted "
                    + "reports are kept. 409 REQUEST_DUE on or after the due date, REQUEST_WITHDRAWN when already withdrawn.")
    @APIResponse(responseCode = "200", description = "The withdrawn request, with ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    public Response withdraw(@PathParam("id") long id, @Parameter(description = "ETag of the request read") @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull WithdrawInput input) {
        RequestService.Loaded l = requests.withdraw(id, ifMatch, input.reason());
        return Response.ok(view(l)).tag(ETags.of(l.request().version)).build();
    }

    private RequestView view(RequestService.Loaded l) {
        return RequestMapper.toView(l, LocalDate.now(config.zone()), config.dueSoonDays(), config.zone());
    }
}
