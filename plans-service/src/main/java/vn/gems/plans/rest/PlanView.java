package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.PlanStatus;

import java.time.Instant;
import java.util.List;

/**
 * A plan version as {@code GET /api/plans/{id}} and {@code /versions/{n}} answer it: the whole document plus
 * {@code id}, {@code version}, {@code status} and what readers need to follow it (ETag revision, the tree,
 * the agencies it assigns).
 */
@Schema(name = "Plan", description = "The plan document (see PlanDocument) plus id, version, status and derived fields")
@JsonPropertyOrder({"id", "version", "status", "current", "revision", "issuedAt", "closedAt", "parentPlanId",
        "assignedAgencies", "childPlans"})
public record PlanView(
        long id,
        @Schema(description = "Document version (1 = as first issued; each amendment adds one)") int version,
        @Schema(description = "The plan's lifecycle status") PlanStatus status,
        @Schema(description = "Whether this is the version in force") boolean current,
        @Schema(description = "ETag value of the plan (changes on every write); send it back in If-Match") long revision,
        Instant issuedAt,
        Instant closedAt,
        Long parentPlanId,
        @Schema(description = "Every agency the plan assigns: assignments plus every measure's responsible agencies (what ALL_ASSIGNED means)")
        List<String> assignedAgencies,
        @Schema(description = "Plans that implement this one") List<ChildPlan> childPlans,
        @JsonUnwrapped PlanDocument document) {

    /** A child plan, enough to resolve CHILD_PLANS submitters. */
    @Schema(name = "ChildPlan")
    public record ChildPlan(long id, String code, PlanStatus status, String issuingAgency, String leadAgency,
                            String unitCode, int periodFrom, int periodTo) {
    }
}
