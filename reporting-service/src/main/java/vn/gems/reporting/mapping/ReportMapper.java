package vn.gems.reporting.mapping;

import vn.gems.reporting.Obligation;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportVersion;
import vn.gems.reporting.rest.AttachmentView;
import vn.gems.reporting.rest.ReportVersionView;
import vn.gems.reporting.rest.ReportView;
import vn.gems.reporting.rest.ReviewView;
import vn.gems.reporting.service.Timeliness;

import java.time.ZoneId;
import java.util.List;

/** Report entities → API views, in one place. */
public final class ReportMapper {

    private ReportMapper() {
    }

    /** {@code withDraft} only for the submitting agency: nobody else reads a draft. */
    public static ReportView toView(Report r, Obligation o, boolean withDraft, ContentCodec codec, ReportVersion lastReviewed,
                                    Integer changesSinceAcceptance, List<AttachmentView> attachments, ZoneId zone) {
        Integer daysLate = r.firstSubmittedAt == null ? null : (int) Timeliness.daysLate(o.dueDate, r.firstSubmittedAt, zone);
        ReviewView review = lastReviewed == null ? null : new ReviewView(lastReviewed.number, lastReviewed.reviewOutcome,
                codec.review(lastReviewed.reviewComments), lastReviewed.reviewedBy, lastReviewed.reviewedAt);
        return new ReportView(r.id, o.id, r.agency, o.receivingAgency, o.planId, o.ruleKey, o.period, r.state, r.version,
                withDraft ? codec.content(r.draft) : null, r.lastVersionNo, r.acceptedVersionNo, r.firstSubmittedAt,
                r.lastSubmittedAt, r.acceptedAt, daysLate == null ? null : daysLate > 0, daysLate,
                changesSinceAcceptance, review, attachments, o.handedOverFrom, o.receiverHandedOverFrom);
    }

    public static ReportVersionView toView(ReportVersion v, ContentCodec codec) {
        return new ReportVersionView(v.reportId, v.number, codec.content(v.content), v.submittedAt, v.submittedBy, v.late,
                v.daysLate, v.reviewOutcome, codec.review(v.reviewComments), v.reviewedBy, v.reviewedAt);
    }
}
