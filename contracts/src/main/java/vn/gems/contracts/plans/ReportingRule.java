package vn.gems.contracts.plans;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One rule of a plan's reporting regime (Chế độ báo cáo): who reports what kind of report, to whom, by which day,
 * over which years, and the keys of the rules whose reports it consolidates (a single string reads as a list of
 * one). A kind or coverage this side does not know yet reads as null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportingRule(String key,
                            @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) RuleKind kind,
                            String title, Integer dueDay, Integer dueMonth, Integer dueYear, Integer fromYear, Integer toYear,
                            Submitters submitters, String receivingAgency,
                            @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) Coverage coverage,
                            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> consolidates) {

    public ReportingRule {
        consolidates = consolidates == null ? List.of() : consolidates;
    }
}
