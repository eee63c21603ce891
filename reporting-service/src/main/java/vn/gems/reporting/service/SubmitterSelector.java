package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.contracts.plans.Membership;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.client.IndicatorsClient;
import vn.gems.reporting.client.PlansClient;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who submits under a rule for one period, as things stand on its due date: required submitters by the rule's mode
 * (plus its extra agencies), and invited ones (the rule's {@code invited}; under ALL_ASSIGNED also the plan's
 * REQUESTED assignments). An agency both required and invited is invited. UNIT_COMMITTEES asks indicators-service
 * once per rule and period for the units at the level inside the territory; BODY_MEMBERS asks plans-service once
 * for the body's members on the due date.
 */
@ApplicationScoped
public class SubmitterSelector {

    /** The People's Committee of a unit is the agency {@code PC-<unit code>} (plans-service's CommitteeService). */
    static final String COMMITTEE_PREFIX = "PC-";

    private final IndicatorsClient indicators;
    private final PlansClient plans;

    public SubmitterSelector(IndicatorsClient indicators, PlansClient plans) {
        this.indicators = indicators;
        this.plans = plans;
    }

    /** Submitter → required (false: invited), in a stable order. */
    public Map<String, Boolean> submitters(PlanModel plan, PlanModel.Rule rule, LocalDate due) {
        Set<String> required = new LinkedHashSet<>(rule.agencies());
        Set<String> invited = new LinkedHashSet<>(rule.invited());
        switch (rule.mode()) {
            case EXPLICIT -> {
                // the listed agencies are all there is
            }
            case ALL_ASSIGNED -> {
                required.addAll(plan.assignedAgencies());
                invited.addAll(plan.requestedAgencies());
            }
            case CHILD_PLANS -> required.addAll(childPlanAgencies(plan));
            case UNIT_COMMITTEES -> required.addAll(committees(plan, rule, due));
            case BODY_MEMBERS -> required.addAll(members(rule, due));
        }
        required.removeAll(invited);
        Map<String, Boolean> out = new LinkedHashMap<>();
        required.forEach(a -> out.put(a, true));
        invited.forEach(a -> out.putIfAbsent(a, false));
        return out;
    }

    private List<String> committees(PlanModel plan, PlanModel.Rule rule, LocalDate due) {
        String unit = rule.unit() != null ? rule.unit() : plan.unitCode();
        if (unit == null || rule.level() == null) {
            return List.of();
        }
        return indicators.unitsAt(unit, rule.level(), due).stream().map(u -> COMMITTEE_PREFIX + u).toList();
    }

    private List<String> members(PlanModel.Rule rule, LocalDate due) {
        if (rule.body() == null) {
            return List.of();
        }
        return plans.members(rule.body(), due).orElse(List.of()).stream().map(Membership::agency).toList();
    }

    private static Set<String> childPlanAgencies(PlanModel plan) {
        Set<String> s = new LinkedHashSet<>();
        for (PlanModel.ChildPlan child : plan.childPlans()) {
            if (child.reportingAgency() != null && !"DRAFT".equals(child.status())) {
                s.add(child.reportingAgency());
            }
        }
        // Children this service heard of itself, in case plans-service's list lags behind an issue event.
        for (PlanRef ref : PlanRef.<PlanRef>list("parentPlanId", plan.id())) {
            String agency = ref.leadAgency != null ? ref.leadAgency : ref.issuingAgency;
            if (agency != null && !"CLOSED".equals(ref.status)) {
                s.add(agency);
            }
        }
        return s;
    }
}
