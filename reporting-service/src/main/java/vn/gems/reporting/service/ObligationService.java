package vn.gems.reporting.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.http.ETags;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.ReminderStage;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportEvent;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ExtensionInput;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading obligations (my agency's, the ones my agency receives, or for auditors anyone's) and extending their due dates. */
@ApplicationScoped
@Transactional
public class ObligationService {

    public enum View { MINE, RECEIVED, ALL }

    public static final List<String> STATUSES = List.of("UPCOMING", "DUE_SOON", "OVERDUE", "SUBMITTED", "RETURNED", "ACCEPTED", "CANCELLED");

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Access access;
    private final ReportingConfig config;
    private final Notifier notifier;

    public ObligationService(Access access, ReportingConfig config, Notifier notifier) {
        this.access = access;
        this.config = config;
        this.notifier = notifier;
    }

    public Optional<Obligation> find(long id) {
        Optional<Obligation> o = Obligation.findByIdOptional(id);
        o.ifPresent(access::requireSee);
        return o;
    }

    /**
     * Grants more time (gia hạn): the due date becomes the new one, the plan's date is kept as the original, and
     * timeliness, reminders and consolidation count against the new date from now on. Only before the first
     * submission: a report's timeliness is its first submission's, which an extension must not rewrite.
     */
    public Obligation extend(long id, String ifMatch, ExtensionInput input) {
        Obligation o = Obligation.<Obligation>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Obligation", id));
        access.requireExtend(o);
        ETags.requireMatch(ifMatch, o.version);
        if (o.state == ObligationState.CANCELLED) {
            throw ProblemException.conflict("OBLIGATION_CANCELLED", "This obligation was cancelled by a plan amendment or closing");
        }
        if (o.state != ObligationState.OPEN || o.firstSubmittedAt != null) {
            throw ProblemException.conflict("ALREADY_SUBMITTED", "The report was already submitted (" + o.state
                    + "); its timeliness is that of its first submission and an extension no longer applies");
        }
        LocalDate original = o.originalDueDate != null ? o.originalDueDate : o.dueDate;
        LocalDate today = LocalDate.now(config.zone());
        if (!input.dueDate().isAfter(original)) {
            throw ProblemException.unprocessable("DUE_DATE_NOT_LATER", "dueDate",
                    "The new due date must be later than the original due date " + original);
        }
        if (input.dueDate().isBefore(today)) {
            throw ProblemException.unprocessable("DUE_DATE_IN_PAST", "dueDate", "The new due date must not be before today (" + today + ")");
        }
        LocalDate previous = o.dueDate;
        o.originalDueDate = original;
        o.dueDate = input.dueDate();
        o.extensionReason = input.reason().strip();
        // Reminders start over against the new date (their notices are keyed by due date).
        o.reminderStage = ReminderStage.NONE;
        Long reportId = Report.ofObligation(o.id).map(r -> r.id).orElse(null);
        String change = VN.format(previous) + " → " + VN.format(o.dueDate);
        ReportEvent.ofObligation(o.id, reportId, "DUE_DATE_EXTENDED", access.actor(), change + ": " + o.extensionReason).persist();
        notifier.notify(o.agency, "DUE_DATE_EXTENDED", o.id, reportId, "Gia hạn nộp báo cáo (due date extended): " + o.receivingAgency
                + " extended your " + o.kind + " report " + o.period + " from " + change + ". " + o.extensionReason,
                "extended:" + o.id + ":v" + o.version);
        o.flush();
        return o;
    }

    public PageView<Obligation> list(String view, String agency, Long planId, String period, String status, Paging paging) {
        View v = parseView(view);
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        switch (v) {
            case MINE -> {
                q.append(" and agency = :agency");
                p.put("agency", access.caller().requireAgency());
            }
            case RECEIVED -> {
                if (!access.caller().hasAnyRole(Roles.REVIEWER, Roles.PLAN_MANAGER)) {
                    throw ProblemException.forbidden("REVIEWER_ROLE_REQUIRED", "The received view is for reviewers and plan managers");
                }
                q.append(" and receivingAgency = :receiver");
                p.put("receiver", access.caller().requireAgency());
            }
            case ALL -> {
                if (!access.isOversight()) {
                    throw ProblemException.forbidden("AUDITOR_ROLE_REQUIRED", "Listing every agency's obligations is for auditors and admins");
                }
                if (agency != null && !agency.isBlank()) {
                    q.append(" and agency = :agency");
                    p.put("agency", agency);
                }
            }
        }
        if (planId != null) {
            q.append(" and planId = :plan");
            p.put("plan", planId);
        }
        if (period != null && !period.isBlank()) {
            q.append(" and period = :period");
            p.put("period", period);
        }
        if (status != null && !status.isBlank()) {
            statusFilter(status.trim().toUpperCase(Locale.ROOT), q, p);
        } else {
            q.append(" and state <> :cancelled");
            p.put("cancelled", ObligationState.CANCELLED);
        }
        var query = Obligation.<Obligation>find(q.toString(), Sort.by("dueDate").and("agency").and("id"), p);
        long total = query.count();
        List<Obligation> items = (long) paging.page() * paging.size() >= total ? List.of()
                : query.page(Page.of(paging.page(), paging.size())).list();
        return new PageView<>(items, total, paging.page(), paging.size());
    }

    private void statusFilter(String status, StringBuilder q, Map<String, Object> p) {
        LocalDate today = LocalDate.now(config.zone());
        switch (status) {
            case "UPCOMING" -> {
                q.append(" and state = :open and dueDate > :soon");
                p.put("open", ObligationState.OPEN);
                p.put("soon", today.plusDays(config.dueSoonDays()));
            }
            case "DUE_SOON" -> {
                q.append(" and state = :open and dueDate >= :today and dueDate <= :soon");
                p.put("open", ObligationState.OPEN);
                p.put("today", today);
                p.put("soon", today.plusDays(config.dueSoonDays()));
            }
            case "OVERDUE" -> {
                q.append(" and state = :open and dueDate < :today");
                p.put("open", ObligationState.OPEN);
                p.put("today", today);
            }
            case "SUBMITTED", "RETURNED", "ACCEPTED", "CANCELLED" -> {
                q.append(" and state = :state");
                p.put("state", ObligationState.valueOf(status));
            }
            default -> throw ProblemException.badRequest("INVALID_STATUS", "status must be one of " + STATUSES,
                    new FieldError("status", "INVALID_VALUE", "must be one of " + STATUSES));
        }
    }

    private static View parseView(String view) {
        if (view == null || view.isBlank()) {
            return View.MINE;
        }
        try {
            return View.valueOf(view.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_VIEW", "view must be mine, received or all",
                    new FieldError("view", "INVALID_VALUE", "must be mine, received or all"));
        }
    }
}
