package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.SubmitterMode;

import java.util.List;

/** Who submits under a rule: listed agencies, every assigned agency, or the child plans' agencies. */
@Schema(name = "Submitters", example = """
        {"mode":"EXPLICIT","agencies":["TTH-DOLISA"]}""")
public record Submitters(@NotNull SubmitterMode mode, List<@NotBlank @Size(max = 40) String> agencies) {

    public Submitters {
        agencies = agencies == null ? List.of() : agencies;
    }
}
