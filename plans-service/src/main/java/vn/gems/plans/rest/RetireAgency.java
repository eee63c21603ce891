package vn.gems.plans.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Retires an agency on a date and names who takes over its duties. */
@Schema(name = "RetireAgency", example = """
        {"validTo":"2025-02-28","successors":["VN-MOHA"],"note":"Gender-equality duties moved to the Ministry of Home Affairs (2025)"}""")
public record RetireAgency(@NotNull LocalDate validTo, @NotEmpty List<@NotNull @Size(min = 2, max = 40) String> successors,
                           @Size(max = 1000) String note) {
}
