package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measurable part of a target: which figure of which indicator, compared how, with which value, by whom. A range
 * ("30–40%") is {@code targetValue} 30 and {@code targetValueHigh} 40; {@code tolerance} is the ± the plan allows
 * around an "about" (khoảng) target; {@code interimTargets} are the plan's yearly milestones.
 */
@Schema(name = "Measure", example = """
        {"key":"O5-T2-M1","indicatorCode":"PRIMARY_COMPLETION_RATE","figure":"FEMALE_VALUE","comparator":"ABOVE",
         "baselineValue":null,"baselineYear":null,"targetValue":90,"targetYear":2025,"fromYear":null,
         "dimensions":{"ethnicity":"MINORITY"},"responsibleAgencies":[{"agency":"TTH-DOET","scope":null}],
         "note":"trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 90%",
         "targetValueHigh":null,"tolerance":null,"interimTargets":[{"year":2023,"value":88}]}""")
public record Measure(
        @Schema(description = "Stable key; generated ({target}-M1…) when absent") @Pattern(regexp = Keys.KEY, message = Keys.KEY_MESSAGE) String key,
        @Schema(description = "Indicator code of indicators-service's catalogue") @NotBlank @Pattern(regexp = Keys.INDICATOR, message = "must be an upper-case indicator code") String indicatorCode,
        @NotNull Figure figure,
        @NotNull TargetComparator comparator,
        BigDecimal baselineValue,
        @Min(1945) @Max(2100) Integer baselineYear,
        @Schema(description = "The value to reach; 1 for a milestone (= achieved)") @NotNull BigDecimal targetValue,
        @Min(1945) @Max(2100) Integer targetYear,
        @Schema(description = "For milestones and \"from 2025 on\" targets: the first year the target applies") @Min(1945) @Max(2100) Integer fromYear,
        @Schema(description = "Disaggregation selector, e.g. {\"ethnicity\":\"MINORITY\"}")
        Map<@NotBlank @Pattern(regexp = Keys.DIMENSION) String, @NotBlank @Pattern(regexp = Keys.DIMENSION) String> dimensions,
        @NotEmpty List<@Valid @NotNull ResponsibleAgency> responsibleAgencies,
        @Schema(description = "How the printed target was read into this measure") @Size(max = 2000) String note,
        @Schema(description = "Upper end of a range (\"30–40%\"), with comparator RANGE or AT_LEAST")
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal targetValueHigh,
        @Schema(description = "± allowed around an ABOUT or EQUAL target, in the figure's unit (replaces the global percentage)")
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal tolerance,
        @Schema(description = "Yearly interim targets, before the target year") @Size(max = 100)
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<@Valid @NotNull InterimTarget> interimTargets) {

    public Measure {
        dimensions = dimensions == null ? Map.of() : new TreeMap<>(dimensions);
        interimTargets = interimTargets == null ? List.of() : interimTargets;
    }

    public Measure withKey(String newKey) {
        return new Measure(newKey, indicatorCode, figure, comparator, baselineValue, baselineYear, targetValue, targetYear,
                fromYear, dimensions, responsibleAgencies, note, targetValueHigh, tolerance, interimTargets);
    }

    /** The same measure aiming at another year (a target without a year aims at the plan's last year). */
    public Measure withTargetYear(Integer year) {
        return new Measure(key, indicatorCode, figure, comparator, baselineValue, baselineYear, targetValue, year,
                fromYear, dimensions, responsibleAgencies, note, targetValueHigh, tolerance, interimTargets);
    }
}
