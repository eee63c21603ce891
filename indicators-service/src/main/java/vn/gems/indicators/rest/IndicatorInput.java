package vn.gems.indicators.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.indicators.Aggregation;
import vn.gems.indicators.DimensionSpec;
import vn.gems.indicators.Direction;
import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.Periodicity;
import vn.gems.indicators.Subject;
import vn.gems.indicators.ValueType;

import java.util.List;

/**
 * A catalogue entry as a client sends it ({@code code} is ignored on update: the path names it).
 * {@code supplierSectors} name the sectors (ngành) that supply the figure — HEALTH, LABOUR, … — not an
 * agency: which agency plays a sector for a province is a supplier assignment, so the catalogue serves every province.
 */
@Schema(name = "IndicatorInput", example = """
        {"code":"ADOLESCENT_BIRTH_RATE","nameVi":"Tỷ suất sinh ở vị thành niên","nameEn":"Adolescent birth rate",
         "definitionVi":"Số ca sinh của phụ nữ 15-19 tuổi trên 1.000 phụ nữ 15-19 tuổi",
         "definitionEn":"Births to women aged 15-19 per 1,000 women aged 15-19","unit":"PER_1000","valueType":"DECIMAL",
         "subject":"WOMEN","bySex":false,"dimensions":[],"aggregation":"RATIO",
         "numeratorVi":"Số ca sinh của phụ nữ 15-19 tuổi","numeratorEn":"Births to women aged 15-19",
         "denominatorVi":"Số phụ nữ 15-19 tuổi","denominatorEn":"Women aged 15-19","direction":"LOWER","periodicity":"ANNUAL",
         "supplierSectors":["HEALTH"]}""")
public record IndicatorInput(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,79}", message = "must be 2-80 upper-case letters, digits or _") String code,
        @NotBlank @Size(max = 500) String nameVi,
        @NotBlank @Size(max = 500) String nameEn,
        @Size(max = 4000) String definitionVi,
        @Size(max = 4000) String definitionEn,
        @NotNull MeasureUnit unit,
        ValueType valueType,
        @NotNull Subject subject,
        @NotNull Boolean bySex,
        @Size(max = 10) List<@NotNull @Valid DimensionSpec> dimensions,
        @NotNull Aggregation aggregation,
        @Size(max = 1000) String numeratorVi,
        @Size(max = 1000) String numeratorEn,
        @Size(max = 1000) String denominatorVi,
        @Size(max = 1000) String denominatorEn,
        @NotNull Direction direction,
        @NotNull Periodicity periodicity,
        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be 2-40 upper-case letters or _") String> supplierSectors) {
}
