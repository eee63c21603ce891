package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A plan version as plans-service answers {@code GET /api/plans/{id}} and {@code /api/plans/{id}/versions/{n}}: the
 * fields reporting-service reads of the plan document plus {@code id}, {@code version}, {@code status}, the agencies
 * the plan assigns and its child plans. {@code status} is plans-service's PlanStatus name (DRAFT, ISSUED, CLOSED…).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(Long id, Integer version, String status, String code, String documentNumber, String title,
                   String issuingAgency, String leadAgency, String unitCode, Integer periodFrom, Integer periodTo,
                   Long parentPlanId, String parentPlan, List<Objective> objectives, List<Assignment> assignments,
                   List<ReportingRule> reportingRules, List<String> assignedAgencies, List<ChildPlan> childPlans) {

    public Plan {
        objectives = objectives == null ? List.of() : objectives;
        assignments = assignments == null ? List.of() : assignments;
        reportingRules = reportingRules == null ? List.of() : reportingRules;
        assignedAgencies = assignedAgencies == null ? List.of() : assignedAgencies;
        childPlans = childPlans == null ? List.of() : childPlans;
    }
}
