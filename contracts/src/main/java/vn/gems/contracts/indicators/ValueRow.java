package vn.gems.contracts.indicators;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One value of a batch. {@code sex} is FEMALE, MALE, TOTAL or null for indicators not about persons; periods are
 * {@code 2024}, {@code 2024S1}, {@code 2024Q3}, {@code 2024-07}; a rate may come as numerator and denominator.
 */
public record ValueRow(String indicatorCode, String unitCode, String period, String sex, Map<String, String> dimensions,
                       BigDecimal value, BigDecimal numerator, BigDecimal denominator, String status) {

    public ValueRow {
        dimensions = dimensions == null ? Map.of() : dimensions;
    }

    public ValueRow withSex(String newSex) {
        return new ValueRow(indicatorCode, unitCode, period, newSex, dimensions, value, numerator, denominator, status);
    }

    public ValueRow withFigures(BigDecimal newValue, BigDecimal newNumerator, BigDecimal newDenominator) {
        return new ValueRow(indicatorCode, unitCode, period, sex, dimensions, newValue, newNumerator, newDenominator, status);
    }

    /** Whether the row carries a figure: a value, or both counts of a rate. */
    public boolean hasFigure() {
        return value != null || (numerator != null && denominator != null);
    }
}
