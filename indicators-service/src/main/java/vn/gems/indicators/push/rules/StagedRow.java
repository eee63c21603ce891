package vn.gems.indicators.push.rules;

import java.math.BigDecimal;

/** A validated row, ready for the staging table: internal ids, canonical texts. */
public record StagedRow(long line, int indicatorId, int unitId, String period, char sex, String dims,
                        BigDecimal value, BigDecimal numerator, BigDecimal denominator, char status) {
}
