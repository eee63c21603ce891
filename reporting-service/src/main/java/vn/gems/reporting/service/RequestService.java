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
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportEvent;
import vn.gems.reporting.ReportRequest;
import vn.gems.reporting.RequestState;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.RequestInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * On-request reports (báo cáo chuyên đề, đột xuất khi có yêu cầu): the receiving agency of a dateless thematic or ad
 * hoc rule asks some or all of the rule's submitters for one report by a due date. Each recipient owes it as an
 * obligation of period {@code REQ-<id>}, reminded, counted late and filed like any other; a request withdrawn
 * before its due date cancels the obligations nothing was submitted for and keeps the others.
 */
@ApplicationScoped
@Transactional
public class RequestService {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A request with the obligations and history the caller may see. */
    public record Loaded(ReportRequest request, List<Obligation> obligations, Map<Long, Long> reportIds, List<ReportEvent> history) {
    }

    private final Access access;
    private final PlanStore plans;
    private final ObligationGenerator generator;
    private final AgencyDirectory agencies;
    private final Notifier notifier;
    private final ReportingConfig config;

    public RequestService(Access access, PlanStore plans, ObligationGenerator generator, AgencyDirectory agencies, Notifier notifier,
                          ReportingConfig config) {
        this.access = access;
        this.plans = plans;
        this.generator = generator;
        this.agencies = agencies;
        this.notifier = notifier;
        this.config = config;
    }

    public Loaded issue(RequestInput in) {
        PlanRef ref = PlanRef.<PlanRef>findByIdOptional(in.planId()).filter(p -> !"CLOSED".equals(p.status)).orElseThrow(() ->
                ProblemException.unprocessable("UNKNOWN_PLAN", "planId", "No issued plan " + in.planId() + " is known to reporting-service"));
        PlanModel plan = plans.model(ref);
        PlanModel.Rule rule = plan.rule(in.ruleKey().strip()).orElseThrow(() ->
                ProblemException.unprocessable("UNKNOWN_RULE", "ruleKey", "Plan " + ref.planId + " has no reporting rule " + in.ruleKey()));
        if (!rule.kind().onRequest() || rule.dueDay() != null && rule.dueMonth() != null) {
            throw ProblemException.unprocessable("RULE_NOT_ON_REQUEST", "ruleKey", "Rule " + rule.key() + " (" + rule.kind()
                    + ") is not a thematic or ad hoc rule without a due date; its reports fall due by the plan's dates");
        }
        LocalDate today = LocalDate.now(config.zone());
        String named = rule.receivingAgency() != null ? rule.receivingAgency() : plan.managingAgency();
        if (named == null) {
            throw ProblemException.unprocessable("NO_RECEIVING_AGENCY", "ruleKey", "Rule " + rule.key() + " names no receiving agency to ask for it");
        }
        String receiver = agencies.holderOn(named, today);
        requireIssuer(receiver, named);

        Set<String> submitters = new LinkedHashSet<>(generator.submitters(plan, rule));
        // The receiving agency never owes itself a report.
        submitters.remove(named);
        submitters.remove(receiver);
        List<FieldError> errors = new ArrayList<>();
        if (!in.dueDate().isAfter(today)) {
            errors.add(new FieldError("dueDate", "DUE_DATE_NOT_IN_FUTURE", "must be after today (" + today + ")"));
        }
        Set<String> recipients = new LinkedHashSet<>();
        if (in.recipientsOrEmpty().isEmpty()) {
            recipients.addAll(submitters);
        }
        for (int i = 0; i < in.recipientsOrEmpty().size(); i++) {
            String a = in.recipientsOrEmpty().get(i).strip();
            if (submitters.contains(a)) {
                recipients.add(a);
            } else {
                errors.add(new FieldError("recipients[" + i + "]", "NOT_A_SUBMITTER", a + " is not a submitter of rule " + rule.key()
                        + " (submitters: " + String.join(", ", submitters) + ")"));
            }
        }
        if (submitters.isEmpty()) {
            errors.add(new FieldError("ruleKey", "NO_SUBMITTERS", "rule " + rule.key() + " names no submitter to ask"));
        }
        Set<String> targetKeys = new LinkedHashSet<>();
        for (int i = 0; i < in.targetKeysOrEmpty().size(); i++) {
            String k = in.targetKeysOrEmpty().get(i).strip();
            boolean known = plan.objectives().stream().flatMap(o -> o.targets().stream()).anyMatch(t -> t.key().equals(k));
            if (known) {
                targetKeys.add(k);
            } else {
                errors.add(new FieldError("targetKeys[" + i + "]", "UNKNOWN_TARGET", "the plan has no target " + k));
            }
        }
        Set<String> indicatorCodes = new LinkedHashSet<>();
        for (int i = 0; i < in.indicatorCodesOrEmpty().size(); i++) {
            String c = in.indicatorCodesOrEmpty().get(i).strip();
            if (plan.measures().stream().anyMatch(l -> c.equals(l.measure().indicatorCode()))) {
                indicatorCodes.add(c);
            } else {
                errors.add(new FieldError("indicatorCodes[" + i + "]", "UNKNOWN_INDICATOR", "no measure of the plan is about indicator " + c));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.getFirst().code(), "The request cannot be issued: " + errors.getFirst().message(), errors);
        }

        ReportRequest r = new ReportRequest();
        r.planId = ref.planId;
        r.planVersion = ref.planVersion;
        r.ruleKey = rule.key();
        r.kind = rule.kind();
        r.receivingAgency = receiver;
        r.subject = in.subject().strip();
        r.instructions = in.instructions().strip();
        r.dueDate = in.dueDate();
        r.recipients = ReportRequest.join(List.copyOf(recipients));
        r.targetKeys = ReportRequest.join(List.copyOf(targetKeys));
        r.indicatorCodes = ReportRequest.join(List.copyOf(indicatorCodes));
        r.state = RequestState.OPEN;
        r.requestedBy = access.actor();
        r.persistAndFlush();
        int created = obligations(plan, rule, r);
        ReportEvent.ofRequest(r.id, "ISSUED", access.actor(), created + " recipient(s), due " + VN.format(r.dueDate) + ": " + r.subject).persist();
        return load(r);
    }

    /**
     * The request's obligations, one per recipient, created when missing (by the natural key plan, rule, period,
     * recipient), so running it again creates nothing; each new one is told to its agency.
     */
    int obligations(PlanModel plan, PlanModel.Rule rule, ReportRequest r) {
        int created = 0;
        for (String recipient : r.recipientList()) {
            if (Obligation.count("planId = ?1 and ruleKey = ?2 and period = ?3 and assignedAgency = ?4",
                    r.planId, r.ruleKey, r.period(), recipient) > 0) {
                continue;
            }
            Obligation o = new Obligation();
            o.planId = r.planId;
            o.planVersion = r.planVersion;
            o.ruleKey = r.ruleKey;
            o.kind = r.kind;
            o.period = r.period();
            o.dueDate = r.dueDate;
            o.assignedAgency = recipient;
            o.agency = agencies.holderOn(recipient, r.dueDate);
            o.handedOverFrom = o.agency.equals(recipient) ? null : recipient;
            o.receivingAgency = r.receivingAgency;
            o.unitCode = agencies.get(o.agency).map(a -> a.unitCode).orElse(plan.unitCode());
            o.coverage = rule.coverage();
            o.state = ObligationState.OPEN;
            o.requestId = r.id;
            o.persistAndFlush();
            ReportEvent.ofObligation(o.id, null, "REQUESTED", access.actor(), r.subject).persist();
            notifier.notify(o.agency, "REPORT_REQUESTED", o.id, null, "Yêu cầu báo cáo (report requested): " + r.receivingAgency
                    + " asks your " + r.kind + " report \"" + r.subject + "\" by " + VN.format(r.dueDate) + ". " + r.instructions,
                    "requested:" + o.id);
            created++;
        }
        return created;
    }

    /** Withdraws the request before its due date: obligations never submitted are cancelled, submitted ones kept. */
    public Loaded withdraw(long id, String ifMatch, String reason) {
        ReportRequest r = ReportRequest.<ReportRequest>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Report request", id));
        requireIssuer(r.receivingAgency, r.receivingAgency);
        ETags.requireMatch(ifMatch, r.version);
        if (r.state == RequestState.WITHDRAWN) {
            throw ProblemException.conflict("REQUEST_WITHDRAWN", "This request was already withdrawn on " + r.withdrawnAt);
        }
        LocalDate today = LocalDate.now(config.zone());
        if (!today.isBefore(r.dueDate)) {
            throw ProblemException.conflict("REQUEST_DUE", "A request can be withdrawn only before its due date (" + VN.format(r.dueDate)
                    + "); its reports are owed and counted now");
        }
        String why = reason.strip();
        int cancelled = 0;
        int kept = 0;
        for (Obligation o : Obligation.<Obligation>list("requestId", r.id)) {
            if (o.state == ObligationState.CANCELLED) {
                continue;
            }
            if (o.firstSubmittedAt != null) {
                kept++;
                continue;
            }
            o.state = ObligationState.CANCELLED;
            o.cancelledAt = Instant.now();
            ReportEvent.ofObligation(o.id, null, "REQUEST_WITHDRAWN", access.actor(), why).persist();
            notifier.notify(o.agency, "REQUEST_WITHDRAWN", o.id, null, "Rút yêu cầu báo cáo (request withdrawn): " + r.receivingAgency
                    + " no longer asks your report \"" + r.subject + "\". " + why, "withdrawn:" + o.id);
            cancelled++;
        }
        r.state = RequestState.WITHDRAWN;
        r.withdrawnAt = Instant.now();
        r.withdrawnBy = access.actor();
        r.withdrawalReason = why;
        ReportEvent.ofRequest(r.id, "WITHDRAWN", access.actor(), why + " (" + cancelled + " obligation(s) cancelled, " + kept + " submitted kept)")
                .persist();
        r.flush();
        return load(r);
    }

    public Optional<Loaded> find(long id) {
        return ReportRequest.<ReportRequest>findByIdOptional(id).map(r -> {
            requireSee(r);
            return load(r);
        });
    }

    public PageView<Loaded> list(Long planId, String state, Paging paging) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (!access.isOversight()) {
            q.append(" and (receivingAgency = :mine or id in (select o.requestId from Obligation o where o.agency = :mine or o.assignedAgency = :mine))");
            p.put("mine", access.caller().requireAgency());
        }
        if (planId != null) {
            q.append(" and planId = :plan");
            p.put("plan", planId);
        }
        if (state != null && !state.isBlank()) {
            q.append(" and state = :state");
            p.put("state", parseState(state));
        }
        var query = ReportRequest.<ReportRequest>find(q.toString(), Sort.descending("id"), p);
        long total = query.count();
        List<ReportRequest> items = (long) paging.page() * paging.size() >= total ? List.of()
                : query.page(Page.of(paging.page(), paging.size())).list();
        return new PageView<>(items.stream().map(this::load).toList(), total, paging.page(), paging.size());
    }

    private Loaded load(ReportRequest r) {
        List<Obligation> all = Obligation.list("requestId = ?1 order by assignedAgency, id", r.id);
        boolean everything = access.isOversight() || staffOf(r.receivingAgency);
        Optional<String> mine = access.caller().agency();
        List<Obligation> visible = everything ? all
                : all.stream().filter(o -> mine.map(a -> a.equals(o.agency) || a.equals(o.assignedAgency)).orElse(false)).toList();
        Map<Long, Long> reportIds = new HashMap<>();
        if (!visible.isEmpty()) {
            Report.<Report>list("obligationId in ?1", visible.stream().map(o -> o.id).toList()).forEach(x -> reportIds.put(x.obligationId, x.id));
        }
        return new Loaded(r, visible, reportIds, ReportEvent.list("requestId = ?1 order by at, id", r.id));
    }

    /** Issuing and withdrawing: a reviewer of the receiving agency (or of its holder after a retirement), or an admin. */
    private void requireIssuer(String receiver, String named) {
        boolean reviewer = access.caller().hasRole(Roles.REVIEWER)
                && access.caller().agency().map(a -> a.equals(receiver) || a.equals(named)).orElse(false);
        if (!(reviewer || access.caller().hasRole(Roles.ADMIN))) {
            throw ProblemException.forbidden("NOT_YOUR_RECEIVING_AGENCY", "Only reviewers of the rule's receiving agency (" + receiver
                    + ") can issue or withdraw its report requests");
        }
    }

    private void requireSee(ReportRequest r) {
        if (access.isOversight() || staffOf(r.receivingAgency)) {
            return;
        }
        String mine = access.caller().agency().orElse(null);
        if (mine == null || Obligation.count("requestId = ?1 and (agency = ?2 or assignedAgency = ?2)", r.id, mine) == 0) {
            throw ProblemException.forbidden("NOT_YOUR_REQUEST", "This report request was neither issued by nor sent to your agency");
        }
    }

    private boolean staffOf(String agency) {
        return access.caller().agency().map(agency::equals).orElse(false);
    }

    private static RequestState parseState(String state) {
        try {
            return RequestState.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_STATE", "state must be OPEN or WITHDRAWN",
                    new FieldError("state", "INVALID_VALUE", "must be OPEN or WITHDRAWN"));
        }
    }
}
