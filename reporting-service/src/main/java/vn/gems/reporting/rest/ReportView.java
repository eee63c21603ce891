package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.reporting.ReportState;

import java.time.Instant;
import java.util.List;

/**
 * A report as its reader may see it: the submitting agency sees its working {@code draft}; reviewers and auditors
 * see {@code draft} null and read the submitted versions. {@code changesSinceAcceptance} counts the edits made to
 * the draft after the last accepted version. {@code handedOverFrom} / {@code receiverHandedOverFrom}: the retired agency
 * that owed it / received it before a hand-over (history; null when none).
 */
@Schema(name = "Report")
public record ReportView(long id, long obligationId, String agency, String receivingAgency, long planId,
                         String ruleKey, String period, ReportState state, long version, ReportContent draft,
                         int lastVersionNo, Integer acceptedVersionNo, Instant firstSubmittedAt,
                         Instant lastSubmittedAt, Instant acceptedAt, Boolean late, Integer daysLate,
                         Integer changesSinceAcceptance, ReviewView lastReview, List<AttachmentView> attachments,
                         String handedOverFrom, String receiverHandedOverFrom) {
}
