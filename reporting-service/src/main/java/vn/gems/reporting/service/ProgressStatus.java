package vn.gems.reporting.service;

import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.PlanModel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Where a target measure stands in a year. ACHIEVED when the value meets the target by its comparator; otherwise
 * ON_TRACK or OFF_TRACK by the trend: with a baseline, against the straight path from baseline to target (the
 * value must be at least as far along as that path expects for the year); without one, by the change since the
 * previous period projected to the target year. A target year that has come without the target met is OFF_TRACK;
 * no value is NO_DATA. Milestones ("from 2025 on") are ON_TRACK until their year, then ACHIEVED or OFF_TRACK.
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
        if (meets(c, current, target, aboutTolerancePercent, equalTolerancePercent)) {
            return new Assessment(ACHIEVED, plain(current) + " meets " + c + " " + plain(target));
        }
        if (m.targetYear() != null && year >= m.targetYear()) {
            return new Assessment(OFF_TRACK, "target year " + m.targetYear() + " reached at " + plain(current) + " against " + plain(target));
        }
        Boolean up = c.upward();
        if (m.baselineValue() != null && m.baselineYear() != null && m.targetYear() != null && m.targetYear() > m.baselineYear()) {
            BigDecimal b = m.baselineValue();
            int elapsed = Math.max(0, year - m.baselineYear());
            BigDecimal expected = b.add(target.subtract(b).multiply(BigDecimal.valueOf(elapsed))
                    .divide(BigDecimal.valueOf(m.targetYear() - m.baselineYear()), MC));
            boolean onPath = up == null
                    ? current.subtract(target).abs().compareTo(expected.subtract(target).abs()) <= 0
                    : up ? current.compareTo(expected) >= 0 : current.compareTo(expected) <= 0;
            String why = "path from baseline " + plain(b) + " (" + m.baselineYear() + ") to " + plain(target) + " (" + m.targetYear()
                    + ") expects " + plain(expected.setScale(2, RoundingMode.HALF_UP)) + " in " + year + "; value " + plain(current);
            return new Assessment(onPath ? ON_TRACK : OFF_TRACK, why);
        }
        if (previous != null && m.targetYear() != null) {
            if (up == null) {
                boolean closer = current.subtract(target).abs().compareTo(previous.subtract(target).abs()) < 0;
                return new Assessment(closer ? ON_TRACK : OFF_TRACK, (closer ? "moving towards " : "not moving towards ") + plain(target)
                        + " (" + plain(previous) + " → " + plain(current) + ")");
            }
            BigDecimal projected = current.add(current.subtract(previous).multiply(BigDecimal.valueOf(m.targetYear() - year)));
            boolean reaches = meets(c, projected, target, aboutTolerancePercent, equalTolerancePercent);
            return new Assessment(reaches ? ON_TRACK : OFF_TRACK, "trend " + plain(previous) + " → " + plain(current) + " projects "
                    + plain(projected.setScale(2, RoundingMode.HALF_UP)) + " by " + m.targetYear() + " against " + plain(target));
        }
        return new Assessment(OFF_TRACK, "not met (" + plain(current) + " against " + plain(target) + ") and no baseline or earlier value shows a trend");
    }

    static boolean meets(TargetComparator c, BigDecimal v, BigDecimal t, BigDecimal aboutTol, BigDecimal equalTol) {
        return switch (c) {
            case AT_LEAST -> v.compareTo(t) >= 0;
            case ABOVE -> v.compareTo(t) > 0;
            case AT_MOST, REDUCE_TO -> v.compareTo(t) <= 0;
            case BELOW -> v.compareTo(t) < 0;
            case EQUAL -> within(v, t, equalTol);
            case ABOUT -> within(v, t, aboutTol);
        };
    }

    private static boolean within(BigDecimal v, BigDecimal t, BigDecimal percent) {
        BigDecimal allowed = t.abs().multiply(percent).divide(BigDecimal.valueOf(100), MC);
        return v.subtract(t).abs().compareTo(allowed) <= 0;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
