package vn.gems.indicators.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.indicators.UnitChangePage;
import vn.gems.indicators.mapping.UnitMapper;
import vn.gems.indicators.service.UnitFeed;

/**
 * The unit change feed, {@code /api/unit-changes} (not under {@code /api/units/}, where a segment is a unit code):
 * every creation, rename, move and end of a unit, in commit order with gapless sequence numbers. A follower keeps
 * the last {@code seq} it applied and asks for what comes after it.
 */
@Path("/api/unit-changes")
@Tag(name = "Unit change feed", description = "Every change to the administrative units, in order, for services that follow them")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class UnitChangeResource {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;

    private final UnitFeed feed;

    public UnitChangeResource(UnitFeed feed) {
        this.feed = feed;
    }

    @GET
    @Operation(summary = "Feed entries after a cursor (sequence number), oldest first; `next` is the cursor for the next call")
    public UnitChangePage after(@Parameter(description = "Last sequence number already seen (0 to start)", example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("after") String after,
                                @Parameter(description = "Entries per page, 1-500 (default 100)", example = "100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        long from = number(after, 0, "after", "INVALID_CURSOR");
        long n = number(size, DEFAULT_SIZE, "size", "INVALID_PAGE_SIZE");
        if (from < 0) {
            throw ProblemException.badRequest("INVALID_CURSOR", "after must be 0 or a sequence number",
                    new FieldError("after", "INVALID_CURSOR", "must be >= 0"));
        }
        if (n < 1 || n > MAX_SIZE) {
            throw ProblemException.badRequest("INVALID_PAGE_SIZE", "size must be 1-" + MAX_SIZE,
                    new FieldError("size", "INVALID_PAGE_SIZE", "must be between 1 and " + MAX_SIZE));
        }
        var items = feed.after(from, (int) n).stream().map(UnitMapper::toContract).toList();
        // Read after the items, so head is never below the last item returned.
        return new UnitChangePage(items, from, items.isEmpty() ? from : items.get(items.size() - 1).seq(), feed.head());
    }

    /** A whole number, or a 400 problem naming the parameter (not the framework's 404 for an unconvertible value). */
    private static long number(String text, long absent, String field, String code) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(code, field + " must be a whole number", new FieldError(field, code, "must be a whole number"));
        }
    }
}
