package vn.gems.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.problem.ProblemException;
import vn.gems.reporting.PublishedConsolidation;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.service.ConsolidationService;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** The public portal's view: published consolidated summaries only (no token). */
@Path("/api/public/reports/consolidations")
@Tag(name = "Public", description = "Published consolidated summaries, readable without a token")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicReportResource {

    /** One line of the list. */
    public record Item(long id, long planId, String period, String receivingAgency, Instant publishedAt) {
    }

    private final ConsolidationService consolidation;
    private final ContentCodec codec;

    public PublicReportResource(ConsolidationService consolidation, ContentCodec codec) {
        this.consolidation = consolidation;
        this.codec = codec;
    }

    @GET
    @Operation(summary = "Published consolidated summaries, newest first (the latest 500)")
    public List<Item> list(@QueryParam("planId") Long planId) {
        return consolidation.publishedList(planId).stream()
                .map(p -> new Item(p.id, p.planId, p.period, p.receivingAgency, p.publishedAt)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One published consolidated summary")
    public PublicConsolidation get(@PathParam("id") long id) {
        PublishedConsolidation p = consolidation.published(id).orElseThrow(() -> ProblemException.notFound("Published consolidation", id));
        try {
            return codec.mapper().readValue(p.body, PublicConsolidation.class).withId(p.id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
