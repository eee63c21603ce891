package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** One member of a body: the member agency, from a date, until a date (inclusive) or open-ended. */
@Schema(name = "Membership", example = """
        {"agency":"TTH-DOLISA","from":"2021-01-01","to":null}""")
public record Membership(@NotBlank @Size(max = 40) String agency, @NotNull LocalDate from, LocalDate to) {
}
