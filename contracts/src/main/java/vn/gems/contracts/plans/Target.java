package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A target (Chỉ tiêu): the printed text and its measures. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Target(String key, String label, String text, List<Measure> measures) {

    public Target {
        measures = measures == null ? List.of() : measures;
    }
}
