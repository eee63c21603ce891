package vn.gems.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.reporting.PublishedConsolidation;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.service.ConsolidationService;
import vn.gems.reporting.service.ObligationGenerator;
import vn.gems.reporting.service.export.DocumentBuilder;
import vn.gems.reporting.service.export.Exporter;
import vn.gems.reporting.service.export.Format;
import vn.gems.reporting.service.export.Lang;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Consolidated reports (báo cáo tổng hợp) per plan and period, their exports and their publication. */
@Path("/api/reports/plans/{planId}")
@Tag(name = "Consolidation", description = "Tổng hợp: completeness, target progress with sources, narratives, child plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ConsolidationResource {

    private final ConsolidationService consolidation;
    private final DocumentBuilder documents;
    private final Exporter exporter;
    private final ContentCodec codec;
    private final ObligationGenerator generator;

    public ConsolidationResource(ConsolidationService consolidation, DocumentBuilder documents, Exporter exporter, ContentCodec codec,
                                 ObligationGenerator generator) {
        this.generator = generator;
        this.consolidation = consolidation;
        this.documents = documents;
        this.exporter = exporter;
        this.codec = codec;
    }

    @GET
    @Path("/consolidation")
    @Operation(summary = "The consolidated report of a plan for a period",
            description = "Readable by the receiving agency, the issuing agency's plan managers, auditors and admins. receivingAgency defaults "
                    + "to the caller's agency when it receives reports of the plan, else to the plan's lead; rule limits it to one rule's reports.")
    public ConsolidationView get(@PathParam("planId") long planId,
                                 @Parameter(description = "2024, 2024S1, …", required = true) @QueryParam("period") String period,
                                 @QueryParam("receivingAgency") String receivingAgency, @QueryParam("rule") String rule,
                                 @Parameter(description = "the date of timeliness and of the roll-ups' territory "
                                         + "(default: timeliness today, roll-ups as of the due date)")
                                 @QueryParam("asOf") String asOf) {
        return consolidation.consolidate(planId, period, receivingAgency, rule, date(asOf));
    }

    @GET
    @Path("/consolidation/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "The consolidated report as json, csv (UTF-8 with BOM), xlsx (one sheet per objective), or the official document "
            + "per Decree 30/2020/NĐ-CP as docx or pdf (PDF/A-2u)",
            description = "format wins over Accept (Accept: application/pdf gives the PDF). The document is Vietnamese; lang=en (or "
                    + "Accept-Language: en) gives an English rendering. The issuing body is named as it was on the document's date (asOf).")
    @APIResponse(responseCode = "200", description = "The file (Content-Disposition: attachment)",
            content = {@Content(mediaType = "application/pdf", example = "%PDF-1.7 … (PDF/A-2u, Liberation Serif embedded)"),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")})
    public Response export(@PathParam("planId") long planId, @QueryParam("period") String period,
                           @Parameter(description = "json, csv, xlsx, docx or pdf (default: from Accept, else json)", example = "pdf")
                           @QueryParam("format") String format,
                           @QueryParam("receivingAgency") String receivingAgency, @QueryParam("rule") String rule,
                           @QueryParam("asOf") String asOf,
                           @Parameter(description = "vi (default) or en: the language of docx/pdf/csv/xlsx", example = "vi") @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Format f = Format.parse(format, accept);
        Lang l = Lang.of(lang, acceptLanguage);
        ConsolidationView view = consolidation.consolidate(planId, period, receivingAgency, rule, date(asOf));
        return ReportResource.download(exporter.render(view, documents.consolidation(view, l), f));
    }

    @POST
    @Path("/consolidation/publication")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Publish the consolidated summary for the public route (reviewers of the receiving agency); again to update it")
    @APIResponse(responseCode = "201", description = "The published summary, as the public route serves it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicConsolidation.class)))
    public Response publish(@PathParam("planId") long planId, @QueryParam("period") String period,
                            @QueryParam("receivingAgency") String receivingAgency, @Context UriInfo uri) {
        PublishedConsolidation p = consolidation.publish(planId, period, receivingAgency);
        return Response.created(uri.getBaseUriBuilder().path("/api/public/reports/consolidations/{id}").build(p.id)).entity(read(p)).build();
    }

    @POST
    @Path("/obligations/regeneration")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "regenerateObligations", summary = "Regenerate a known plan's obligations from its stored version (admin; idempotent)")
    public PlanEventResult regenerate(@PathParam("planId") long planId) {
        return generator.regenerate(planId);
    }

    private PublicConsolidation read(PublishedConsolidation p) {
        try {
            return codec.mapper().readValue(p.body, PublicConsolidation.class).withId(p.id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("INVALID_DATE", "asOf must be an ISO date such as 2024-12-05",
                    new FieldError("asOf", "INVALID_VALUE", "must be an ISO date"));
        }
    }
}
