package vn.gems.plans.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A yearly milestone on the way to a measure's target: the value the plan expects in that year. */
@Schema(name = "InterimTarget", example = """
        {"year":2023,"value":45}""")
public record InterimTarget(@NotNull @Min(1945) @Max(2100) Integer year, @NotNull BigDecimal value) {
}
