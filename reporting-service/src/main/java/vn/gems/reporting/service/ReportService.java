package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.http.ETags;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.indicators.ValueBatch;
import vn.gems.reporting.Attachment;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.OutboxMessage;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportEvent;
import vn.gems.reporting.ReportState;
import vn.gems.reporting.ReportVersion;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.mapping.ContentDiff;
import vn.gems.reporting.mapping.ValuesPayload;
import vn.gems.reporting.rest.AttachmentView;
import vn.gems.reporting.rest.DiffView;
import vn.gems.reporting.rest.FileReport;
import vn.gems.reporting.rest.ReportContent;
import vn.gems.reporting.rest.ReviewInput;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The report lifecycle: draft → submitted → returned (with comments) → resubmitted → accepted. Every submission
 * is kept as a numbered version; acceptance queues the values for indicators-service in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    private final Access access;
    private final PlanStore plans;
    private final ContentCodec codec;
    private final Outbox outbox;
    private final Notifier notifier;
    private final ReportingConfig config;
    private final ConsolidationPrefill consolidation;

    public ReportService(Access access, PlanStore plans, ContentCodec codec, Outbox outbox, Notifier notifier,
                         ReportingConfig config, ConsolidationPrefill consolidation) {
        this.access = access;
        this.plans = plans;
        this.codec = codec;
        this.outbox = outbox;
        this.notifier = notifier;
        this.config = config;
        this.consolidation = consolidation;
    }

    /** A report with its obligation, for the resources and mappers. */
    public record Loaded(Report report, Obligation obligation) {
    }

    public Optional<Loaded> find(long reportId) {
        Optional<Report> r = Report.findByIdOptional(reportId);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Obligation o = Obligation.findById(r.get().obligationId);
        access.requireSee(o);
        if (!access.isSubmitter(o) && r.get().lastVersionNo == 0) {
            throw ProblemException.forbidden("DRAFT_IS_PRIVATE", "This report has not been submitted yet; drafts are private to their agency");
        }
        return Optional.of(new Loaded(r.get(), o));
    }

    public Optional<Report> forObligation(long obligationId) {
        return Report.ofObligation(obligationId);
    }

    /**
     * Starts the agency's report for an obligation. A consolidating obligation (DOLISA's report upward, a province's
     * report to the ministry) starts prefilled from the consolidation of the reports it receives.
     */
    public Loaded create(long obligationId, ReportContent initial) {
        Obligation o = Obligation.<Obligation>findByIdOptional(obligationId)
                .orElseThrow(() -> ProblemException.notFound("Obligation", obligationId));
        access.requireWrite(o);
        if (o.state == ObligationState.CANCELLED) {
            throw ProblemException.conflict("OBLIGATION_CANCELLED", "This obligation was cancelled by a plan amendment or closing");
        }
        Optional<Report> existing = forObligation(obligationId);
        if (existing.isPresent()) {
            throw ProblemException.conflict("REPORT_EXISTS", "Obligation " + obligationId + " already has report " + existing.get().id);
        }
        PlanModel plan = plans.require(o.planId);
        ReportContent content = initial;
        if (content == null) {
            content = ContentRules.consolidated(plan, o) ? consolidation.prefill(o, plan) : ReportContent.empty();
        }
        Report r = new Report();
        r.obligationId = o.id;
        r.agency = o.agency;
        r.state = ReportState.DRAFT;
        r.createdBy = access.actor();
        r.draft = codec.write(content);
        r.persist();
        List<FieldError> errors = ContentRules.checkDraft(plan, o, content, Set.of());
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("INVALID_REPORT_CONTENT", errors.size() + " field(s) do not fit the plan", errors);
        }
        ReportEvent.of(r.id, "CREATED", access.actor(), null).persist();
        r.flush();
        return new Loaded(r, o);
    }

    /** Starts (and with {@code submit}, submits) the caller's agency's report for a plan, rule and period. */
    public Loaded file(FileReport in, ObligationGenerator generator) {
        String agency = access.caller().requireAgency();
        PlanRef ref = generator.known(in.planCode())
                .orElseThrow(() -> ProblemException.notFound("Issued plan", in.planCode()));
        Obligation o = Obligation.<Obligation>find("planId = ?1 and ruleKey = ?2 and period = ?3 and agency = ?4 and state <> ?5",
                        ref.planId, in.ruleKey(), in.period(), agency, ObligationState.CANCELLED).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Obligation of " + agency + " under", in.planCode() + " " + in.ruleKey() + " " + in.period()));
        Loaded l = create(o.id, in.content());
        return in.submit() ? submit(l.report().id, null) : l;
    }

    /** Replaces the working draft; needs the ETag read. */
    public Loaded update(long reportId, String ifMatch, ReportContent content) {
        Loaded l = own(reportId);
        Report r = l.report();
        ETags.requireMatch(ifMatch, r.version);
        if (!r.state.editable()) {
            throw ProblemException.conflict("REPORT_UNDER_REVIEW", "The report is with the reviewer; it can be edited again once returned");
        }
        PlanModel plan = plans.require(l.obligation().planId);
        List<FieldError> errors = ContentRules.checkDraft(plan, l.obligation(), content, attachmentIds(r.id));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("INVALID_REPORT_CONTENT", errors.size() + " field(s) do not fit the plan", errors);
        }
        r.draft = codec.write(content);
        r.updatedAt = Instant.now();
        ReportEvent.of(r.id, "EDITED", access.actor(), null).persist();
        r.flush();
        return l;
    }

    /** Submits the draft as a new version. Late submissions are allowed and marked with their days overdue. */
    public Loaded submit(long reportId, String ifMatch) {
        Loaded l = own(reportId);
        Report r = l.report();
        Obligation o = l.obligation();
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, r.version);
        }
        if (r.state == ReportState.SUBMITTED) {
            throw ProblemException.conflict("ALREADY_SUBMITTED", "Version " + r.lastVersionNo + " is already with the reviewer");
        }
        if (o.state == ObligationState.CANCELLED) {
            throw ProblemException.conflict("OBLIGATION_CANCELLED", "This obligation was cancelled by a plan amendment or closing");
        }
        ReportContent content = codec.content(r.draft);
        if (r.state == ReportState.ACCEPTED) {
            ReportContent accepted = codec.content(version(r.id, r.acceptedVersionNo).content);
            if (ContentDiff.diff(accepted, content).isEmpty()) {
                throw ProblemException.conflict("NOTHING_TO_SUBMIT", "The draft is the accepted version; change something before resubmitting");
            }
        }
        PlanModel plan = plans.require(o.planId);
        List<FieldError> errors = ContentRules.checkDraft(plan, o, content, attachmentIds(r.id));
        errors = new ArrayList<>(errors);
        errors.addAll(ContentRules.checkSubmission(plan, o, content));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("REPORT_INCOMPLETE", errors.size() + " field(s) must be completed before submitting", errors);
        }
        Instant now = Instant.now();
        ReportVersion v = new ReportVersion();
        v.reportId = r.id;
        v.number = r.lastVersionNo + 1;
        v.content = r.draft;
        v.submittedAt = now;
        v.submittedBy = access.actor();
        v.daysLate = (int) Timeliness.daysLate(o.dueDate, now, config.zone());
        v.late = v.daysLate > 0;
        v.persist();
        r.lastVersionNo = v.number;
        r.state = ReportState.SUBMITTED;
        r.lastSubmittedAt = now;
        if (r.firstSubmittedAt == null) {
            r.firstSubmittedAt = now;
        }
        r.updatedAt = now;
        o.state = ObligationState.SUBMITTED;
        if (o.firstSubmittedAt == null) {
            o.firstSubmittedAt = now;
        }
        ReportEvent.of(r.id, "SUBMITTED", access.actor(), "version " + v.number + (v.late ? ", " + v.daysLate + " day(s) late" : "")).persist();
        notifier.notify(o.receivingAgency, "SUBMITTED", o.id, r.id, o.agency + " submitted version " + v.number + " of its "
                + o.kind + " report " + o.period + (v.late ? " (" + v.daysLate + " day(s) late)" : ""), "submitted:" + r.id + ":v" + v.number);
        r.flush();
        return l;
    }

    /** Sends the report back with comments per section or per value. */
    public Loaded returnForChanges(long reportId, String ifMatch, ReviewInput review) {
        Loaded l = underReview(reportId, ifMatch);
        if (review == null || ((review.summary() == null || review.summary().isBlank()) && review.comments().isEmpty())) {
            throw ProblemException.unprocessable("REVIEW_COMMENT_REQUIRED", "comments", "Say what must change: a summary or at least one comment");
        }
        PlanModel plan = plans.require(l.obligation().planId);
        checkComments(plan, review);
        ReportVersion v = version(l.report().id, l.report().lastVersionNo);
        review(v, "RETURNED", review);
        l.report().state = ReportState.RETURNED;
        l.obligation().state = ObligationState.RETURNED;
        ReportEvent.of(l.report().id, "RETURNED", access.actor(), review.summary()).persist();
        notifier.notify(l.obligation().agency, "RETURNED", l.obligation().id, l.report().id,
                l.obligation().receivingAgency + " returned version " + v.number + " of your " + l.obligation().kind + " report "
                        + l.obligation().period + " with " + review.comments().size() + " comment(s)", "returned:" + l.report().id + ":v" + v.number);
        l.report().flush();
        return l;
    }

    /**
     * Accepts the version under review. Its values are queued for indicators-service in this transaction, keyed by
     * report and version, so they reach it exactly once even if it is down now.
     */
    public Loaded accept(long reportId, String ifMatch, ReviewInput review) {
        Loaded l = underReview(reportId, ifMatch);
        Report r = l.report();
        Obligation o = l.obligation();
        PlanModel plan = plans.require(o.planId);
        if (review != null) {
            checkComments(plan, review);
        }
        ReportVersion v = version(r.id, r.lastVersionNo);
        review(v, "ACCEPTED", review);
        Instant now = Instant.now();
        r.state = ReportState.ACCEPTED;
        r.acceptedVersionNo = v.number;
        r.acceptedAt = now;
        o.state = ObligationState.ACCEPTED;
        // A consolidating report's figures come from indicators-service's roll-ups: sending them back would count them twice.
        if (!ContentRules.consolidated(plan, o)) {
            ValueBatch payload = ValuesPayload.build(plan, o, r.id, v.number, codec.content(v.content));
            if (payload != null) {
                outbox.enqueue(OutboxMessage.TOPIC_VALUES, ValuesPayload.idempotencyKey(r.id, v.number), codec.write(payload));
            }
        }
        ReportEvent.of(r.id, "ACCEPTED", access.actor(), "version " + v.number).persist();
        notifier.notify(o.agency, "ACCEPTED", o.id, r.id, o.receivingAgency + " accepted version " + v.number + " of your "
                + o.kind + " report " + o.period, "accepted:" + r.id + ":v" + v.number);
        r.flush();
        return l;
    }

    public List<ReportVersion> versions(long reportId) {
        find(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        return ReportVersion.<ReportVersion>find("reportId = ?1 order by number", reportId).list();
    }

    public Optional<ReportVersion> version(long reportId, int number, boolean checkAccess) {
        if (checkAccess) {
            find(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        }
        return ReportVersion.findByIdOptional(new ReportVersion.Key(reportId, number));
    }

    /** Differences between two versions; {@code to} "draft" compares with the working draft (own agency only). */
    public DiffView diff(long reportId, String from, String to) {
        Loaded l = find(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        Report r = l.report();
        String f = from != null ? from : String.valueOf(Math.max(1, r.lastVersionNo - 1));
        String t = to != null ? to : String.valueOf(r.lastVersionNo);
        ReportContent a = contentOf(l, f, "from");
        ReportContent b = contentOf(l, t, "to");
        List<DiffView.Change> changes = ContentDiff.diff(a, b);
        return new DiffView(reportId, f, t, changes.size(), changes);
    }

    /** Edits made to the draft since the accepted version (null before acceptance). */
    public Integer changesSinceAcceptance(Report r) {
        if (r.acceptedVersionNo == null) {
            return null;
        }
        ReportContent accepted = codec.content(version(r.id, r.acceptedVersionNo).content);
        return ContentDiff.diff(accepted, codec.content(r.draft)).size();
    }

    public Optional<ReportVersion> lastReviewed(Report r) {
        return ReportVersion.find("reportId = ?1 and reviewOutcome is not null order by number desc", r.id).firstResultOptional();
    }

    /** The report's files, without their bytes. */
    public List<AttachmentView> attachments(long reportId) {
        return Attachment.getEntityManager().createQuery("select new vn.gems.reporting.rest.AttachmentView(a.id, a.reportId, "
                        + "a.filename, a.contentType, a.sizeBytes, a.sha256, a.createdBy, a.createdAt) from Attachment a "
                        + "where a.reportId = :r order by a.id", AttachmentView.class)
                .setParameter("r", reportId).getResultList();
    }

    private ReportContent contentOf(Loaded l, String which, String field) {
        if ("draft".equalsIgnoreCase(which)) {
            if (!access.isSubmitter(l.obligation())) {
                throw ProblemException.forbidden("DRAFT_IS_PRIVATE", "Only the submitting agency can compare with its draft");
            }
            return codec.content(l.report().draft);
        }
        int n;
        try {
            n = Integer.parseInt(which);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("INVALID_VERSION", field + " must be a version number or 'draft'",
                    new FieldError(field, "INVALID_VALUE", "must be a version number or 'draft'"));
        }
        return codec.content(version(l.report().id, n, false)
                .orElseThrow(() -> ProblemException.notFound("Version", l.report().id + "/" + n)).content);
    }

    private Loaded own(long reportId) {
        Report r = Report.<Report>findByIdOptional(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        Obligation o = Obligation.findById(r.obligationId);
        access.requireWrite(o);
        return new Loaded(r, o);
    }

    private Loaded underReview(long reportId, String ifMatch) {
        Report r = Report.<Report>findByIdOptional(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        Obligation o = Obligation.findById(r.obligationId);
        access.requireReview(o);
        ETags.requireMatch(ifMatch, r.version);
        if (r.state != ReportState.SUBMITTED) {
            throw ProblemException.conflict("NOT_UNDER_REVIEW", "The report is " + r.state + "; only a submitted report can be returned or accepted");
        }
        return new Loaded(r, o);
    }

    private void review(ReportVersion v, String outcome, ReviewInput review) {
        v.reviewOutcome = outcome;
        v.reviewComments = review == null ? null : codec.write(review);
        v.reviewedBy = access.actor();
        v.reviewedAt = Instant.now();
    }

    private static void checkComments(PlanModel plan, ReviewInput review) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < review.comments().size(); i++) {
            ReviewInput.Comment c = review.comments().get(i);
            if (c.measureKey() != null && plan.measure(c.measureKey()).isEmpty()) {
                errors.add(new FieldError("comments[" + i + "].measureKey", "UNKNOWN_MEASURE", "the plan has no measure " + c.measureKey()));
            }
            if (c.objectiveKey() != null && plan.objective(c.objectiveKey()).isEmpty()) {
                errors.add(new FieldError("comments[" + i + "].objectiveKey", "UNKNOWN_OBJECTIVE", "the plan has no objective " + c.objectiveKey()));
            }
            if (c.measureKey() != null && c.sectionKind() != null) {
                errors.add(new FieldError("comments[" + i + "]", "ONE_TARGET", "a comment is on a section or on a value, not both"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("INVALID_REVIEW", errors.size() + " comment(s) point at nothing in the plan", errors);
        }
    }

    private static ReportVersion version(long reportId, int number) {
        return ReportVersion.findById(new ReportVersion.Key(reportId, number));
    }

    private static Set<Long> attachmentIds(long reportId) {
        return new HashSet<>(Attachment.getEntityManager()
                .createQuery("select a.id from Attachment a where a.reportId = :r", Long.class)
                .setParameter("r", reportId).getResultList());
    }
}
