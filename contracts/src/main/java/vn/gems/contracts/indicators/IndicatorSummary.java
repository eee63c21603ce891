package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What callers need of a catalogue entry: whether values are kept by sex, how they add up ({@code aggregation}:
 * SUM, RATIO, NONE…) and the finest period kept ({@code periodicity}: ANNUAL, HALF_YEARLY, QUARTERLY, MONTHLY).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorSummary(String code, boolean bySex, String aggregation, String periodicity) {
}
