package vn.gems.plans.service;

import vn.gems.common.problem.FieldError;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.SubmitterMode;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ReportingRule;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the reporting rules: due dates that exist for their kind (one-off, recurring, on request), years
 * within the plan's period, submitters that fit their mode, consolidation chains without loops.
 */
final class ReportingRuleCheck {

    private ReportingRuleCheck() {
    }

    static void check(PlanDocument doc, List<FieldError> errors) {
        Map<String, ReportingRule> byKey = new HashMap<>();
        doc.reportingRules().forEach(r -> {
            if (r != null) {
                byKey.putIfAbsent(r.key(), r);
            }
        });
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            if (r == null || r.kind() == null) {
                continue;
            }
            String at = "reportingRules[" + i + "]";
            RuleKind kind = r.kind();
            if (kind.oneOff()) {
                require(r.dueDay(), at + ".dueDay", errors);
                require(r.dueMonth(), at + ".dueMonth", errors);
                require(r.dueYear(), at + ".dueYear", errors);
                notApplicable(r.fromYear(), at + ".fromYear", "a one-off rule has a due year, not a year range", errors);
                notApplicable(r.toYear(), at + ".toYear", "a one-off rule has a due year, not a year range", errors);
            } else if (!kind.onRequest()) {
                require(r.dueDay(), at + ".dueDay", errors);
                require(r.dueMonth(), at + ".dueMonth", errors);
                notApplicable(r.dueYear(), at + ".dueYear", "a recurring rule applies every year from fromYear to toYear", errors);
            } else if ((r.dueDay() == null) != (r.dueMonth() == null)) {
                errors.add(new FieldError(at + (r.dueDay() == null ? ".dueDay" : ".dueMonth"), "MISSING_DUE_DATE",
                        "give both the due day and month, or neither (on request)"));
            }
            checkDueDate(r, at, errors);
            if (r.dueYear() != null && doc.periodFrom() != null && doc.periodTo() != null
                    && (r.dueYear() < doc.periodFrom() - 1 || r.dueYear() > doc.periodTo() + 1)) {
                errors.add(new FieldError(at + ".dueYear", "YEAR_OUTSIDE_PERIOD",
                        "the due year must fall within a year of the plan's period " + doc.periodFrom() + "-" + doc.periodTo()));
            }
            if (r.fromYear() != null && r.toYear() != null && r.fromYear() > r.toYear()) {
                errors.add(new FieldError(at + ".toYear", "YEAR_ORDER", "toYear must not be before fromYear"));
            }
            MeasureCheck.inPeriod(doc, r.fromYear(), at + ".fromYear", errors);
            MeasureCheck.inPeriod(doc, r.toYear(), at + ".toYear", errors);
            if (r.submitters() != null && r.submitters().mode() != null) {
                if (r.submitters().mode() == SubmitterMode.EXPLICIT && r.submitters().agencies().isEmpty()) {
                    errors.add(new FieldError(at + ".submitters.agencies", "MISSING_SUBMITTERS", "list the submitting agencies"));
                }
                if (r.submitters().mode() != SubmitterMode.EXPLICIT && !r.submitters().agencies().isEmpty()) {
                    errors.add(new FieldError(at + ".submitters.agencies", "NOT_APPLICABLE",
                            "agencies are listed only with mode EXPLICIT; " + r.submitters().mode() + " derives them from the plan"));
                }
            }
            if (r.consolidates() != null) {
                if (r.consolidates().equals(r.key())) {
                    errors.add(new FieldError(at + ".consolidates", "RULE_CYCLE", "a rule cannot consolidate itself"));
                } else if (!byKey.containsKey(r.consolidates())) {
                    errors.add(new FieldError(at + ".consolidates", "UNKNOWN_RULE", "no reporting rule of this plan has key " + r.consolidates()));
                } else if (consolidationLoops(r, byKey)) {
                    errors.add(new FieldError(at + ".consolidates", "RULE_CYCLE", "the consolidation chain loops back to " + r.key()));
                }
            }
        }
    }

    private static boolean consolidationLoops(ReportingRule start, Map<String, ReportingRule> byKey) {
        Set<String> seen = new HashSet<>();
        ReportingRule r = start;
        while (r != null && r.consolidates() != null) {
            if (!seen.add(r.key())) {
                return true;
            }
            r = byKey.get(r.consolidates());
            if (r != null && r.key().equals(start.key())) {
                return true;
            }
        }
        return false;
    }

    private static void checkDueDate(ReportingRule r, String at, List<FieldError> errors) {
        if (r.dueDay() == null || r.dueMonth() == null || r.dueMonth() < 1 || r.dueMonth() > 12 || r.dueDay() < 1 || r.dueDay() > 31) {
            return;
        }
        try {
            if (r.dueYear() != null) {
                LocalDate.of(r.dueYear(), r.dueMonth(), r.dueDay());
            } else {
                MonthDay md = MonthDay.of(r.dueMonth(), r.dueDay());
                if (md.equals(MonthDay.of(2, 29))) {
                    throw new DateTimeException("29 February is not a yearly date");
                }
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError(at + ".dueDay", "INVALID_DUE_DATE", r.dueDay() + "/" + r.dueMonth()
                    + (r.dueYear() == null ? " is not a date every year" : "/" + r.dueYear() + " is not a date")));
        }
    }

    private static void require(Integer value, String at, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(at, "MISSING_DUE_DATE", "required for this kind of rule"));
        }
    }

    private static void notApplicable(Integer value, String at, String why, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(at, "NOT_APPLICABLE", why));
        }
    }

}
