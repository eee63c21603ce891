package vn.gems.reporting.service;

import vn.gems.common.problem.FieldError;
import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.SubmitterMode;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.rest.ReportContent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a report must contain, given its plan and obligation. A draft may be incomplete but never wrong (unknown
 * measures or objectives, another agency's measures, parts larger than their total); a submission must in
 * addition carry a narrative and a value for every measure the agency is responsible for, with the parts its
 * figure needs (female and male for shares and ratios, a plain value for rates, counts and milestones).
 */
public final class ContentRules {

    private ContentRules() {
    }

    /** The measures this obligation asks values for, in plan order. */
    public static List<PlanModel.Located> required(PlanModel plan, Obligation o) {
        if (o.coverage == Coverage.NARRATIVE_ONLY) {
            return List.of();
        }
        int year = year(o.period);
        List<PlanModel.Located> list = new ArrayList<>();
        for (PlanModel.Located l : plan.measures()) {
            PlanModel.Measure m = l.measure();
            boolean mine = o.coverage == Coverage.ALL_TARGETS || m.assignedTo(o.assignedAgency) || m.assignedTo(o.agency);
            boolean started = m.fromYear() == null || year >= m.fromYear();
            if (mine && started) {
                list.add(l);
            }
        }
        return list;
    }

    /** Measures the agency may report on: those it is asked for, including ones not started yet. */
    /**
     * A consolidated report: an agency's report upward within its plan ({@code consolidates}), or a child plan's
     * report to its parent's CHILD_PLANS rule (a province's to the ministry). Its figures are the roll-ups of what it
     * received, so none is required and none is sent on to indicators-service (they would count twice).
     */
    public static boolean consolidated(PlanModel plan, Obligation o) {
        return o.consolidates != null || plan.rule(o.ruleKey)
                .map(r -> r.mode() == SubmitterMode.CHILD_PLANS && !r.agencies().contains(o.assignedAgency)).orElse(false);
    }

    static Set<String> allowed(PlanModel plan, Obligation o) {
        Set<String> keys = new HashSet<>();
        if (o.coverage == Coverage.NARRATIVE_ONLY) {
            return keys;
        }
        for (PlanModel.Located l : plan.measures()) {
            if (o.coverage == Coverage.ALL_TARGETS || l.measure().assignedTo(o.assignedAgency) || l.measure().assignedTo(o.agency)) {
                keys.add(l.measure().key());
            }
        }
        return keys;
    }

    /** Errors that make a draft wrong whatever else is filled in later. */
    public static List<FieldError> checkDraft(PlanModel plan, Obligation o, ReportContent c, Set<Long> ownAttachments) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < c.sections().size(); i++) {
            String ok = c.sections().get(i).objectiveKey();
            if (ok != null && plan.objective(ok).isEmpty()) {
                errors.add(new FieldError("sections[" + i + "].objectiveKey", "UNKNOWN_OBJECTIVE", "the plan has no objective " + ok));
            }
        }
        for (int i = 0; i < c.activities().size(); i++) {
            ReportContent.Activity a = c.activities().get(i);
            if (a.objectiveKey() != null && plan.objective(a.objectiveKey()).isEmpty()) {
                errors.add(new FieldError("activities[" + i + "].objectiveKey", "UNKNOWN_OBJECTIVE", "the plan has no objective " + a.objectiveKey()));
            }
            if (a.participantsTotal() != null && a.participantsFemale() != null && a.participantsMale() != null
                    && a.participantsTotal() < a.participantsFemale() + a.participantsMale()) {
                errors.add(new FieldError("activities[" + i + "].participantsTotal", "TOTAL_BELOW_PARTS",
                        "must be at least participantsFemale + participantsMale"));
            }
        }
        Set<String> allowed = allowed(plan, o);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.values().size(); i++) {
            ReportContent.Value v = c.values().get(i);
            String at = "values[" + i + "]";
            var located = plan.measure(v.measureKey());
            if (located.isEmpty()) {
                errors.add(new FieldError(at + ".measureKey", "UNKNOWN_MEASURE", "the plan has no measure " + v.measureKey()));
                continue;
            }
            if (!allowed.contains(v.measureKey())) {
                errors.add(new FieldError(at + ".measureKey", "NOT_YOUR_MEASURE",
                        o.coverage == Coverage.NARRATIVE_ONLY ? "this report is narrative only" : "your agency is not responsible for " + v.measureKey()));
                continue;
            }
            if (!seen.add(v.measureKey())) {
                errors.add(new FieldError(at + ".measureKey", "DUPLICATE_MEASURE", v.measureKey() + " is reported twice"));
            }
            if (v.total() != null && v.female() != null && v.male() != null && v.total().compareTo(v.female().add(v.male())) < 0) {
                errors.add(new FieldError(at + ".total", "TOTAL_BELOW_PARTS", "must be at least female + male"));
            }
            if (v.numerator() != null && v.denominator() != null && v.denominator().signum() == 0) {
                errors.add(new FieldError(at + ".denominator", "ZERO_DENOMINATOR", "must not be zero"));
            }
            Figure f = located.get().measure().figure();
            if (f == Figure.MILESTONE && v.value() != null && v.value().compareTo(BigDecimal.ZERO) != 0 && v.value().compareTo(BigDecimal.ONE) != 0) {
                errors.add(new FieldError(at + ".value", "MILESTONE_IS_YES_NO", "a milestone is 1 (reached) or 0 (not yet)"));
            }
            if (f == Figure.COUNT && v.value() != null && (v.value().signum() < 0 || v.value().stripTrailingZeros().scale() > 0)) {
                errors.add(new FieldError(at + ".value", "COUNT_IS_WHOLE", "a count is a whole number of at least 0"));
            }
            if (v.attachmentId() != null && !ownAttachments.contains(v.attachmentId())) {
                errors.add(new FieldError(at + ".attachmentId", "UNKNOWN_ATTACHMENT", "attachment " + v.attachmentId() + " is not one of this report's files"));
            }
        }
        return errors;
    }

    /** Errors that keep a complete-looking draft from being submitted. */
    public static List<FieldError> checkSubmission(PlanModel plan, Obligation o, ReportContent c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.sections().isEmpty()) {
            errors.add(new FieldError("sections", "NARRATIVE_REQUIRED",
                    "a report needs at least one narrative section (results, activities, difficulties or proposals)"));
        }
        if (consolidated(plan, o)) {
            // A consolidated report's figures are what the roll-ups found; "no data" is a finding, not a gap to fill.
            return errors;
        }
        Map<String, ReportContent.Value> byKey = new LinkedHashMap<>();
        c.values().forEach(v -> byKey.putIfAbsent(v.measureKey(), v));
        for (PlanModel.Located l : required(plan, o)) {
            PlanModel.Measure m = l.measure();
            ReportContent.Value v = byKey.get(m.key());
            String at = "values[" + m.key() + "]";
            if (v == null) {
                errors.add(new FieldError(at, "MISSING_VALUE", "a value for " + m.key() + " (" + l.target().text() + ") is required"));
                continue;
            }
            Figure f = m.figure();
            if (f.needsFemaleAndMale()) {
                need(errors, at + ".female", v.female());
                need(errors, at + ".male", v.male());
            } else if (f == Figure.FEMALE_VALUE) {
                need(errors, at + ".female", v.female());
            } else if (f == Figure.MALE_VALUE) {
                need(errors, at + ".male", v.male());
            } else if (f == Figure.TOTAL) {
                need(errors, at + ".total", v.total());
            } else if (v.numerator() == null || v.denominator() == null) {
                // A rate may be given as its numerator and denominator instead.
                need(errors, at + ".value", v.value());
            }
        }
        return errors;
    }

    private static void need(List<FieldError> errors, String field, BigDecimal v) {
        if (v == null) {
            errors.add(new FieldError(field, "MISSING_VALUE", "is required for this measure"));
        }
    }

    /** The year a period label is about: {@code 2024}, {@code 2024S1}, {@code 2024Q3}, {@code 2024-07}. */
    public static int year(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }
}
