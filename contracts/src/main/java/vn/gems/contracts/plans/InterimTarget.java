package vn.gems.contracts.plans;

import java.math.BigDecimal;

/** A yearly milestone on the way to a measure's target ("năm 2023 đạt 20%"): the value expected in that year. */
public record InterimTarget(Integer year, BigDecimal value) {
}
