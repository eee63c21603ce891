package vn.gems.indicators.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Publishes a data set: one indicator, one period, one unit's territory (its final values go public). */
@Schema(name = "PublicationInput", example = """
        {"indicator":"BIRTHS","period":"2024","unit":"VN-46"}""")
public record PublicationInput(@NotBlank @Size(max = 80) String indicator, @NotBlank @Size(max = 10) String period,
                               @NotBlank @Size(max = 40) String unit) {
}
