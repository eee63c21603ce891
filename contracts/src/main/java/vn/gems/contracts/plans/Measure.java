package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One measurable part of a target: which figure of which indicator, compared how, with which value, by whom.
 * {@code targetValueHigh} closes a range ("30–40%": targetValue 30, targetValueHigh 40); {@code tolerance} is the
 * ± the plan allows around an "about" (khoảng) target, in the figure's unit; {@code interimTargets} are yearly
 * milestones. A figure or comparator this side does not know yet reads as null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Measure(String key, String indicatorCode,
                      @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) Figure figure,
                      @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) TargetComparator comparator,
                      BigDecimal baselineValue, Integer baselineYear, BigDecimal targetValue, Integer targetYear,
                      Integer fromYear, Map<String, String> dimensions, List<ResponsibleAgency> responsibleAgencies,
                      BigDecimal targetValueHigh, BigDecimal tolerance, List<InterimTarget> interimTargets) {

    public Measure {
        dimensions = dimensions == null ? Map.of() : dimensions;
        responsibleAgencies = responsibleAgencies == null ? List.of() : responsibleAgencies;
        interimTargets = interimTargets == null ? List.of() : interimTargets;
    }

    /** A single-valued target without tolerance or interim targets. */
    public Measure(String key, String indicatorCode, Figure figure, TargetComparator comparator, BigDecimal baselineValue,
                   Integer baselineYear, BigDecimal targetValue, Integer targetYear, Integer fromYear,
                   Map<String, String> dimensions, List<ResponsibleAgency> responsibleAgencies) {
        this(key, indicatorCode, figure, comparator, baselineValue, baselineYear, targetValue, targetYear, fromYear, dimensions,
                responsibleAgencies, null, null, List.of());
    }
}
