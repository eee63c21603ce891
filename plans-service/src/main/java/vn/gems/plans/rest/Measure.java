package vn.gems.plans.rest;

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

/** One measurable part of a target: which figure of which indicator, compared how, with which value, by whom. */
@Schema(name = "Measure", example = """
        {"key":"O5-T2-M1","indicatorCode":"PRIMARY_COMPLETION_RATE","figure":"FEMALE_VALUE","comparator":"ABOVE",
         "baselineValue":null,"baselineYear":null,"targetValue":90,"targetYear":2025,"fromYear":null,
         "dimensions":{"ethnicity":"MINORITY"},"responsibleAgencies":[{"agency":"TTH-DOET","scope":null}],
         "note":"trẻ em gái dân tộc thiểu số hoàn thành giáo dục tiểu học đạt trên 90%"}""")
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
        @Schema(description = "How the printed target was read into this measure") @Size(max = 2000) String note) {

    public Measure {
        dimensions = dimensions == null ? Map.of() : new TreeMap<>(dimensions);
    }

    public Measure withKey(String newKey) {
        return new Measure(newKey, indicatorCode, figure, comparator, baselineValue, baselineYear, targetValue, targetYear,
                fromYear, dimensions, responsibleAgencies, note);
    }
}
