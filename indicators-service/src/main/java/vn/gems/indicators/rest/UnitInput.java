package vn.gems.indicators.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.indicators.UnitLevel;

import java.time.LocalDate;

/** A new administrative unit. Its later history (renames, moves, merges) is recorded with restructuring events. */
@Schema(name = "UnitInput", example = """
        {"code":"VN-51-STI","nameVi":"Huyện Sơn Tịnh","nameEn":"Son Tinh District","level":"DISTRICT","parentCode":"VN-51",
         "validFrom":"2013-12-01","validTo":null}""")
public record UnitInput(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2-40 upper-case letters, digits or dashes") String code,
        @NotBlank @Size(max = 300) String nameVi,
        @NotBlank @Size(max = 300) String nameEn,
        @NotNull UnitLevel level,
        @Size(max = 40) String parentCode,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {
}
