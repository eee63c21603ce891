package vn.gems.contracts.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An indicator over a unit's territory for a period, as the hierarchy stood on {@code asOf}: the parts by sex, the
 * value (the total, or the figure of an indicator not about persons), the gender metrics (shares in percent), the
 * units and sources it draws on. Fields that do not apply are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rollup(String indicator, String unit, String period, LocalDate asOf, Map<String, String> dimensions,
                     BigDecimal female, BigDecimal male, BigDecimal total, BigDecimal value, BigDecimal numerator,
                     BigDecimal denominator, BigDecimal femaleShare, BigDecimal femaleToMaleRatio, BigDecimal maleToFemaleX100,
                     BigDecimal gap, BigDecimal genderParityIndex, List<String> contributingUnits, List<ValueSource> sources,
                     String status, int valueCount) {

    public Rollup {
        dimensions = dimensions == null ? Map.of() : dimensions;
        contributingUnits = contributingUnits == null ? List.of() : contributingUnits;
        sources = sources == null ? List.of() : sources;
    }
}
