package vn.gems.reporting;

import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.SubmitterMode;
import vn.gems.contracts.plans.TargetComparator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One issued version of a plan as this service uses it: its objectives, targets (Chỉ tiêu) and measures with
 * their stable keys, and its reporting rules. Read from plans-service's plan document
 * ({@link vn.gems.reporting.mapping.PlanReader}).
 */
public record PlanModel(long id, int version, String status, String code, String number, String title, String issuingAgency,
                        String leadAgency, String unitCode, Long parentPlanId, Integer startYear, Integer endYear,
                        List<Objective> objectives, List<Rule> rules, List<String> declaredAssignedAgencies,
                        List<ChildPlan> childPlans, List<String> requestedAgencies) {

    public PlanModel {
        requestedAgencies = requestedAgencies == null ? List.of() : requestedAgencies;
    }

    /** A plan implementing this one, as plans-service lists it: whose agency reports for it, over which unit. */
    public record ChildPlan(long id, String code, String status, String issuingAgency, String leadAgency, String unitCode) {

        /** The child plan's reporting agency: its lead (e.g. the district labour office), else its issuer. */
        public String reportingAgency() {
            return leadAgency != null ? leadAgency : issuingAgency;
        }
    }

    /** The agency that manages and consolidates the plan: the lead, else the issuer. */
    public String managingAgency() {
        return leadAgency != null ? leadAgency : issuingAgency;
    }

    public record Objective(String key, String label, String title, List<Target> targets) {
    }

    public record Target(String key, String label, String text, List<Measure> measures) {
    }

    public record Measure(String key, String indicatorCode, Figure figure, TargetComparator comparator,
                          BigDecimal baselineValue, Integer baselineYear, BigDecimal targetValue, Integer targetYear,
                          Integer fromYear, Map<String, String> dimensions, List<Responsible> responsibleAgencies) {

        public boolean assignedTo(String agency) {
            return responsibleAgencies.stream().anyMatch(r -> r.agency().equals(agency));
        }
    }

    public record Responsible(String agency, String scope) {
    }

    /**
     * A reporting rule: who reports what kind of report, to whom, by which day, over which years. {@code agencies} are
     * the listed (EXPLICIT) or extra required submitters; {@code unit}/{@code level} select UNIT_COMMITTEES,
     * {@code body} BODY_MEMBERS; {@code invited} submitters never count in completeness; {@code consolidates} the
     * keys of the rules this one consolidates (empty: an ordinary report).
     */
    public record Rule(String key, RuleKind kind, Integer dueDay, Integer dueMonth, Integer dueYear, Integer fromYear,
                       Integer toYear, SubmitterMode mode, List<String> agencies, String receivingAgency,
                       Coverage coverage, List<String> consolidates, String title, String unit, String level, String body,
                       List<String> invited) {

        public Rule {
            agencies = agencies == null ? List.of() : agencies;
            consolidates = consolidates == null ? List.of() : consolidates;
            invited = invited == null ? List.of() : invited;
        }

        /** Whether this rule's reports consolidate others' (a consolidated report upward). */
        public boolean consolidating() {
            return !consolidates.isEmpty();
        }
    }

    /** A measure with the target and objective it belongs to. */
    public record Located(Objective objective, Target target, Measure measure) {
    }

    public List<Located> measures() {
        List<Located> all = new ArrayList<>();
        for (Objective o : objectives) {
            for (Target t : o.targets()) {
                for (Measure m : t.measures()) {
                    all.add(new Located(o, t, m));
                }
            }
        }
        return all;
    }

    public Optional<Located> measure(String key) {
        return measures().stream().filter(l -> l.measure().key().equals(key)).findFirst();
    }

    /**
     * Every agency the plan makes responsible (ALL_ASSIGNED): plans-service's list when given, RESPONSIBLE assignments
     * and every measure's responsible agencies.
     */
    public Set<String> assignedAgencies() {
        Set<String> agencies = new LinkedHashSet<>(declaredAssignedAgencies);
        for (Located l : measures()) {
            l.measure().responsibleAgencies().forEach(r -> agencies.add(r.agency()));
        }
        return agencies;
    }

    public Optional<Rule> rule(String key) {
        return rules.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public Optional<Objective> objective(String key) {
        return objectives.stream().filter(o -> o.key().equals(key)).findFirst();
    }
}
