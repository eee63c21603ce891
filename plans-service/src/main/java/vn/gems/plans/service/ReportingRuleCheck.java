package vn.gems.plans.service;

import vn.gems.common.problem.FieldError;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.SubmitterMode;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ReportingRule;
import vn.gems.plans.rest.Submitters;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
                submitters(doc, r.submitters(), at + ".submitters", errors);
            }
            consolidates(r, at, byKey, errors);
        }
    }

    /** What each mode needs and what it does not take; the registry checks (agencies, body kind) are PlanReferenceCheck's. */
    private static void submitters(PlanDocument doc, Submitters s, String at, List<FieldError> errors) {
        SubmitterMode mode = s.mode();
        if (mode == SubmitterMode.EXPLICIT && s.agencies().isEmpty()) {
            errors.add(new FieldError(at + ".agencies", "MISSING_SUBMITTERS", "list the submitting agencies"));
        }
        if (mode == SubmitterMode.UNIT_COMMITTEES) {
            if (s.level() == null) {
                errors.add(new FieldError(at + ".level", "MISSING_LEVEL",
                        "UNIT_COMMITTEES needs the level whose People's Committees submit: PROVINCE, DISTRICT or COMMUNE"));
            }
            if (isBlank(s.unit()) && isBlank(doc.unitCode())) {
                errors.add(new FieldError(at + ".unit", "MISSING_UNIT", "UNIT_COMMITTEES needs a unit (or the plan's unitCode)"));
            }
        } else {
            notApplicable(s.unit(), at + ".unit", "unit is used only with mode UNIT_COMMITTEES", errors);
            notApplicable(s.level(), at + ".level", "level is used only with mode UNIT_COMMITTEES", errors);
        }
        if (mode == SubmitterMode.BODY_MEMBERS) {
            if (isBlank(s.body())) {
                errors.add(new FieldError(at + ".body", "MISSING_BODY", "BODY_MEMBERS needs the agency code of the body whose members submit"));
            }
        } else {
            notApplicable(s.body(), at + ".body", "body is used only with mode BODY_MEMBERS", errors);
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < s.invited().size(); k++) {
            String code = s.invited().get(k);
            if (code != null && !seen.add(code)) {
                errors.add(new FieldError(at + ".invited[" + k + "]", "DUPLICATE_AGENCY", "agency " + code + " is invited twice"));
            }
        }
    }

    /** Every consolidated key names another rule of the plan, and following them never comes back. */
    private static void consolidates(ReportingRule r, String at, Map<String, ReportingRule> byKey, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < r.consolidates().size(); k++) {
            String key = r.consolidates().get(k);
            String path = at + ".consolidates[" + k + "]";
            if (key == null) {
                continue;
            }
            if (!seen.add(key)) {
                errors.add(new FieldError(path, "DUPLICATE_RULE", "rule " + key + " is listed twice"));
            } else if (key.equals(r.key())) {
                errors.add(new FieldError(at + ".consolidates", "RULE_CYCLE", "a rule cannot consolidate itself"));
            } else if (!byKey.containsKey(key)) {
                errors.add(new FieldError(path, "UNKNOWN_RULE", "no reporting rule of this plan has key " + key));
            }
        }
        if (r.key() != null && !r.consolidates().contains(r.key()) && reaches(r, r.key(), byKey)) {
            errors.add(new FieldError(at + ".consolidates", "RULE_CYCLE", "the consolidation chain loops back to " + r.key()));
        }
    }

    /** Whether following the consolidated rules from {@code start} reaches {@code target} again. */
    private static boolean reaches(ReportingRule start, String target, Map<String, ReportingRule> byKey) {
        Set<String> visited = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        start.consolidates().stream().filter(Objects::nonNull).forEach(todo::add);
        while (!todo.isEmpty()) {
            String key = todo.poll();
            if (key == null || !visited.add(key)) {
                continue;
            }
            if (key.equals(target)) {
                return true;
            }
            ReportingRule next = byKey.get(key);
            if (next != null) {
                next.consolidates().stream().filter(Objects::nonNull).forEach(todo::add);
            }
        }
        return false;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void notApplicable(String value, String at, String why, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(at, "NOT_APPLICABLE", why));
        }
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
