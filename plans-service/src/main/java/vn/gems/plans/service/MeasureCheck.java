package vn.gems.plans.service;

import vn.gems.common.problem.FieldError;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.plans.rest.InterimTarget;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ResponsibleAgency;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of one measure: target values that fit the figure, baseline before target, years within the plan's
 * period, each responsible agency listed once; a range's upper end above its lower, a tolerance only around an
 * "about" or exact target, interim targets once a year between baseline and target year.
 */
final class MeasureCheck {

    private MeasureCheck() {
    }

    static void check(PlanDocument doc, Measure m, String at, List<FieldError> errors) {
        BigDecimal target = m.targetValue();
        MeasureCheck.fits(m.figure(), target, at + ".targetValue", errors);
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
        MeasureCheck.range(m, at, errors);
        MeasureCheck.tolerance(m, at, errors);
        MeasureCheck.interimTargets(doc, m, at, errors);
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

    /** A value a figure can take: milestones 1 or 0, shares 0–100, counts whole, others not negative (gaps may be). */
    private static void fits(Figure figure, BigDecimal v, String field, List<FieldError> errors) {
        if (v == null || figure == null) {
            return;
        }
        switch (figure) {
            case MILESTONE -> {
                if (v.compareTo(BigDecimal.ONE) != 0 && v.signum() != 0) {
                    errors.add(new FieldError(field, "INVALID_MILESTONE", "a milestone's target is 1 (achieved) or 0"));
                }
            }
            case FEMALE_SHARE -> {
                if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError(field, "OUT_OF_RANGE", "a female share is a percentage from 0 to 100"));
                }
            }
            case COUNT -> {
                if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
                    errors.add(new FieldError(field, "OUT_OF_RANGE", "a count is a whole number, 0 or more"));
                }
            }
            case GAP -> {
                // A gap may be negative (women ahead).
            }
            default -> {
                if (v.signum() < 0) {
                    errors.add(new FieldError(field, "OUT_OF_RANGE", "must not be negative"));
                }
            }
        }
    }

    /** "30–40%": RANGE needs the high end; AT_LEAST may carry one (at least 30, at most 40); no other comparator can. */
    private static void range(Measure m, String at, List<FieldError> errors) {
        BigDecimal high = m.targetValueHigh();
        if (high == null) {
            if (m.comparator() == TargetComparator.RANGE) {
                errors.add(new FieldError(at + ".targetValueHigh", "RANGE_HIGH_REQUIRED", "a RANGE target needs targetValueHigh, the upper end"));
            }
            return;
        }
        if (m.comparator() != null && m.comparator() != TargetComparator.RANGE && m.comparator() != TargetComparator.AT_LEAST) {
            errors.add(new FieldError(at + ".targetValueHigh", "NOT_APPLICABLE",
                    "an upper end goes with comparator RANGE or AT_LEAST, not " + m.comparator()));
        } else if (m.figure() == Figure.MILESTONE) {
            errors.add(new FieldError(at + ".targetValueHigh", "NOT_APPLICABLE", "a milestone has no range"));
            return;
        }
        if (m.targetValue() != null && high.compareTo(m.targetValue()) <= 0) {
            errors.add(new FieldError(at + ".targetValueHigh", "RANGE_ORDER", "the upper end must be above targetValue ("
                    + m.targetValue().stripTrailingZeros().toPlainString() + ")"));
        }
        MeasureCheck.fits(m.figure(), high, at + ".targetValueHigh", errors);
    }

    /** "Khoảng 85%" ± what the plan says: only for ABOUT and EQUAL, positive, and not on a milestone. */
    private static void tolerance(Measure m, String at, List<FieldError> errors) {
        BigDecimal tol = m.tolerance();
        if (tol == null) {
            return;
        }
        if (tol.signum() <= 0) {
            errors.add(new FieldError(at + ".tolerance", "OUT_OF_RANGE", "a tolerance is above 0"));
        }
        if (m.figure() == Figure.MILESTONE
                || m.comparator() != null && m.comparator() != TargetComparator.ABOUT && m.comparator() != TargetComparator.EQUAL) {
            errors.add(new FieldError(at + ".tolerance", "NOT_APPLICABLE", "a tolerance goes with an ABOUT or EQUAL target, not "
                    + (m.figure() == Figure.MILESTONE ? "a milestone" : m.comparator())));
        }
    }

    /** Yearly interim targets: one per year, inside the plan's period, after the baseline and before the target year. */
    private static void interimTargets(PlanDocument doc, Measure m, String at, List<FieldError> errors) {
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < m.interimTargets().size(); i++) {
            InterimTarget it = m.interimTargets().get(i);
            if (it == null || it.year() == null) {
                continue;
            }
            String here = at + ".interimTargets[" + i + "]";
            if (m.figure() == Figure.MILESTONE) {
                errors.add(new FieldError(here, "NOT_APPLICABLE", "a milestone has no interim targets"));
                continue;
            }
            if (!years.add(it.year())) {
                errors.add(new FieldError(here + ".year", "DUPLICATE_YEAR", "year " + it.year() + " has two interim targets"));
            }
            if (m.targetYear() != null && it.year() >= m.targetYear()) {
                errors.add(new FieldError(here + ".year", "INTERIM_NOT_BEFORE_TARGET",
                        "an interim target falls before the target year " + m.targetYear()));
            }
            if (m.baselineYear() != null && it.year() <= m.baselineYear()) {
                errors.add(new FieldError(here + ".year", "INTERIM_NOT_AFTER_BASELINE",
                        "an interim target falls after the baseline year " + m.baselineYear()));
            }
            MeasureCheck.inPeriod(doc, it.year(), here + ".year", errors);
            MeasureCheck.fits(m.figure(), it.value(), here + ".value", errors);
        }
    }

    static void inPeriod(PlanDocument doc, Integer year, String at, List<FieldError> errors) {
        if (year != null && doc.periodFrom() != null && doc.periodTo() != null && (year < doc.periodFrom() || year > doc.periodTo())) {
            errors.add(new FieldError(at, "YEAR_OUTSIDE_PERIOD", year + " is outside the plan's period " + doc.periodFrom() + "-" + doc.periodTo()));
        }
    }

}
