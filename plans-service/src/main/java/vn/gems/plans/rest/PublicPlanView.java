package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.PlanStatus;

import java.time.Instant;

/** An issued or closed plan as the public portal sees it: published fields only, no internal notes. */
@Schema(name = "PublicPlan")
@JsonPropertyOrder({"id", "version", "status", "issuedAt", "closedAt", "parentPlanId"})
public record PublicPlanView(long id, int version, PlanStatus status, Instant issuedAt, Instant closedAt, Long parentPlanId,
                             @JsonUnwrapped PlanDocument document) {
}
