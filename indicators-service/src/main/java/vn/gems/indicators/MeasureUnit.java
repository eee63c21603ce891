package vn.gems.indicators;

import java.math.BigDecimal;

/** What a figure is measured in. Rates and shares carry the multiplier that turns numerator ÷ denominator into the figure. */
public enum MeasureUnit {
    /** Phần trăm: numerator ÷ denominator × 100, between 0 and 100. */
    PERCENT(100),
    /** Per 100 (e.g. boys per 100 girls). */
    PER_100(100),
    /** Per 1,000 (e.g. births per 1,000 women aged 15–19). */
    PER_1000(1000),
    /** Per 100,000 (e.g. maternal deaths per 100,000 live births). */
    PER_100000(100000),
    /** A number of persons, bodies, facilities or events. */
    COUNT(0),
    /** Hours (e.g. average weekly hours of unpaid care: total hours ÷ persons). */
    HOURS(1),
    /** A plain ratio (numerator ÷ denominator). */
    RATIO(1),
    /** Có/không: a milestone reached (1) or not (0). */
    YES_NO(0);

    private final int multiplier;

    MeasureUnit(int multiplier) {
        this.multiplier = multiplier;
    }

    /** The multiplier of numerator ÷ denominator, or null where the unit is not a rate. */
    public BigDecimal multiplier() {
        return multiplier == 0 ? null : BigDecimal.valueOf(multiplier);
    }
}
