package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Where a plan sits: its ancestors (root first) and the plans that implement it. */
@Schema(name = "PlanTree")
public record PlanTree(List<PlanSummary> ancestors, PlanSummary plan, List<PlanSummary> children) {
}
