package vn.gems.reporting.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A request for an on-request report (báo cáo chuyên đề, đột xuất khi có yêu cầu) under a dateless thematic or ad hoc rule. */
@Schema(name = "ReportRequestInput", example = """
        {"planId":12,"ruleKey":"R6","subject":"Báo cáo chuyên đề về phòng, chống bạo lực gia đình",
         "instructions":"Nêu số vụ bạo lực gia đình được phát hiện, xử lý trong 9 tháng đầu năm và các mô hình hỗ trợ nạn nhân.",
         "dueDate":"2026-12-15","recipients":["TTH-DOH","TTH-DCS"],"targetKeys":["O4-T1"],"indicatorCodes":[]}""")
public record RequestInput(
        @Schema(description = "The issued plan") @NotNull Long planId,
        @Schema(description = "A thematic or ad hoc rule of the plan without a due date") @NotBlank @Size(max = 40) String ruleKey,
        @NotBlank @Size(max = 300) String subject,
        @Schema(description = "What the report must say") @NotBlank @Size(max = 4000) String instructions,
        @Schema(description = "After today") @NotNull LocalDate dueDate,
        @Schema(description = "Agencies asked: some of the rule's submitters; empty or absent = all of them")
        @Size(max = 1000) List<@NotBlank @Size(max = 40) String> recipients,
        @Schema(description = "Targets of the plan the report must give values for (optional)")
        @Size(max = 200) List<@NotBlank @Size(max = 40) String> targetKeys,
        @Schema(description = "Indicators of the plan's measures the report must give values for (optional)")
        @Size(max = 200) List<@NotBlank @Size(max = 80) String> indicatorCodes) {

    public List<String> recipientsOrEmpty() {
        return recipients == null ? List.of() : recipients;
    }

    public List<String> targetKeysOrEmpty() {
        return targetKeys == null ? List.of() : targetKeys;
    }

    public List<String> indicatorCodesOrEmpty() {
        return indicatorCodes == null ? List.of() : indicatorCodes;
    }
}
