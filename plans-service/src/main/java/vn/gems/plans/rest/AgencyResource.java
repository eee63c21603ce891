package vn.gems.plans.rest;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.ETags;
import vn.gems.common.http.CodeList;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.plans.Agency;
import vn.gems.plans.AgencyKind;
import vn.gems.plans.mapping.AgencyMapper;
import vn.gems.plans.service.AgencyService;
import vn.gems.plans.service.BodyMembers;

import java.time.LocalDate;
import java.util.List;

/** The agency registry: {@code /api/agencies}. */
@Path("/api/agencies")
@Tag(name = "Agencies", description = "Cơ quan, đơn vị (agencies): who issues plans, holds targets and reports; retired agencies hand their duties to successors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class AgencyResource {

    /** The most codes one {@code codes=} read takes (a URL of 200 codes stays within the HTTP line limit). */
    static final int MAX_CODES = 200;

    private final AgencyService agencies;
    private final BodyMembers members;

    public AgencyResource(AgencyService agencies, BodyMembers members) {
        this.agencies = agencies;
        this.members = members;
    }

    @GET
    @Operation(summary = "List and search agencies", description = "Filters: administrative unit, kind, whether active today, "
            + "parent agency, and free text over code and names that ignores Vietnamese diacritics (q=so y te finds Sở Y tế). "
            + "Ordered by code; page from 0, size 1-500. With codes=A,B,C (at most " + MAX_CODES + "): only those agencies that "
            + "exist, unpaged, the other filters ignored (reporting-service reads the agencies a plan names in one call); more "
            + "codes: 400 TOO_MANY_CODES.")
    public PageView<AgencyView> list(@Parameter(description = "Comma-separated agency codes", example = "TTH-DOH,TTH-DOLISA") @QueryParam("codes") String codes,
                                     @Parameter(description = "Administrative unit code, e.g. VN-46") @QueryParam("unit") String unit,
                                     @QueryParam("kind") AgencyKind kind,
                                     @Parameter(description = "true: active today; false: retired or not yet valid") @QueryParam("active") Boolean active,
                                     @Parameter(description = "Parent agency code, e.g. TTH-PC") @QueryParam("parent") String parent,
                                     @Parameter(description = "Free text, diacritics optional, e.g. lao dong thuong binh") @QueryParam("q") String q,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (codes != null && !codes.isBlank()) {
            List<String> list = CodeList.parse(codes, MAX_CODES);
            List<AgencyView> found = agencies.byCodes(list).stream().map(AgencyMapper::toView).toList();
            return new PageView<>(found, found.size(), 0, Math.max(1, list.size()));
        }
        PageView<Agency> p = agencies.list(unit, kind, active, parent, q, Paging.of(page, size));
        return new PageView<>(p.items().stream().map(AgencyMapper::toView).toList(), p.total(), p.page(), p.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One agency, with its ETag")
    @APIResponse(responseCode = "200", description = "The agency", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    public Response get(@PathParam("code") String code) {
        Agency a = agencies.find(code).orElseThrow(() -> ProblemException.notFound("Agency", code));
        return Response.ok(AgencyMapper.toView(a)).tag(ETags.of(a.version)).build();
    }

    @GET
    @Path("/{code}/holders")
    @Operation(summary = "The active agencies that hold this agency's duties today (itself, or its successors transitively)")
    public List<AgencyView> holders(@PathParam("code") String code) {
        agencies.find(code).orElseThrow(() -> ProblemException.notFound("Agency", code));
        return agencies.holders(code).stream().map(AgencyMapper::toView).toList();
    }

    @GET
    @Path("/{code}/predecessors")
    @Operation(summary = "The retired agencies whose duties this agency holds today (e.g. VN-MOHA holds VN-MOLISA's)")
    public List<AgencyView> predecessors(@PathParam("code") String code) {
        agencies.find(code).orElseThrow(() -> ProblemException.notFound("Agency", code));
        return agencies.predecessors(code).stream().map(c -> agencies.find(c).orElseThrow()).map(AgencyMapper::toView).toList();
    }

    @GET
    @Path("/{code}/history")
    @Operation(summary = "Every change to the agency (created, edited, renamed, retired) with the agency as it was after it, oldest first")
    public List<AgencyHistoryEntry> history(@PathParam("code") String code) {
        agencies.find(code).orElseThrow(() -> ProblemException.notFound("Agency", code));
        return agencies.history(code);
    }

    @GET
    @Path("/{code}/members")
    @Operation(operationId = "listBodyMembers", summary = "The members of a body (an agency of kind COMMITTEE), all or those on a date, with the body's ETag",
            description = "The members on a rule's due date submit under a BODY_MEMBERS rule. Any agency answers (an empty list when it has no members).")
    @APIResponse(responseCode = "200", description = "The memberships", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Membership.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "members",
            value = "[{\"agency\":\"TTH-DOLISA\",\"from\":\"2021-01-01\",\"to\":null},{\"agency\":\"TTH-DOH\",\"from\":\"2021-01-01\",\"to\":\"2025-06-30\"}]")))
    public Response members(@PathParam("code") String code,
                            @Parameter(description = "Only the members on this date, ISO", example = "2025-12-10") @QueryParam("asOf") LocalDate asOf) {
        Agency a = agencies.find(code).orElseThrow(() -> ProblemException.notFound("Agency", code));
        return Response.ok(members.members(a, asOf)).tag(ETags.of(a.version)).build();
    }

    @PUT
    @Path("/{code}/members")
    @RolesAllowed({Roles.ADMIN, Roles.PLAN_MANAGER})
    @Operation(operationId = "replaceBodyMembers", summary = "Replace a body's dated member list (admin, or the body's own plan manager); needs If-Match",
            description = "The whole list of {agency, from, to}; audited as MEMBERS_CHANGED in the body's history. 428 without If-Match, 412 when stale.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Membership.class, type = SchemaType.ARRAY),
            examples = @ExampleObject(name = "members", value = "[{\"agency\":\"TTH-DOLISA\",\"from\":\"2021-01-01\",\"to\":null}]")))
    @APIResponse(responseCode = "204", description = "Replaced; the body's new ETag in the header")
    @APIResponse(responseCode = "422", description = "NOT_A_BODY (not of kind COMMITTEE), INVALID_MEMBERS (UNKNOWN_AGENCY, MEMBER_IS_BODY, DATE_ORDER, OVERLAPPING_MEMBERSHIP)")
    public Response replaceMembers(@PathParam("code") String code,
                                   @Parameter(description = "ETag of the body read") @HeaderParam("If-Match") String ifMatch,
                                   @Valid @NotNull List<@Valid @NotNull Membership> input) {
        long version = members.replace(code, ifMatch, input);
        return Response.noContent().tag(ETags.of(version)).build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PLAN_MANAGER})
    @Operation(summary = "Register an agency (admin, or a plan manager for its own administrative unit)")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    @APIResponse(responseCode = "409", description = "AGENCY_EXISTS")
    @APIResponse(responseCode = "422", description = "UNKNOWN_UNIT (indicators-service does not know the unit), UNKNOWN_PARENT_AGENCY")
    @APIResponse(responseCode = "503", description = "INDICATORS_UNAVAILABLE: the unit could not be checked; nothing was written")
    public Response create(@Valid @NotNull AgencyInput input, @Context UriInfo uri) {
        Agency a = agencies.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(a.code).build())
                .entity(AgencyMapper.toView(a)).tag(ETags.of(a.version)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PLAN_MANAGER})
    @Operation(summary = "Edit an agency; needs If-Match with the ETag read (428 without, 412 when stale)")
    @APIResponse(responseCode = "200", description = "The agency", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    public Response update(@PathParam("code") String code,
                           @Parameter(description = "ETag of the version read") @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull AgencyInput input) {
        Agency a = agencies.update(code, ifMatch, input).orElseThrow(() -> ProblemException.notFound("Agency", code));
        return Response.ok(AgencyMapper.toView(a)).tag(ETags.of(a.version)).build();
    }

    @POST
    @Path("/{code}/retirement")
    @RolesAllowed({Roles.ADMIN, Roles.PLAN_MANAGER})
    @Operation(summary = "Retire an agency on a date and name its successors; needs If-Match")
    @APIResponse(responseCode = "200", description = "The agency", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyView.class)))
    public Response retire(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull RetireAgency input) {
        Agency a = agencies.retire(code, ifMatch, input).orElseThrow(() -> ProblemException.notFound("Agency", code));
        return Response.ok(AgencyMapper.toView(a)).tag(ETags.of(a.version)).build();
    }
}
