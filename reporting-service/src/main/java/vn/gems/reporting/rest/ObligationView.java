package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.reporting.ObligationState;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An obligation with its timeliness as of today: {@code status} is UPCOMING, DUE_SOON, OVERDUE, SUBMITTED,
 * RETURNED, ACCEPTED or CANCELLED. After an extension {@code dueDate} is the extended date and
 * {@code originalDueDate} the plan's (null when never extended). {@code handedOverFrom}: the retired agency that owed it
 * before; {@code receiverHandedOverFrom}: the retired agency it was addressed to before its holder took the review over.
 */
@Schema(name = "Obligation", example = """
        {"id":41,"planId":12,"planVersion":1,"ruleKey":"R2","kind":"ANNUAL","period":"2024","dueDate":"2024-11-30",
         "originalDueDate":null,"extensionReason":null,
         "agency":"TTH-DOH","assignedAgency":"TTH-DOH","receivingAgency":"TTH-DOLISA","unitCode":"VN-46",
         "coverage":"RESPONSIBLE_TARGETS","consolidates":null,"state":"SUBMITTED","status":"SUBMITTED",
         "daysUntilDue":null,"late":true,"daysLate":2,"firstSubmittedAt":"2024-12-02T02:00:00Z","reportId":7,
         "handedOverFrom":null,"receiverHandedOverFrom":null}""")
public record ObligationView(long id, long planId, int planVersion, String ruleKey, RuleKind kind, String period,
                             LocalDate dueDate, LocalDate originalDueDate, String extensionReason, String agency,
                             String assignedAgency, String receivingAgency, String unitCode, Coverage coverage, String consolidates, ObligationState state,
                             String status, Long daysUntilDue, Boolean late, Long daysLate, Instant firstSubmittedAt,
                             Long reportId, String handedOverFrom, String receiverHandedOverFrom) {
}
