package vn.gems.indicators.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.indicators.SourceKind;

/**
 * Where values come from: which report, push or system. {@code agency} is the agency the values belong to;
 * services (reporting-service) must name it, everyone else writes for their own agency.
 */
@Schema(name = "Source", example = """
        {"kind":"REPORT","reference":"submission:41:v2","agency":"TTH-DOH","system":"reporting-service"}""")
public record SourceInput(@NotNull SourceKind kind, @Size(max = 300) String reference, @Size(max = 40) String agency,
                          @Size(max = 100) String system) {
}
