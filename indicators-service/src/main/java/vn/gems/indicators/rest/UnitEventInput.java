package vn.gems.indicators.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.indicators.UnitEventKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A restructuring to apply on {@code effectiveDate}:
 * MERGE {@code from} units into the one {@code to} unit (which may continue one of them; create a new unit
 * first, valid from the date); SPLIT one {@code from} unit into the {@code to} units; RENAME the one
 * {@code from} unit to {@code newNameVi}/{@code newNameEn}; REPARENT the {@code from} units under the one
 * {@code to} unit. Units that stop existing end the day before; their remaining children move to the unit
 * their territory went to.
 */
@Schema(name = "UnitEventInput", example = """
        {"kind":"MERGE","effectiveDate":"2025-07-01","legalBasis":"Nghị quyết 202/2025/QH15",
         "note":"Kon Tum merged into Quảng Ngãi; the merged province keeps the name and code of Quảng Ngãi",
         "from":["VN-62"],"to":["VN-51"]}""")
public record UnitEventInput(@NotNull UnitEventKind kind, @NotNull LocalDate effectiveDate, @Size(max = 500) String legalBasis,
                             @Size(max = 2000) String note, @NotEmpty @Size(max = 200) List<@NotNull String> from,
                             @Size(max = 50) List<@NotNull String> to, @Size(max = 300) String newNameVi,
                             @Size(max = 300) String newNameEn) {
}
