package vn.gems.reporting.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.config.ReportingConfig;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading obligations: my agency's, the ones my agency receives, or (auditors) anyone's. */
@ApplicationScoped
@Transactional
public class ObligationService {

    public enum View { MINE, RECEIVED, ALL }

    public static final List<String> STATUSES = List.of("UPCOMING", "DUE_SOON", "OVERDUE", "SUBMITTED", "RETURNED", "ACCEPTED", "CANCELLED");

    private final Access access;
    private final ReportingConfig config;

    public ObligationService(Access access, ReportingConfig config) {
        this.access = access;
        this.config = config;
    }

    public Optional<Obligation> find(long id) {
        Optional<Obligation> o = Obligation.findByIdOptional(id);
        o.ifPresent(access::requireSee);
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
