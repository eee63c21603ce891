package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** An objective (Mục tiêu) of a plan with its targets; {@code key} is stable across amendments. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Objective(String key, String label, String title, List<Target> targets) {

    public Objective {
        targets = targets == null ? List.of() : targets;
    }
}
