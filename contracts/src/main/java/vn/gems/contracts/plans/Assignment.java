package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One item of "Tổ chức thực hiện": the registered agencies it names, the targets they report on and their role
 * (null, absent or unknown: RESPONSIBLE; see {@link #roleOrDefault()}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Assignment(String key, List<String> agencies, List<String> targetKeys,
                         @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) AssignmentRole role) {

    public Assignment {
        agencies = agencies == null ? List.of() : agencies;
        targetKeys = targetKeys == null ? List.of() : targetKeys;
    }

    public Assignment(String key, List<String> agencies, List<String> targetKeys) {
        this(key, agencies, targetKeys, null);
    }

    /** The role, RESPONSIBLE when the plan gives none. */
    public AssignmentRole roleOrDefault() {
        return role == null ? AssignmentRole.RESPONSIBLE : role;
    }
}
