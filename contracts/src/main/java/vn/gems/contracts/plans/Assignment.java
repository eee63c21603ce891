package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One item of "Tổ chức thực hiện": the registered agencies it names and the targets they report on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Assignment(String key, List<String> agencies, List<String> targetKeys) {

    public Assignment {
        agencies = agencies == null ? List.of() : agencies;
        targetKeys = targetKeys == null ? List.of() : targetKeys;
    }
}
