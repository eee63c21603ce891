package vn.gems.indicators.push.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.indicators.push.input.PushFormats;
import vn.gems.indicators.push.service.PushAnswers;
import vn.gems.indicators.push.service.PushQueries;
import vn.gems.indicators.push.service.PushService;

import java.io.InputStream;
import java.net.URI;

/**
 * Bulk pushes of files of any size (the Statistics Office): CSV, JSON lines or a JSON array — any {@code PushFormat} —
 * streamed row by row. {@code POST /api/values/pushes}; the push resource is the job (progress) and the import summary.
 */
@Path("/api/values/pushes")
@Tag(name = "Pushes", description = "Bulk pushes: streamed CSV / JSON lines, upsert or replace a slice, dry run, jobs with import summaries")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PushResource {

    private final PushService pushes;
    private final PushQueries queries;
    private final PushFormats formats;
    private final Caller caller;

    public PushResource(PushService pushes, PushQueries queries, PushFormats formats, Caller caller) {
        this.pushes = pushes;
        this.queries = queries;
        this.formats = formats;
        this.caller = caller;
    }

    @POST
    // Every media type reaches the formats, which answer 415 for one none of them reads: a new format is one class.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.STATS_PUSHER, Roles.REPORTER, Roles.ADMIN, Roles.SERVICE, Roles.GOV_SYSTEM})
    @Operation(operationId = "pushValues", summary = "Push a file of values, streamed (text/csv, application/x-ndjson, or a JSON array). "
            + "201 with the import summary when done; 202 with the job to poll for large files; 422 when a row is bad and onError=ABORT")
    @RequestBody(required = true, content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY)),
            @Content(mediaType = "application/vnd.dhis2.datavalueset+json", schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "201", description = "Done: the import summary", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "200", description = "Dry run: what would happen", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushView.class)))
    @APIResponse(responseCode = "202", description = "Received; the job (Location) finishes in the background", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PushView.class)))
    public Response push(@HeaderParam("Content-Type") String contentType, @Valid @BeanParam PushParams params, InputStream body) {
        PushService.Answer answer = pushes.push(params.command(formats.of(contentType)), body);
        if (answer.status() == 422) {
            throw PushAnswers.rejected(answer.push());
        }
        return Response.status(answer.status()).location(URI.create("/api/values/pushes/" + answer.push().id())).entity(answer.push()).build();
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
}
