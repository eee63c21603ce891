package vn.gems.plans.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.PlanKind;
import vn.gems.plans.PlanStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A plan in a list, a tree or the summary view ({@code counts} only in the summary view). */
@Schema(name = "PlanSummary", example = """
        {"id":3,"code":"TTH-BDG-2021-2025","documentNumber":null,
         "title":"Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới tỉnh Thừa Thiên Huế giai đoạn 2021-2025",
         "kind":"STRATEGY_IMPLEMENTATION","status":"ISSUED","issuingAgency":"TTH-PC","leadAgency":"TTH-DOLISA",
         "unitCode":"VN-46","issueDate":null,"periodFrom":2021,"periodTo":2025,"parentPlanId":null,"version":1,
         "issuedAt":"2025-11-21T08:00:00Z",
         "counts":{"objectives":6,"targets":20,"measures":25,"contentAreas":8,"assignments":14,"reportingRules":7}}""")
public record PlanSummary(long id, String code, String documentNumber, String title, PlanKind kind, PlanStatus status,
                          String issuingAgency, String leadAgency, String unitCode, LocalDate issueDate, int periodFrom,
                          int periodTo, Long parentPlanId, int version, Instant issuedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Counts counts) {

    /** How much the plan holds. */
    @Schema(name = "PlanCounts")
    public record Counts(int objectives, int targets, int measures, int contentAreas, int assignments, int reportingRules) {
    }
}
