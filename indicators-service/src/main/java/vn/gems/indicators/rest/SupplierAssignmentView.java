package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A supplier assignment: {@code agencyCode} supplies the indicators of {@code sector} for {@code unitCode}'s territory. */
@Schema(name = "SupplierAssignment", example = """
        {"id":5,"sector":"HEALTH","unitCode":"VN-46","agencyCode":"TTH-DOH","validFrom":"2021-01-01","validTo":null}""")
public record SupplierAssignmentView(long id, String sector, String unitCode, String agencyCode, LocalDate validFrom, LocalDate validTo) {
}
