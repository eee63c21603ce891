package vn.gems.reporting.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
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
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.reporting.Attachment;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.ReportVersion;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.mapping.ReportMapper;
import vn.gems.reporting.mapping.ReportViews;
import vn.gems.reporting.service.Access;
import vn.gems.reporting.service.AttachmentService;
import vn.gems.reporting.service.ObligationGenerator;
import vn.gems.reporting.service.PlanStore;
import vn.gems.reporting.service.ReportService;
import vn.gems.reporting.service.export.DocumentBuilder;
import vn.gems.reporting.service.export.Exporter;
import vn.gems.reporting.service.export.Format;
import vn.gems.reporting.service.export.Lang;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Reports (submissions): drafts, submitted versions, review, diffs, evidence files and exports. */
@Path("/api/reports/submissions")
@Tag(name = "Reports", description = "An agency's report for an obligation: draft → submitted → returned → resubmitted → accepted")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReportResource {

    private final ReportService reports;
    private final ReportViews views;
    private final AttachmentService attachments;
    private final Idempotency idempotency;
    private final Access access;
    private final ContentCodec codec;
    private final PlanStore plans;
    private final DocumentBuilder documents;
    private final Exporter exporter;
    private final ObligationGenerator generator;

    public ReportResource(ReportService reports, ReportViews views, AttachmentService attachments, Idempotency idempotency,
                          Access access, ContentCodec codec, PlanStore plans, DocumentBuilder documents, Exporter exporter,
                          ObligationGenerator generator) {
        this.generator = generator;
        this.reports = reports;
        this.views = views;
        this.attachments = attachments;
        this.idempotency = idempotency;
        this.access = access;
        this.codec = codec;
        this.plans = plans;
        this.documents = documents;
        this.exporter = exporter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "fileReport", summary = "File my agency's report by reference: plan code, rule and period (submit=true submits it at once)",
            description = "The same as starting the report of the obligation (POST /api/reports/obligations/{id}/report) and submitting it. "
                    + "404 when the plan is not issued or my agency owes nothing under that rule and period; 409 REPORT_EXISTS.")
    @APIResponse(responseCode = "201", description = "The report, filed (and submitted when asked)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    public Response file(@Valid @NotNull FileReport input, @Context UriInfo uri) {
        ReportService.Loaded l = reports.file(input, generator);
        return Response.created(uri.getBaseUriBuilder().path("/api/reports/submissions/{id}").build(l.report().id))
                .entity(views.view(l)).tag(ETags.of(l.report().version)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A report: its agency sees the draft; the receiving agency and auditors see its state and read the versions")
    public Response get(@PathParam("id") long id) {
        ReportService.Loaded l = reports.find(id).orElseThrow(() -> ProblemException.notFound("Report", id));
        return Response.ok(views.view(l)).tag(ETags.of(l.report().version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REPORTER)
    @Operation(summary = "Replace the draft (own agency's reporters); needs If-Match with the ETag read (428 without, 412 when stale)")
    public Response update(@PathParam("id") long id, @Parameter(description = "ETag of the version read") @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull ReportContent content) {
        ReportService.Loaded l = reports.update(id, ifMatch, content);
        return Response.ok(views.view(l)).tag(ETags.of(l.report().version)).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.REPORTER)
    @Operation(summary = "Submit the draft as a new version (late submissions are allowed and marked late)",
            description = "Idempotency-Key makes a retried submit harmless; If-Match (optional) makes sure the draft submitted is the one read. "
                    + "422 REPORT_INCOMPLETE names every missing value or section.")
    public Response submit(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String key, @HeaderParam("If-Match") String ifMatch) {
        String scope = access.caller().subject() + " POST /api/reports/submissions/" + id + "/submit";
        return idempotency.execute(key, scope, "submit:" + id + ":" + (ifMatch == null ? "" : ifMatch), () -> {
            ReportService.Loaded l = reports.submit(id, ifMatch);
            return new Idempotency.Result(200, views.view(l), null, ETags.header(l.report().version));
        });
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Return the submitted version with comments per section or per value (reviewers of the receiving agency); needs If-Match")
    public Response returnForChanges(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ReviewInput review) {
        ReportService.Loaded l = reports.returnForChanges(id, ifMatch, review);
        return Response.ok(views.view(l)).tag(ETags.of(l.report().version)).build();
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Accept the submitted version (reviewers of the receiving agency); needs If-Match. Its values go to indicators-service through the outbox")
    public Response accept(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ReviewInput review) {
        ReportService.Loaded l = reports.accept(id, ifMatch, review);
        return Response.ok(views.view(l)).tag(ETags.of(l.report().version)).build();
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every submitted version, oldest first, with lateness and review")
    public List<ReportVersionView> versions(@PathParam("id") long id) {
        return reports.versions(id).stream().map(v -> ReportMapper.toView(v, codec)).toList();
    }

    @GET
    @Path("/{id}/versions/{n}")
    @Operation(summary = "One submitted version")
    public ReportVersionView version(@PathParam("id") long id, @PathParam("n") int n) {
        return reports.version(id, n, true).map(v -> ReportMapper.toView(v, codec))
                .orElseThrow(() -> ProblemException.notFound("Version", id + "/" + n));
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "What changed between two versions (default: the last two); to=draft compares with the draft (own agency)")
    public DiffView diff(@PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.diff(id, from, to);
    }

    @GET
    @Path("/{id}/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "A submitted version (default the last; version=draft for the own agency) as json, csv, xlsx, or the official "
            + "document per Decree 30/2020/NĐ-CP as docx or pdf (PDF/A-2u)",
            description = "format wins over Accept (Accept: application/pdf gives the PDF); lang=en or Accept-Language: en gives an English rendering.")
    public Response export(@PathParam("id") long id,
                           @Parameter(description = "json, csv, xlsx, docx or pdf (default: from Accept, else json)", example = "pdf")
                           @QueryParam("format") String format, @QueryParam("version") String version,
                           @Parameter(description = "vi (default) or en", example = "vi") @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Format f = Format.parse(format, accept);
        Lang language = Lang.of(lang, acceptLanguage);
        ReportService.Loaded l = reports.find(id).orElseThrow(() -> ProblemException.notFound("Report", id));
        PlanRef ref = plans.ref(l.obligation().planId).orElseThrow(() -> ProblemException.notFound("Plan", l.obligation().planId));
        PlanModel plan = plans.model(ref);
        Object view;
        ReportContent content;
        String label;
        Instant at;
        if ("draft".equalsIgnoreCase(version)) {
            if (!access.isSubmitter(l.obligation())) {
                throw ProblemException.forbidden("DRAFT_IS_PRIVATE", "Only the submitting agency can export its draft");
            }
            content = codec.content(l.report().draft);
            view = views.view(l);
            label = "draft";
            at = null;
        } else {
            int n = version == null ? l.report().lastVersionNo : parse(version);
            ReportVersion v = reports.version(id, n, false).orElseThrow(() -> ProblemException.notFound("Version", id + "/" + n));
            content = codec.content(v.content);
            view = ReportMapper.toView(v, codec);
            label = "v" + n;
            at = v.submittedAt;
        }
        Exporter.File file = exporter.render(view, documents.submission(ref, plan, l.obligation(), id, label, content, at, language), f);
        return download(file);
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.REPORTER)
    @Operation(operationId = "uploadAttachment", summary = "Upload an evidence file (raw body; PDF, PNG, JPEG, DOCX, XLSX, CSV or text; 10 MB by default)",
            description = "The type is recognised from the bytes and must match Content-Type (415 otherwise); 413 when too large. "
                    + "Refer to it from a value with attachmentId.")
    @APIResponse(responseCode = "201", description = "The stored evidence file",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentView.class)))
    public Response upload(@PathParam("id") long id, @QueryParam("filename") String filename, @Context HttpHeaders headers,
                           InputStream body, @Context UriInfo uri) {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        Attachment a = attachments.upload(id, filename, type, body);
        return Response.created(uri.getBaseUriBuilder().path("/api/reports/attachments/{id}").build(a.id))
                .entity(new AttachmentView(a.id, a.reportId, a.filename, a.contentType, a.sizeBytes, a.sha256, a.createdBy, a.createdAt))
                .build();
    }

    static Response download(Exporter.File file) {
        return Response.ok(file.bytes(), file.mediaType())
                .header("Content-Disposition", disposition(file.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static String disposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("INVALID_VERSION", "version must be a number or 'draft'",
                    new FieldError("version", "INVALID_VALUE", "must be a number or 'draft'"));
        }
    }
}
