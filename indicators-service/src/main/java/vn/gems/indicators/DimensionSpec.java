package vn.gems.indicators;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A disaggregation an indicator is collected by, besides sex: e.g. {@code ethnicity} ∈ {KINH, MINORITY},
 * {@code age_group}, {@code area} ∈ {URBAN, RURAL}. A value that leaves a dimension out is the all-groups figure.
 */
public record DimensionSpec(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,29}", message = "must be 1-30 lower-case letters, digits or _") String code,
        @Size(max = 200) String nameVi,
        @Size(max = 200) String nameEn,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9_]{0,39}", message = "must be 1-40 upper-case letters, digits or _") String> values) {
}
