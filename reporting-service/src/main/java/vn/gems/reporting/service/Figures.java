package vn.gems.reporting.service;

import vn.gems.contracts.plans.Figure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The targeted figure of a measure, computed from its parts: shares and ratios are always recomputed from summed
 * female / male / total counts, never averaged. Shares are in percent, as the plans state their targets.
 */
public final class Figures {

    private static final MathContext MC = new MathContext(12, RoundingMode.HALF_UP);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {
    }

    /** Parts of one measure's figure: counts by sex, or a plain value. */
    public record Parts(BigDecimal female, BigDecimal male, BigDecimal total, BigDecimal value) {

        public boolean empty() {
            return female == null && male == null && total == null && value == null;
        }

        /** Counts summed part by part (a part missing on one side stays missing only if missing on both). */
        public Parts plus(Parts o) {
            return new Parts(add(female, o.female), add(male, o.male), add(total, o.total), add(value, o.value));
        }

        private static BigDecimal add(BigDecimal a, BigDecimal b) {
            return a == null ? b : b == null ? a : a.add(b);
        }
    }

    public static BigDecimal compute(Figure figure, Parts p) {
        if (p == null || p.empty()) {
            return null;
        }
        BigDecimal total = p.total() != null ? p.total() : p.female() != null && p.male() != null ? p.female().add(p.male()) : null;
        BigDecimal r = switch (figure) {
            case FEMALE_SHARE -> p.female() == null || total == null || total.signum() == 0 ? null
                    : p.female().multiply(HUNDRED).divide(total, MC);
            case FEMALE_TO_MALE_RATIO -> p.female() == null || p.male() == null || p.male().signum() == 0 ? null
                    : p.female().divide(p.male(), MC);
            case MALE_TO_FEMALE_X100 -> p.female() == null || p.male() == null || p.female().signum() == 0 ? null
                    : p.male().multiply(HUNDRED).divide(p.female(), MC);
            case GAP -> p.female() == null || p.male() == null ? null : p.male().subtract(p.female());
            case FEMALE_VALUE -> p.female();
            case MALE_VALUE -> p.male();
            case TOTAL -> total != null ? total : p.value();
            case VALUE, COUNT, MILESTONE -> p.value() != null ? p.value() : total;
        };
        if (r == null) {
            return null;
        }
        BigDecimal rounded = r.setScale(Math.min(Math.max(r.scale(), 0), 4), RoundingMode.HALF_UP).stripTrailingZeros();
        // 110, not 1.1E+2: figures are shown and exported as plain numbers.
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
