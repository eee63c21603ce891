package vn.gems.indicators.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A province's communes in one call ({@code POST /api/units/{province}/import}). {@code validFrom} and
 * {@code legalBasis} apply to rows that give none; a row's {@code predecessors} are the communes merged into it on
 * its date (the commune itself may be one of them when it continues under its code).
 */
@Schema(name = "ProvinceImport", example = """
        {"validFrom":"2025-07-01","legalBasis":"Nghị quyết 1677/NQ-UBTVQH15 ngày 16/6/2025",
         "communes":[{"code":"VN-51-SONTINH","nameVi":"Xã Sơn Tịnh","nameEn":"Son Tinh Commune",
                      "predecessors":["VN-51-STI-TINHHA","VN-51-STI-TINHSON"],"note":"illustrative"}]}""")
public record ProvinceImport(LocalDate validFrom, @Size(max = 500) String legalBasis, List<Commune> communes) {

    /** One commune of the province. */
    @Schema(name = "ProvinceImportCommune")
    public record Commune(String code, String nameVi, String nameEn, LocalDate validFrom, List<String> predecessors, String note) {
    }
}
