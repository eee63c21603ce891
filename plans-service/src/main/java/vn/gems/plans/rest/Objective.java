package vn.gems.plans.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An objective (Mục tiêu) with its targets. */
@Schema(name = "Objective", example = """
        {"key":"O5","label":"d) Mục tiêu 5","title":"Trong lĩnh vực giáo dục, đào tạo","titleEn":"Education and training","targets":[]}""")
public record Objective(
        @Schema(description = "Stable key; generated (O1, O2…) when absent") @Pattern(regexp = Keys.KEY, message = Keys.KEY_MESSAGE) String key,
        @Schema(description = "Printed lettering, verbatim (the seed letters two objectives \"d\")") @Size(max = 100) String label,
        @NotBlank @Size(max = 2000) String title,
        @Size(max = 2000) String titleEn,
        List<@Valid @NotNull Target> targets) {

    public Objective {
        targets = targets == null ? List.of() : targets;
    }

    public Objective withKeys(String newKey, List<Target> newTargets) {
        return new Objective(newKey, label, title, titleEn, newTargets);
    }
}
