package vn.gems.plans.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.plans.PlanKind;
import vn.gems.plans.PlanStatus;
import vn.gems.plans.service.PlanQuery;
import vn.gems.plans.service.PlanSearch;
import vn.gems.plans.service.PlanService;
import vn.gems.plans.service.PlanViews;

/** The public portal's read-only view of issued and closed plans; no token needed (the gateway routes it anonymously). */
@Path("/api/public/plans")
@Tag(name = "Public plans", description = "Issued and closed plans for the public portal: published fields only, no drafts, no internal notes")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicPlanResource {

    private final PlanService plans;
    private final PlanViews views;
    private final PlanSearch search;

    public PublicPlanResource(PlanService plans, PlanViews views, PlanSearch search) {
        this.plans = plans;
        this.views = views;
        this.search = search;
    }

    @GET
    @Operation(summary = "Search issued and closed plans",
            description = "Same filters as /api/plans (q ignores Vietnamese diacritics); status may be ISSUED or CLOSED.")
    public PageView<PlanSummary> search(@Parameter(description = "Administrative unit, e.g. VN-46") @QueryParam("unit") String unit,
                                        @QueryParam("agency") String agency,
                                        @QueryParam("year") @Min(1945) @Max(2100) Integer year,
                                        @QueryParam("kind") PlanKind kind, @QueryParam("status") PlanStatus status,
                                        @QueryParam("parent") Long parent,
                                        @Parameter(description = "Free text, e.g. binh dang gioi") @QueryParam("q") String q,
                                        @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (status == PlanStatus.DRAFT) {
            throw ProblemException.badRequest("INVALID_STATUS", "Drafts are not public",
                    new FieldError("status", "INVALID_VALUE", "must be ISSUED or CLOSED"));
        }
        return search.searchPublished(new PlanQuery(unit, agency, year, kind, status, q, parent), Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An issued or closed plan, whole, without internal notes")
    public PublicPlanView get(@Parameter(description = "Numeric id or plan code") @PathParam("id") String id) {
        return plans.findPublished(id).map(views::publicView).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }
}
