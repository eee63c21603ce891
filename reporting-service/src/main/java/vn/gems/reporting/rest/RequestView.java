package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.RequestState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A report request with its recipients' obligations (timeliness as of today, counted like any obligation's) and its
 * history. A recipient agency sees its own obligation only.
 */
@Schema(name = "ReportRequest", example = """
        {"id":5,"planId":12,"planVersion":1,"ruleKey":"R6","kind":"THEMATIC","receivingAgency":"TTH-DOLISA",
         "subject":"Báo cáo chuyên đề về phòng, chống bạo lực gia đình","instructions":"Nêu số vụ được phát hiện, xử lý.",
         "dueDate":"2026-12-15","period":"REQ-5","recipients":["TTH-DOH","TTH-DCS"],"targetKeys":["O4-T1"],"indicatorCodes":[],
         "state":"OPEN","requestedBy":"dolisa.officer","requestedAt":"2026-12-01T02:00:00Z","withdrawnAt":null,"withdrawnBy":null,
         "withdrawalReason":null,"counts":{"total":2,"submitted":1,"onTime":1,"late":0,"overdue":0,"cancelled":0},
         "obligations":[{"obligationId":41,"agency":"TTH-DOH","assignedAgency":"TTH-DOH","state":"SUBMITTED","status":"SUBMITTED",
                         "late":false,"daysLate":0,"reportId":7},
                        {"obligationId":42,"agency":"TTH-DCS","assignedAgency":"TTH-DCS","state":"OPEN","status":"UPCOMING",
                         "late":null,"daysLate":null,"reportId":null}],
         "history":[{"action":"ISSUED","actor":"dolisa.officer","detail":"2 recipient(s), due 15/12/2026","at":"2026-12-01T02:00:00Z"}]}""")
public record RequestView(long id, long planId, int planVersion, String ruleKey, RuleKind kind, String receivingAgency, String subject,
                          String instructions, LocalDate dueDate, String period, List<String> recipients, List<String> targetKeys,
                          List<String> indicatorCodes, RequestState state, String requestedBy, Instant requestedAt, Instant withdrawnAt,
                          String withdrawnBy, String withdrawalReason, Counts counts, List<Recipient> obligations, List<Step> history) {

    /** One recipient's obligation. */
    public record Recipient(long obligationId, String agency, String assignedAgency, ObligationState state, String status, Boolean late,
                            Long daysLate, Long reportId) {
    }

    /** Timeliness of the request's obligations: submitted on time or late, overdue (none yet, past due), cancelled. */
    public record Counts(int total, int submitted, int onTime, int late, int overdue, int cancelled) {
    }

    /** Who did what, when. */
    public record Step(String action, String actor, String detail, Instant at) {
    }
}
