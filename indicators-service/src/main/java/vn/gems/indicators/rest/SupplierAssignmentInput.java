package vn.gems.indicators.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Which agency plays a sector (ngành) for a unit's territory, from a date. */
@Schema(name = "SupplierAssignmentInput", example = """
        {"sector":"HEALTH","unitCode":"VN-46","agencyCode":"TTH-DOH","validFrom":"2021-01-01","validTo":null}""")
public record SupplierAssignmentInput(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be 2-40 upper-case letters or _") String sector,
        @NotBlank @Size(max = 40) String unitCode,
        @NotBlank @Size(max = 40) String agencyCode,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {
}
