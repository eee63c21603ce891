package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agency responsible for a measure, optionally for part of it (e.g. only the domestic-violence data). */
@Schema(name = "ResponsibleAgency", example = """
        {"agency":"TTH-DCS","scope":"số liệu về bạo lực gia đình"}""")
public record ResponsibleAgency(@NotBlank @Size(max = 40) String agency, @Size(max = 500) String scope) {
}
