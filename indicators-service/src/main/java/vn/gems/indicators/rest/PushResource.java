package vn.gems.indicators.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import vn.gems.indicators.SourceKind;
import vn.gems.indicators.ValueStatus;
import vn.gems.indicators.service.PushAnswers;
import vn.gems.indicators.service.PushCommand;
import vn.gems.indicators.service.PushQueries;
import vn.gems.indicators.service.PushService;

import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Bulk pushes of files of any size (the Statistics Office): CSV, JSON lines or a JSON array, streamed row by
 * row. {@code POST /api/values/pushes}; the push resource is the job (progress) and the import summary.
 */
@Path("/api/values/pushes")
@Tag(name = "Pushes", description = "Bulk pushes: streamed CSV / JSON lines, upsert or replace a slice, dry run, jobs with import summaries")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PushResource {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";
    public static final String JSONL = "application/jsonl";

    private final PushService pushes;
    private final PushQueries queries;
    private final Caller caller;

    public PushResource(PushService pushes, PushQueries queries, Caller caller) {
        this.pushes = pushes;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Consumes({CSV, NDJSON, JSONL, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.STATS_PUSHER, Roles.REPORTER, Roles.ADMIN, Roles.SERVICE, Roles.GOV_SYSTEM})
    @Operation(summary = "Push a file of values, streamed (text/csv, application/x-ndjson, or a JSON array). "
            + "201 with the import summary when done; 202 with the job to poll for large files; 422 when a row is bad and onError=ABORT")
    @APIResponse(responseCode = "201", description = "Done: the import summary", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "200", description = "Dry run: what would happen", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "202", description = "Received; the job (Location) finishes in the background", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushView.class)))
    public Response push(@HeaderParam("Content-Type") String contentType,
                         @Parameter(description = "UPSERT (default) or REPLACE: retire the slice's values absent from the file") @QueryParam("mode") @DefaultValue("UPSERT") String mode,
                         @Parameter(description = "Validate and report, write nothing") @QueryParam("dryRun") boolean dryRun,
                         @Parameter(description = "ABORT (default): all or nothing; SKIP: commit the good rows, report the bad") @QueryParam("onError") @DefaultValue("ABORT") String onError,
                         @Parameter(description = "Status of rows that name none: PROVISIONAL (default) or FINAL") @QueryParam("status") @DefaultValue("PROVISIONAL") String status,
                         @Parameter(description = "Your reference for the file, e.g. its name") @QueryParam("reference") String reference,
                         @Parameter(description = "PUSH (default) or SYSTEM") @QueryParam("sourceKind") @DefaultValue("PUSH") String sourceKind,
                         @Parameter(description = "Agency the values belong to (services and admins only)") @QueryParam("agency") String agency,
                         @Parameter(description = "REPLACE: indicator codes of the slice, comma-separated") @QueryParam("indicators") String indicators,
                         @Parameter(description = "REPLACE: periods of the slice, comma-separated") @QueryParam("periods") String periods,
                         @Parameter(description = "REPLACE: the unit whose territory (as it was in each period) the slice covers") @QueryParam("unit") String unit,
                         @Parameter(description = "Makes a retry harmless") @HeaderParam(Idempotency.HEADER) String key,
                         InputStream body) {
        PushCommand.Format format = format(contentType);
        boolean replace = switch (mode.trim().toUpperCase(Locale.ROOT)) {
            case "UPSERT" -> false;
            case "REPLACE" -> true;
            default -> throw ProblemException.badRequest("INVALID_MODE", "mode is UPSERT or REPLACE", new FieldError("mode", "INVALID_MODE", "UPSERT or REPLACE"));
        };
        boolean skip = switch (onError.trim().toUpperCase(Locale.ROOT)) {
            case "ABORT" -> false;
            case "SKIP" -> true;
            default -> throw ProblemException.badRequest("INVALID_ON_ERROR", "onError is ABORT or SKIP", new FieldError("onError", "INVALID_ON_ERROR", "ABORT or SKIP"));
        };
        ValueStatus defaultStatus = ValueStatus.parse(status);
        if (defaultStatus == null) {
            throw ProblemException.badRequest("INVALID_STATUS", "status is FINAL or PROVISIONAL", new FieldError("status", "INVALID_STATUS", "FINAL or PROVISIONAL"));
        }
        SourceKind kind = switch (sourceKind.trim().toUpperCase(Locale.ROOT)) {
            case "PUSH" -> SourceKind.PUSH;
            case "SYSTEM" -> SourceKind.SYSTEM;
            default -> throw ProblemException.badRequest("INVALID_SOURCE_KIND", "a push's sourceKind is PUSH or SYSTEM",
                    new FieldError("sourceKind", "INVALID_SOURCE_KIND", "PUSH or SYSTEM"));
        };
        if (key != null && !key.matches("[\\x21-\\x7e]{1,200}")) {
            throw ProblemException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1-200 visible ASCII characters");
        }
        if (reference != null && reference.length() > 300) {
            throw ProblemException.badRequest("INVALID_REFERENCE", "reference is at most 300 characters",
                    new FieldError("reference", "SIZE", "at most 300 characters"));
        }
        if (agency != null && !agency.isBlank() && !agency.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw ProblemException.badRequest("INVALID_AGENCY", "agency is an agency code such as TTH-DOH",
                    new FieldError("agency", "PATTERN", "2-40 upper-case letters, digits or dashes"));
        }
        PushCommand cmd = new PushCommand(format, replace, dryRun, skip, defaultStatus, kind, reference, agency, list(indicators), list(periods),
                unit, key);
        PushService.Answer answer = pushes.push(cmd, body);
        URI location = URI.create("/api/values/pushes/" + answer.push().id());
        if (answer.status() == 422) {
            throw PushAnswers.rejected(answer.push());
        }
        return Response.status(answer.status()).location(location).entity(answer.push()).build();
    }

    @GET
    @Operation(summary = "Pushes and batches of the caller's agency, newest first (admins and auditors see all)")
    public PageView<PushView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.list(caller, Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A push: progress while it runs (rows read, accepted, rejected), then the import summary")
    public PushView get(@PathParam("id") long id) {
        return queries.find(id, caller).orElseThrow(() -> ProblemException.notFound("Push", id));
    }

    @GET
    @Path("/{id}/rejections")
    @Operation(summary = "Every rejected row of a push: line, column, code and reason, in line order")
    public PageView<PushView.RejectionView> rejections(@PathParam("id") long id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.rejections(id, Paging.of(page, size), caller);
    }

    private static PushCommand.Format format(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (t) {
            case CSV, "text/plain", "application/csv" -> PushCommand.Format.CSV;
            case NDJSON, JSONL, "application/json-lines" -> PushCommand.Format.JSONL;
            case MediaType.APPLICATION_JSON -> PushCommand.Format.JSON;
            default -> throw new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Push text/csv, application/x-ndjson (JSON lines) or application/json (an array)");
        };
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
