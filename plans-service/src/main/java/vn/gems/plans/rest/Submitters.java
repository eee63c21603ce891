package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.SubmitterMode;

import java.util.List;

/**
 * Who submits under a rule: listed agencies, every responsible agency, the child plans' agencies, the People's
 * Committees of the units at a level under a unit, or the members of a body, each on the due date. {@code agencies}
 * with a mode other than EXPLICIT are extra required submitters; {@code invited} agencies get an obligation and
 * reminders but are reported apart and never lower completeness.
 */
@Schema(name = "Submitters", example = """
        {"mode":"UNIT_COMMITTEES","unit":"VN-46","level":"COMMUNE","agencies":[],"invited":["TTH-WU"]}""")
public record Submitters(
        @NotNull SubmitterMode mode,
        List<@NotBlank @Size(max = 40) String> agencies,
        @Schema(description = "UNIT_COMMITTEES: whose territory (default: the plan's unit)", example = "VN-46")
        @Size(max = 40) @JsonInclude(JsonInclude.Include.NON_NULL) String unit,
        @Schema(description = "UNIT_COMMITTEES: the level of the units whose People's Committees submit", example = "COMMUNE")
        @Pattern(regexp = "PROVINCE|DISTRICT|COMMUNE", message = "must be PROVINCE, DISTRICT or COMMUNE") @JsonInclude(JsonInclude.Include.NON_NULL) String level,
        @Schema(description = "BODY_MEMBERS: agency code of the body (kind COMMITTEE) whose members on the due date submit", example = "TTH-CAW")
        @Size(max = 40) @JsonInclude(JsonInclude.Include.NON_NULL) String body,
        @Schema(description = "Invited agencies: obligation and reminders, reported apart, never counted in completeness")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<@NotBlank @Size(max = 40) String> invited) {

    public Submitters {
        agencies = agencies == null ? List.of() : agencies;
        invited = invited == null ? List.of() : invited;
    }

    public Submitters(SubmitterMode mode, List<String> agencies) {
        this(mode, agencies, null, null, null, List.of());
    }
}
