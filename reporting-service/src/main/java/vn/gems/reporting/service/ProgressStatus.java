package vn.gems.reporting.service;

import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.PlanModel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Where a target measure stands in a year. ACHIEVED when the value meets the target: by its comparator, inside its
 * range ("30–40%"), or within the measure's own tolerance for "about"/"equal" (109 ± 2; only a measure without one
 * falls back to the configured percentages). Otherwise ON_TRACK or OFF_TRACK: against the plan's interim target for
 * the year when it sets one; else, with a baseline, against the straight path from baseline to target (the value must
 * be at least as far along as that path expects for the year); else by the change since the previous period
 * projected to the target year. A target year that has come without the target met is OFF_TRACK; no value is
 * NO_DATA. Milestones ("from 2025 on") are ON_TRACK until their year, then ACHIEVED or OFF_TRACK.
 */
public final class ProgressStatus {

    public static final String ACHIEVED = "ACHIEVED";
    public static final String ON_TRACK = "ON_TRACK";
    public static final String OFF_TRACK = "OFF_TRACK";
    public static final String NO_DATA = "NO_DATA";

    private static final MathContext MC = new MathContext(12, RoundingMode.HALF_UP);

    public record Assessment(String status, String reason) {
    }

    private ProgressStatus() {
    }

    public static Assessment assess(PlanModel.Measure m, int year, BigDecimal current, BigDecimal previous,
                                    BigDecimal aboutTolerancePercent, BigDecimal equalTolerancePercent) {
        if (current == null) {
            return new Assessment(NO_DATA, "no value for the period");
        }
        if (m.figure() == Figure.MILESTONE) {
            if (current.compareTo(BigDecimal.ONE) >= 0) {
                return new Assessment(ACHIEVED, "milestone reached");
            }
            Integer deadline = m.fromYear() != null ? m.fromYear() : m.targetYear();
            return deadline != null && year < deadline
                    ? new Assessment(ON_TRACK, "milestone due from " + deadline)
                    : new Assessment(OFF_TRACK, "milestone not reached" + (deadline == null ? "" : " by " + deadline));
        }
        TargetComparator c = m.comparator();
        BigDecimal target = m.targetValue();
        if (c == null || target == null) {
            return new Assessment(NO_DATA, "the measure states no comparable target");
        }
        Goal goal = Goal.of(m, aboutTolerancePercent, equalTolerancePercent);
        if (goal.meets(current)) {
            return new Assessment(ACHIEVED, plain(current) + " meets " + goal);
        }
        if (m.targetYear() != null && year >= m.targetYear()) {
            return new Assessment(OFF_TRACK, "target year " + m.targetYear() + " reached at " + plain(current) + " against " + goal);
        }
        Optional<PlanModel.Interim> interim = m.interimFor(year);
        if (interim.isPresent()) {
            BigDecimal expected = interim.get().value();
            boolean onTrack = goal.asFarAs(current, expected);
            return new Assessment(onTrack ? ON_TRACK : OFF_TRACK, "the plan's interim target for " + year + " is "
                    + plain(expected) + "; value " + plain(current) + " (target " + goal + ")");
        }
        if (m.baselineValue() != null && m.baselineYear() != null && m.targetYear() != null && m.targetYear() > m.baselineYear()) {
            BigDecimal b = m.baselineValue();
            int elapsed = Math.max(0, year - m.baselineYear());
            BigDecimal expected = b.add(target.subtract(b).multiply(BigDecimal.valueOf(elapsed))
                    .divide(BigDecimal.valueOf(m.targetYear() - m.baselineYear()), MC));
            String why = "path from baseline " + plain(b) + " (" + m.baselineYear() + ") to " + plain(target) + " (" + m.targetYear()
                    + ") expects " + plain(expected.setScale(2, RoundingMode.HALF_UP)) + " in " + year + "; value " + plain(current);
            return new Assessment(goal.asFarAs(current, expected) ? ON_TRACK : OFF_TRACK, why);
        }
        if (previous != null && m.targetYear() != null) {
            if (goal.upward() == null) {
                boolean closer = goal.distance(current).compareTo(goal.distance(previous)) < 0;
                return new Assessment(closer ? ON_TRACK : OFF_TRACK, (closer ? "moving towards " : "not moving towards ") + goal
                        + " (" + plain(previous) + " → " + plain(current) + ")");
            }
            BigDecimal projected = current.add(current.subtract(previous).multiply(BigDecimal.valueOf(m.targetYear() - year)));
            boolean reaches = goal.meets(projected);
            return new Assessment(reaches ? ON_TRACK : OFF_TRACK, "trend " + plain(previous) + " → " + plain(current) + " projects "
                    + plain(projected.setScale(2, RoundingMode.HALF_UP)) + " by " + m.targetYear() + " against " + goal);
        }
        return new Assessment(OFF_TRACK, "not met (" + plain(current) + " against " + goal + ") and no baseline or earlier value shows a trend");
    }

    /**
     * The values that meet a measure: a lower and an upper bound (null = open), each inclusive or strict, and the
     * words that say so in a reason.
     */
    record Goal(BigDecimal low, boolean lowStrict, BigDecimal high, boolean highStrict, Boolean upward, String words) {

        static Goal of(PlanModel.Measure m, BigDecimal aboutPercent, BigDecimal equalPercent) {
            BigDecimal t = m.targetValue();
            BigDecimal h = m.targetValueHigh();
            TargetComparator c = m.comparator();
            if (h != null && (c == TargetComparator.RANGE || c == TargetComparator.AT_LEAST)) {
                return new Goal(t, false, h, false, null, c + " " + plain(t) + "–" + plain(h));
            }
            return switch (c) {
                case AT_LEAST -> new Goal(t, false, null, false, true, c + " " + plain(t));
                case ABOVE -> new Goal(t, true, null, false, true, c + " " + plain(t));
                case AT_MOST, REDUCE_TO -> new Goal(null, false, t, false, false, c + " " + plain(t));
                case BELOW -> new Goal(null, false, t, true, false, c + " " + plain(t));
                case RANGE -> new Goal(t, false, t, false, null, c + " " + plain(t));
                case EQUAL, ABOUT -> {
                    // The plan's own ± when it states one; else the configured share of the target.
                    BigDecimal tol = m.tolerance() != null ? m.tolerance().abs()
                            : t.abs().multiply(c == TargetComparator.ABOUT ? aboutPercent : equalPercent).divide(BigDecimal.valueOf(100), MC);
                    String words = c + " " + plain(t) + (m.tolerance() != null ? " ± " + plain(tol) : "");
                    yield new Goal(t.subtract(tol), false, t.add(tol), false, null, words);
                }
            };
        }

        boolean meets(BigDecimal v) {
            boolean aboveLow = low == null || (lowStrict ? v.compareTo(low) > 0 : v.compareTo(low) >= 0);
            boolean belowHigh = high == null || (highStrict ? v.compareTo(high) < 0 : v.compareTo(high) <= 0);
            return aboveLow && belowHigh;
        }

        /** How far a value is from the values that meet the goal (0 inside). */
        BigDecimal distance(BigDecimal v) {
            if (low != null && v.compareTo(low) < 0) {
                return low.subtract(v);
            }
            if (high != null && v.compareTo(high) > 0) {
                return v.subtract(high);
            }
            return BigDecimal.ZERO;
        }

        /** Whether a value has come at least as far as an expected one: upward, downward, or as close to the goal. */
        boolean asFarAs(BigDecimal v, BigDecimal expected) {
            if (upward == null) {
                return distance(v).compareTo(distance(expected)) <= 0;
            }
            return upward ? v.compareTo(expected) >= 0 : v.compareTo(expected) <= 0;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
