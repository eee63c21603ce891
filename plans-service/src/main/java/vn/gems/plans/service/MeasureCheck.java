package vn.gems.plans.service;

import vn.gems.common.problem.FieldError;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ResponsibleAgency;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of one measure: target values that fit the figure, baseline before target, years within the plan's
 * period, each responsible agency listed once.
 */
final class MeasureCheck {

    private MeasureCheck() {
    }

    static void check(PlanDocument doc, Measure m, String at, List<FieldError> errors) {
        BigDecimal target = m.targetValue();
        if (target != null && m.figure() != null) {
            switch (m.figure()) {
                case MILESTONE -> {
                    if (target.compareTo(BigDecimal.ONE) != 0 && target.signum() != 0) {
                        errors.add(new FieldError(at + ".targetValue", "INVALID_MILESTONE", "a milestone's target is 1 (achieved) or 0"));
                    }
                }
                case FEMALE_SHARE -> {
                    if (target.signum() < 0 || target.compareTo(BigDecimal.valueOf(100)) > 0) {
                        errors.add(new FieldError(at + ".targetValue", "OUT_OF_RANGE", "a female share is a percentage from 0 to 100"));
                    }
                }
                case COUNT -> {
                    if (target.signum() < 0 || target.stripTrailingZeros().scale() > 0) {
                        errors.add(new FieldError(at + ".targetValue", "OUT_OF_RANGE", "a count is a whole number, 0 or more"));
                    }
                }
                case GAP -> {
                    // A gap may be negative (women ahead).
                }
                default -> {
                    if (target.signum() < 0) {
                        errors.add(new FieldError(at + ".targetValue", "OUT_OF_RANGE", "must not be negative"));
                    }
                }
            }
        }
        if (m.comparator() == TargetComparator.REDUCE_TO && m.baselineValue() != null && target != null
                && m.baselineValue().compareTo(target) <= 0) {
            errors.add(new FieldError(at + ".baselineValue", "BASELINE_NOT_ABOVE_TARGET",
                    "to reduce from a baseline to a target the baseline must be above the target"));
        }
        if (m.baselineValue() == null && m.baselineYear() != null) {
            errors.add(new FieldError(at + ".baselineYear", "NOT_APPLICABLE", "a baseline year needs a baseline value"));
        }
        Integer when = m.targetYear() != null ? m.targetYear() : m.fromYear();
        if (m.baselineYear() != null && when != null && m.baselineYear() > when) {
            errors.add(new FieldError(at + ".baselineYear", "BASELINE_AFTER_TARGET", "the baseline year must not be after the target year"));
        }
        if (m.fromYear() != null && m.targetYear() != null && m.fromYear() > m.targetYear()) {
            errors.add(new FieldError(at + ".fromYear", "YEAR_ORDER", "fromYear must not be after targetYear"));
        }
        MeasureCheck.inPeriod(doc, m.targetYear(), at + ".targetYear", errors);
        MeasureCheck.inPeriod(doc, m.fromYear(), at + ".fromYear", errors);
        Set<String> seen = new HashSet<>();
        List<ResponsibleAgency> agencies = m.responsibleAgencies() == null ? List.of() : m.responsibleAgencies();
        for (int r = 0; r < agencies.size(); r++) {
            ResponsibleAgency ra = agencies.get(r);
            if (ra != null && ra.agency() != null && !seen.add(ra.agency())) {
                errors.add(new FieldError(at + ".responsibleAgencies[" + r + "].agency", "DUPLICATE_AGENCY",
                        "agency " + ra.agency() + " is listed twice for this measure"));
            }
        }
    }

    static void inPeriod(PlanDocument doc, Integer year, String at, List<FieldError> errors) {
        if (year != null && doc.periodFrom() != null && doc.periodTo() != null && (year < doc.periodFrom() || year > doc.periodTo())) {
            errors.add(new FieldError(at, "YEAR_OUTSIDE_PERIOD", year + " is outside the plan's period " + doc.periodFrom() + "-" + doc.periodTo()));
        }
    }

}
