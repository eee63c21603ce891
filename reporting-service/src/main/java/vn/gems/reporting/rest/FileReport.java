package vn.gems.reporting.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Files the caller's agency's report by reference (plan code, rule, period) instead of by obligation id; with
 * {@code submit} true it is submitted at once.
 */
@Schema(name = "FileReport", example = """
        {"planCode":"TTH-BDG-2021-2025","ruleKey":"R2","period":"2025","submit":true,
         "content":{"sections":[{"kind":"RESULTS","objectiveKey":"O4","text":"Tỷ số giới tính khi sinh 110 bé trai/100 bé gái."}],
                    "values":[{"measureKey":"O4-T1-M1","female":7000,"male":7700}]}}""")
public record FileReport(@NotBlank @Size(max = 60) String planCode, @NotBlank @Size(max = 40) String ruleKey,
                         @NotBlank @Pattern(regexp = "\\d{4}(S[12]|Q[1-4]|-(0[1-9]|1[0-2]))?|REQ-\\d{1,15}",
                                 message = "must look like 2024, 2024S1, 2024Q3, 2024-07 or REQ-5 (an on-request report)") String period,
                         @Valid ReportContent content, boolean submit) {
}
