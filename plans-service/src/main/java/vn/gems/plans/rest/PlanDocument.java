package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.PlanKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole plan (Kế hoạch) as one JSON document: the import/export format, the body of create, update and
 * amendment, and what {@code deploy/demo/plans/*.json} hold. Structural keys are stable across amendments;
 * printed labels ("a) Mục tiêu 1", "Chỉ tiêu 3") are kept verbatim but identify nothing.
 */
@Schema(name = "PlanDocument", description = "A whole plan as one document (import/export format)", example = """
        {"code":"TTH-BDG-2021-2025","documentNumber":null,
         "title":"Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Thừa Thiên Huế giai đoạn 2021-2025",
         "titleEn":"Thua Thien Hue plan implementing the national gender-equality strategy 2021-2025",
         "kind":"STRATEGY_IMPLEMENTATION","issuingAgency":"TTH-PC","leadAgency":"TTH-DOLISA","unitCode":"VN-46",
         "issueDate":null,"issuePlace":"Thừa Thiên Huế","periodFrom":2021,"periodTo":2025,"parentPlan":null,
         "legalBases":[{"documentType":"Nghị quyết","documentNumber":"28/NQ-CP","date":"2021-03-03","issuer":"Chính phủ",
           "title":"Ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030","planCode":null}],
         "generalObjective":"Tiếp tục thu hẹp khoảng cách giới, tạo điều kiện, cơ hội để nam giới và nữ giới tham gia, thụ hưởng bình đẳng trong các lĩnh vực của đời sống xã hội góp phần vào sự phát triển bền vững của tỉnh.",
         "purposes":[],"requirements":[],
         "objectives":[{"key":"O4","label":"d) Mục tiêu 4","title":"Trong lĩnh vực y tế","titleEn":"Health","targets":[
           {"key":"O4-T3","label":"Chỉ tiêu 3","text":"Tỷ suất sinh ở vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18/1.000.",
            "textEn":"Adolescent birth rate down from 23 to 18 per 1,000 women","measures":[
             {"key":"O4-T3-M1","indicatorCode":"ADOLESCENT_BIRTH_RATE","figure":"VALUE","comparator":"REDUCE_TO",
              "baselineValue":23,"baselineYear":null,"targetValue":18,"targetYear":2025,"fromYear":null,"dimensions":{},
              "responsibleAgencies":[{"agency":"TTH-DOH","scope":null}],"note":null}]}]}],
         "contentAreas":[],"funding":[{"kind":"STATE_BUDGET","note":"Bố trí trong dự toán ngân sách hàng năm của các Sở, ban, ngành, địa phương"}],
         "assignments":[{"key":"A4","label":"4","addressee":"Sở Y tế","agencies":["TTH-DOH"],
           "tasks":["Chịu trách nhiệm tổ chức thực hiện, theo dõi và báo cáo kết quả triển khai 04 chỉ tiêu của mục tiêu 4."],
           "targetKeys":["O4-T1","O4-T2","O4-T3","O4-T4"]}],
         "reportingRules":[{"key":"R2","kind":"ANNUAL","title":"Báo cáo hàng năm","text":"Định kỳ hàng năm ... trước ngày 30/11.",
           "dueDay":30,"dueMonth":11,"dueYear":null,"fromYear":2021,"toYear":2025,
           "submitters":{"mode":"ALL_ASSIGNED","agencies":[]},"receivingAgency":"TTH-DOLISA","copyTo":["TTH-PC"],
           "coverage":"RESPONSIBLE_TARGETS","consolidates":null}],
         "signedBy":{"position":"KT. CHỦ TỊCH PHÓ CHỦ TỊCH","name":"Nguyễn Thành Bình"},
         "recipients":["VPCP (b/c)","Bộ LĐ-TB&XH (b/c)"],"internalNote":null}""")
@JsonPropertyOrder({"code", "documentNumber", "title", "titleEn", "kind", "issuingAgency", "leadAgency", "unitCode",
        "issueDate", "issuePlace", "periodFrom", "periodTo", "parentPlan", "legalBases", "generalObjective", "purposes",
        "requirements", "objectives", "contentAreas", "funding", "assignments", "reportingRules", "signedBy",
        "recipients", "internalNote"})
public record PlanDocument(
        @Schema(description = "Stable, client-chosen code; used in paths instead of the numeric id and to link plans")
        @NotBlank @Pattern(regexp = Keys.PLAN_CODE, message = "must be 2-60 upper-case letters, digits or dashes, with a letter") String code,
        @Schema(description = "Số hiệu, e.g. 34/KH-UBND; null when the source shows none")
        @Size(max = 100) String documentNumber,
        @NotBlank @Size(max = 1000) String title,
        @Size(max = 1000) String titleEn,
        @NotNull PlanKind kind,
        @Schema(description = "The agency that issues the plan (usually a People's Committee)")
        @NotBlank @Size(max = 40) String issuingAgency,
        @Schema(description = "The agency that drafts, manages and consolidates it (usually DOLISA, the standing office)")
        @Size(max = 40) String leadAgency,
        @Schema(description = "Administrative unit of indicators-service the plan covers, e.g. VN-46")
        @NotBlank @Size(max = 40) String unitCode,
        LocalDate issueDate,
        @Size(max = 200) String issuePlace,
        @NotNull @Min(1945) @Max(2100) Integer periodFrom,
        @NotNull @Min(1945) @Max(2100) Integer periodTo,
        @Schema(description = "Code of the plan this one implements (its parent in the plan tree)")
        @Size(max = 60) String parentPlan,
        List<@Valid @NotNull LegalBasis> legalBases,
        @Schema(description = "Mục tiêu chung")
        @Size(max = 20000) String generalObjective,
        @Schema(description = "Mục đích, one paragraph each")
        List<@NotBlank @Size(max = 20000) String> purposes,
        @Schema(description = "Yêu cầu, one paragraph each")
        List<@NotBlank @Size(max = 20000) String> requirements,
        List<@Valid @NotNull Objective> objectives,
        List<@Valid @NotNull ContentArea> contentAreas,
        List<@Valid @NotNull FundingSource> funding,
        List<@Valid @NotNull Assignment> assignments,
        List<@Valid @NotNull ReportingRule> reportingRules,
        @Valid Signature signedBy,
        @Schema(description = "Nơi nhận, as printed")
        List<@NotBlank @Size(max = 500) String> recipients,
        @Schema(description = "Internal note for plan managers; never published")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Size(max = 20000) String internalNote) {

    public PlanDocument {
        legalBases = legalBases == null ? List.of() : legalBases;
        purposes = purposes == null ? List.of() : purposes;
        requirements = requirements == null ? List.of() : requirements;
        objectives = objectives == null ? List.of() : objectives;
        contentAreas = contentAreas == null ? List.of() : contentAreas;
        funding = funding == null ? List.of() : funding;
        assignments = assignments == null ? List.of() : assignments;
        reportingRules = reportingRules == null ? List.of() : reportingRules;
        recipients = recipients == null ? List.of() : recipients;
    }

    /** The same document without what the public may not see. */
    public PlanDocument published() {
        return new PlanDocument(code, documentNumber, title, titleEn, kind, issuingAgency, leadAgency, unitCode, issueDate,
                issuePlace, periodFrom, periodTo, parentPlan, legalBases, generalObjective, purposes, requirements, objectives,
                contentAreas, funding, assignments, reportingRules, signedBy, recipients, null);
    }

    public PlanDocument withStructure(List<Objective> newObjectives, List<ContentArea> newAreas, List<Assignment> newAssignments,
                                      List<ReportingRule> newRules) {
        return new PlanDocument(code, documentNumber, title, titleEn, kind, issuingAgency, leadAgency, unitCode, issueDate,
                issuePlace, periodFrom, periodTo, parentPlan, legalBases, generalObjective, purposes, requirements, newObjectives,
                newAreas, funding, newAssignments, newRules, signedBy, recipients, internalNote);
    }

    public PlanDocument withIssue(String number, LocalDate date) {
        return new PlanDocument(code, number, title, titleEn, kind, issuingAgency, leadAgency, unitCode, date,
                issuePlace, periodFrom, periodTo, parentPlan, legalBases, generalObjective, purposes, requirements, objectives,
                contentAreas, funding, assignments, reportingRules, signedBy, recipients, internalNote);
    }
}
