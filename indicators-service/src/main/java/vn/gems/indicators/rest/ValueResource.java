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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.indicators.Period;
import vn.gems.indicators.Sex;
import vn.gems.indicators.SourceKind;
import vn.gems.indicators.ValueStatus;
import vn.gems.indicators.mapping.Dims;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;
import vn.gems.indicators.service.IndicatorMeta;
import vn.gems.indicators.service.Lookup;
import vn.gems.indicators.service.ValueQueryService;
import vn.gems.indicators.service.ValueWriteService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Sex-disaggregated values: reads with paging, single and batch upserts, and each value's audit history. */
@Path("/api/values")
@Tag(name = "Values", description = "Giá trị chỉ số: one current value per indicator × unit × period × sex × dimensions, with audit history")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ValueResource {

    private final Catalogue catalogue;
    private final ValueQueryService queries;
    private final ValueWriteService writes;
    private final Idempotency idempotency;
    private final Caller caller;

    public ValueResource(Catalogue catalogue, ValueQueryService queries, ValueWriteService writes, Idempotency idempotency, Caller caller) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.writes = writes;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Values by indicator, unit (or its territory), period, sex, dimensions and status; name an indicator or a unit")
    public PageView<ValueView> list(
            @Parameter(example = "BIRTHS") @QueryParam("indicator") String indicator,
            @Parameter(example = "VN-46") @QueryParam("unit") String unit,
            @Parameter(description = "Include the unit's whole territory as of asOf") @QueryParam("subtree") boolean subtree,
            @Parameter(description = "Hierarchy date for subtree (default today)") @QueryParam("asOf") LocalDate asOf,
            @Parameter(example = "2024") @QueryParam("period") String period,
            @Parameter(description = "FEMALE, MALE or TOTAL") @QueryParam("sex") String sex,
            @Parameter(description = "code:VALUE pairs, comma-separated; empty for the all-groups figure", example = "ethnicity:MINORITY") @QueryParam("dims") String dims,
            @Parameter(description = "FINAL or PROVISIONAL") @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        Catalogue.Snapshot cat = catalogue.current();
        if ((indicator == null || indicator.isBlank()) && (unit == null || unit.isBlank())) {
            throw ProblemException.badRequest("FILTER_REQUIRED", "Name an indicator or a unit (the table holds millions of values)",
                    new FieldError("indicator", "REQUIRED", "indicator or unit"));
        }
        int[] indicators = indicator == null || indicator.isBlank() ? null : new int[]{Lookup.indicator(cat, indicator).id()};
        int[] units = null;
        if (unit != null && !unit.isBlank()) {
            Hierarchy.Node n = Lookup.unit(cat, unit);
            units = subtree ? cat.hierarchy.territory(n, n.clamp(asOf == null ? LocalDate.now() : asOf)).stream().toArray() : new int[]{n.id};
        }
        String p = period == null || period.isBlank() ? null : Lookup.period(period, "period").toString();
        Character s = null;
        if (sex != null && !sex.isBlank()) {
            Sex parsed = Sex.parse(sex);
            if (parsed == null) {
                throw ProblemException.badRequest("INVALID_SEX", "sex is FEMALE, MALE or TOTAL", new FieldError("sex", "INVALID_SEX", "FEMALE, MALE or TOTAL"));
            }
            s = parsed.letter();
        }
        Character st = null;
        if (status != null && !status.isBlank()) {
            ValueStatus vs = ValueStatus.parse(status);
            if (vs == null) {
                throw ProblemException.badRequest("INVALID_STATUS", "status is FINAL or PROVISIONAL", new FieldError("status", "INVALID_STATUS", "FINAL or PROVISIONAL"));
            }
            st = vs.letter();
        }
        String d = dims == null ? null : Lookup.dims(dims);
        return queries.list(cat, new ValueQueryService.Filter(indicators, units, p, s, d, st), paging);
    }

    @GET
    @Path("/{indicator}/{unit}/{period}")
    @Operation(operationId = "getValue", summary = "One current value (sex and dimensions in the query)")
    public ValueView one(@PathParam("indicator") String indicator, @PathParam("unit") String unit, @PathParam("period") String period,
                         @QueryParam("sex") String sex, @QueryParam("dims") String dims) {
        Catalogue.Snapshot cat = catalogue.current();
        IndicatorMeta ind = Lookup.indicator(cat, indicator);
        Hierarchy.Node u = Lookup.unit(cat, unit);
        Period p = Lookup.period(period, "period");
        return queries.one(cat, ind.id(), u.id, p.toString(), Lookup.sex(ind, sex), Lookup.dims(dims))
                .orElseThrow(() -> ProblemException.notFound("Value", indicator + " " + unit + " " + period));
    }

    @PUT
    @Path("/{indicator}/{unit}/{period}")
    @RolesAllowed({Roles.STATS_PUSHER, Roles.REPORTER, Roles.ADMIN, Roles.SERVICE, Roles.GOV_SYSTEM})
    @Operation(summary = "Upsert one value; the same figures again change nothing (no audit row). Honours Idempotency-Key")
    @APIResponse(responseCode = "200", description = "The value now, and whether it changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UpsertResult.class)))
    public Response upsert(@PathParam("indicator") String indicator, @PathParam("unit") String unit, @PathParam("period") String period,
                           @Parameter(description = "FEMALE, MALE or TOTAL for indicators by sex") @QueryParam("sex") String sex,
                           @Parameter(description = "code:VALUE pairs", example = "ethnicity:MINORITY") @QueryParam("dims") String dims,
                           @Parameter(description = "Makes a retry harmless") @HeaderParam(Idempotency.HEADER) String key,
                           @Valid @NotNull ValueUpsert body) {
        SourceInput source = body.source() == null ? new SourceInput(SourceKind.MANUAL, null, null, null) : body.source();
        Map<String, String> dimensions = Dims.parse(dims);
        if (dimensions == null) {
            Lookup.dims(dims);
        }
        ValueInput v = new ValueInput(indicator, unit, period, sex, dimensions, body.value(), body.numerator(), body.denominator(), body.status());
        String scope = caller.subject() + " PUT /api/values " + sha256(indicator + "/" + unit + "/" + period + "?sex=" + sex + "&dims=" + dims);
        return idempotency.execute(key, scope, body, () -> {
            BatchResult r = writes.batch(new BatchInput(source, List.of(v)));
            Catalogue.Snapshot cat = catalogue.current();
            IndicatorMeta ind = cat.indicator(indicator).orElseThrow();
            Hierarchy.Node u = cat.hierarchy.find(unit).orElseThrow();
            ValueView now = queries.one(cat, ind.id(), u.id, Period.parse(period).orElseThrow().toString(), Lookup.sex(ind, sex),
                    Dims.canonical(dimensions)).orElseThrow();
            return Idempotency.Result.ok(new UpsertResult(now, r.changed() > 0, r.pushId()));
        });
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.STATS_PUSHER, Roles.REPORTER, Roles.ADMIN, Roles.SERVICE, Roles.GOV_SYSTEM})
    @Operation(operationId = "writeValueBatch", summary = "Upsert a batch of values from one source, all or nothing (422 lists every bad value as values[i].field). "
            + "Honours Idempotency-Key: same key and body replays the answer, another body is 422")
    @APIResponse(responseCode = "200", description = "What the batch changed", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchResult.class)))
    public Response batch(@Parameter(description = "Makes a retry harmless") @HeaderParam(Idempotency.HEADER) String key,
                          @Valid @NotNull BatchInput body) {
        return idempotency.execute(key, caller.subject() + " POST /api/values/batch", body, () -> Idempotency.Result.ok(writes.batch(body)));
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Audit history of one value, newest first: the current version, what it replaced, what was retired (auditor, admin)")
    public List<ValueVersionView> history(@QueryParam("indicator") String indicator, @QueryParam("unit") String unit,
                                          @QueryParam("period") String period, @QueryParam("sex") String sex, @QueryParam("dims") String dims) {
        Catalogue.Snapshot cat = catalogue.current();
        IndicatorMeta ind = Lookup.indicator(cat, indicator);
        Hierarchy.Node u = Lookup.unit(cat, unit);
        Period p = Lookup.period(period, "period");
        return queries.history(ind.id(), u.id, p.toString(), Lookup.sex(ind, sex), Lookup.dims(dims));
    }
}
