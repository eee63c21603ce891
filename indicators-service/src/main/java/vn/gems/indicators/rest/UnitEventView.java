package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.indicators.UnitEventKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded restructuring; {@code moved} lists children re-parented along with a merged or split territory. */
@Schema(name = "UnitEvent", example = """
        {"id":3,"kind":"MERGE","effectiveDate":"2025-07-01","legalBasis":"Nghị quyết 202/2025/QH15","note":null,
         "from":["VN-62"],"to":["VN-51"],"moved":["VN-62-KTM"],"newNameVi":null,"newNameEn":null,
         "createdBy":"gems.admin","createdAt":"2026-01-05T09:00:00Z"}""")
public record UnitEventView(long id, UnitEventKind kind, LocalDate effectiveDate, String legalBasis, String note, List<String> from,
                            List<String> to, List<String> moved, String newNameVi, String newNameEn, String createdBy,
                            Instant createdAt) {
}
