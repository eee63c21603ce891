package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.RuleKind;

import java.util.List;

/**
 * One obligation rule of the reporting regime (Chế độ báo cáo). One-off rules (own plan, reviews) carry a due
 * day, month and year; recurring rules a due day and month and the years they apply from/to; thematic and ad hoc
 * rules may have no date ("on request").
 */
@Schema(name = "ReportingRule", example = """
        {"key":"R3","kind":"ANNUAL","title":"Báo cáo kết quả thực hiện Chiến lược gửi Bộ",
         "text":"Sở Lao động - Thương binh và Xã hội chịu trách nhiệm theo dõi, tổng hợp và tham mưu UBND tỉnh báo cáo kết quả thực hiện Chiến lược quốc gia về bình đẳng giới gửi Bộ Lao động - Thương binh và Xã hội trước ngày 10/12 hàng năm.",
         "dueDay":10,"dueMonth":12,"dueYear":null,"fromYear":2021,"toYear":2025,
         "submitters":{"mode":"EXPLICIT","agencies":["TTH-DOLISA"]},"receivingAgency":"VN-MOLISA","copyTo":[],
         "coverage":"ALL_TARGETS","consolidates":["R2"]}""")
public record ReportingRule(
        @Pattern(regexp = Keys.KEY, message = Keys.KEY_MESSAGE) String key,
        @NotNull RuleKind kind,
        @Size(max = 1000) String title,
        @Schema(description = "The rule as printed") @Size(max = 20000) String text,
        @Min(1) @Max(31) Integer dueDay,
        @Min(1) @Max(12) Integer dueMonth,
        @Min(1945) @Max(2100) Integer dueYear,
        @Min(1945) @Max(2100) Integer fromYear,
        @Min(1945) @Max(2100) Integer toYear,
        @NotNull @Valid Submitters submitters,
        @NotBlank @Size(max = 40) String receivingAgency,
        @Schema(description = "Other agencies the report is also addressed to")
        List<@NotBlank @Size(max = 40) String> copyTo,
        @NotNull Coverage coverage,
        @Schema(description = "Keys of the rules whose reports this one consolidates upward (a single key is read as a list of one)")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<@NotBlank @Size(max = 40) String> consolidates) {

    public ReportingRule {
        copyTo = copyTo == null ? List.of() : copyTo;
        consolidates = consolidates == null ? List.of() : consolidates;
    }

    public ReportingRule withKey(String newKey) {
        return new ReportingRule(newKey, kind, title, text, dueDay, dueMonth, dueYear, fromYear, toYear, submitters,
                receivingAgency, copyTo, coverage, consolidates);
    }
}
