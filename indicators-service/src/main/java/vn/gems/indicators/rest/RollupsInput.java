package vn.gems.indicators.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Several roll-ups at one hierarchy date (today when {@code asOf} is null). */
@Schema(name = "RollupsInput", example = """
        {"asOf":"2026-11-21","queries":[{"indicator":"BIRTHS","unit":"VN-46","period":"2024","dimensions":{}}]}""")
public record RollupsInput(LocalDate asOf, @NotEmpty List<@NotNull @Valid Query> queries) {

    /** One roll-up: indicator × unit territory × period × dimensions. */
    public record Query(@NotNull @Size(max = 80) String indicator, @NotNull @Size(max = 40) String unit,
                        @NotNull @Size(max = 10) String period, Map<String, String> dimensions) {
    }

    /** The answers, in the order asked. */
    @Schema(name = "RollupsResult")
    public record Result(List<RollupView> results) {
    }
}
