package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.plans.Plan;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.reporting.PlanEvent;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.ReminderStage;
import vn.gems.reporting.client.PlansClient;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.PlanReader;
import vn.gems.reporting.rest.PlanEventResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a plan's reporting regime into obligations. Generation compares what the plan version implies with what
 * exists, by the natural key (plan, rule, period, assigned agency): running it twice creates nothing new; an
 * amendment adds new obligations, cancels dropped ones that nothing was submitted for, and keeps submitted ones.
 */
@ApplicationScoped
@Transactional
public class ObligationGenerator {

    private static final Logger LOG = Logger.getLogger(ObligationGenerator.class);

    private final PlansClient plans;
    private final AgencyDirectory agencies;
    private final PlanStore store;
    private final ReportingConfig config;
    private final SubmitterSelector selector;

    public ObligationGenerator(PlansClient plans, AgencyDirectory agencies, PlanStore store, ReportingConfig config,
                               SubmitterSelector selector) {
        this.plans = plans;
        this.agencies = agencies;
        this.store = store;
        this.config = config;
        this.selector = selector;
    }

    /** Handles plans-service's event: reads the plan version and (re)generates its obligations. */
    public PlanEventResult handle(PlanEvent event) {
        // Events of one plan are handled one at a time, even on several replicas.
        PlanRef.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, event.planId()).getSingleResult();
        PlanRef known = PlanRef.findById(event.planId());
        if (known != null && known.planVersion > event.planVersion()) {
            throw ProblemException.conflict("PLAN_EVENT_SUPERSEDED", "Plan " + event.planId() + " is already known at version "
                    + known.planVersion + "; the event for version " + event.planVersion() + " changes nothing");
        }
        if (event.event() == PlanEvent.Kind.CLOSED && known != null && known.planVersion == event.planVersion()) {
            return close(known, event);
        }
        Plan doc = plans.planVersion(event.planId(), event.planVersion()).orElseThrow(() ->
                ProblemException.unprocessable("UNKNOWN_PLAN_VERSION", "planVersion",
                        "plans-service has no version " + event.planVersion() + " of plan " + event.planId()));
        PlanModel plan = PlanReader.read(doc, event.planId(), event.planVersion());
        PlanRef ref = store(known, plan, doc, event);
        if (event.event() == PlanEvent.Kind.CLOSED) {
            return close(ref, event);
        }
        Counts counts = generate(plan);
        // A district plan issued under a province plan adds a submitter to the parent's CHILD_PLANS rules.
        if (plan.parentPlanId() != null) {
            PlanRef parent = PlanRef.findById(plan.parentPlanId());
            if (parent != null && !"CLOSED".equals(parent.status)) {
                generate(model(parent));
            }
        }
        return counts.result(plan, event.event().name());
    }

    /**
     * The plan with this code, pulled from plans-service when its event has not arrived yet (an issued plan only);
     * generating from it is what the event will do, so the event later changes nothing.
     */
    public Optional<PlanRef> known(String code) {
        Optional<PlanRef> ref = PlanRef.find("code", code).firstResultOptional();
        if (ref.isPresent()) {
            return ref;
        }
        Optional<Plan> current = plans.plan(code);
        if (current.isEmpty() || !"ISSUED".equals(current.get().status()) || current.get().id() == null || current.get().version() == null) {
            return Optional.empty();
        }
        Plan doc = current.get();
        handle(new PlanEvent(doc.id(), doc.version(), PlanEvent.Kind.ISSUED, null));
        return PlanRef.find("code", code).firstResultOptional();
    }

    /** Regenerates a known plan's obligations from its stored document (no call to plans-service for the plan). */
    public PlanEventResult regenerate(long planId) {
        PlanRef ref = PlanRef.findById(planId);
        if (ref == null) {
            throw ProblemException.notFound("Plan", planId);
        }
        PlanModel plan = model(ref);
        return generate(plan).result(plan, "REGENERATED");
    }

    public PlanModel model(PlanRef ref) {
        return store.model(ref);
    }

    private PlanRef store(PlanRef known, PlanModel plan, Plan doc, PlanEvent event) {
        PlanRef ref = known == null ? new PlanRef() : known;
        ref.planId = event.planId();
        ref.planVersion = event.planVersion();
        ref.status = event.event() == PlanEvent.Kind.CLOSED ? "CLOSED" : plan.status() == null ? "ISSUED" : plan.status();
        ref.number = cut(plan.number(), 100);
        ref.code = cut(plan.code(), 60);
        ref.title = cut(plan.title(), 1000);
        ref.issuingAgency = plan.issuingAgency();
        ref.leadAgency = plan.leadAgency();
        ref.unitCode = plan.unitCode() != null ? plan.unitCode()
                : plan.issuingAgency() == null ? null : agencies.get(plan.issuingAgency()).map(a -> a.unitCode).orElse(null);
        ref.parentPlanId = plan.parentPlanId();
        ref.document = store.write(doc);
        ref.updatedAt = Instant.now();
        ref.persist();
        return ref;
    }

    /** A closed plan asks for nothing more: obligations not yet due and never submitted are cancelled. */
    private PlanEventResult close(PlanRef ref, PlanEvent event) {
        ref.status = "CLOSED";
        ref.updatedAt = Instant.now();
        LocalDate today = LocalDate.now(config.zone());
        int cancelled = 0;
        int kept = 0;
        for (Obligation o : Obligation.<Obligation>list("planId", ref.planId)) {
            if (o.state == ObligationState.OPEN && o.dueDate.isAfter(today) && !submittedEver(o)) {
                cancel(o);
                cancelled++;
            } else if (o.state != ObligationState.CANCELLED) {
                kept++;
            }
        }
        return new PlanEventResult(ref.planId, ref.planVersion, event.event().name(), 0, 0, cancelled, 0, kept, 0);
    }

    /** One obligation the plan implies, before it is matched with what exists. */
    record Wanted(String ruleKey, RuleKind kind, String period, LocalDate dueDate, String assignedAgency,
                  String agency, String receivingAgency, String unitCode, PlanModel.Rule rule, boolean required) {
        String naturalKey() {
            return ruleKey + "|" + period + "|" + assignedAgency;
        }
    }

    private Counts generate(PlanModel plan) {
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        for (Wanted w : wanted(plan)) {
            wanted.putIfAbsent(w.naturalKey(), w);
        }
        Map<String, Obligation> existing = new HashMap<>();
        // On-request obligations (period REQ-<id>) belong to their request, not to the plan's regime.
        for (Obligation o : Obligation.<Obligation>list("planId = ?1 and requestId is null", plan.id())) {
            existing.put(o.ruleKey + "|" + o.period + "|" + o.assignedAgency, o);
        }
        Counts c = new Counts();
        for (Wanted w : wanted.values()) {
            Obligation o = existing.remove(w.naturalKey());
            if (o == null) {
                insert(plan, w);
                c.created++;
            } else if (o.state == ObligationState.CANCELLED) {
                o.state = ObligationState.OPEN;
                o.cancelledAt = null;
                apply(plan, w, o, true);
                c.reopened++;
            } else if (apply(plan, w, o, o.state == ObligationState.OPEN || o.state == ObligationState.RETURNED)) {
                c.updated++;
            } else {
                c.unchanged++;
            }
        }
        for (Obligation o : existing.values()) {
            if (o.state == ObligationState.CANCELLED) {
                continue;
            }
            if (o.state == ObligationState.OPEN && !submittedEver(o)) {
                cancel(o);
                c.cancelled++;
            } else {
                c.kept++;
            }
        }
        LOG.infof("Plan %d v%d: %d obligations created, %d updated, %d cancelled, %d reopened, %d kept, %d unchanged",
                plan.id(), plan.version(), c.created, c.updated, c.cancelled, c.reopened, c.kept, c.unchanged);
        return c;
    }

    /** One rule's period: when it falls due, who receives and who submits (→ required). */
    private record Due(PlanModel.Rule rule, String period, LocalDate date, String receiver, Map<String, Boolean> submitters) {
    }

    /** Everything the plan's reporting regime implies, with retired agencies replaced by their holders. */
    List<Wanted> wanted(PlanModel plan) {
        List<Due> dues = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (PlanModel.Rule rule : plan.rules()) {
            if (rule.dueDay() == null || rule.dueMonth() == null) {
                LOG.warnf("Plan %d rule %s has no due day/month; it generates nothing", plan.id(), rule.key());
                continue;
            }
            String receiver = rule.receivingAgency() != null ? rule.receivingAgency() : plan.managingAgency();
            if (receiver == null) {
                LOG.warnf("Plan %d rule %s names no receiving agency; it generates nothing", plan.id(), rule.key());
                continue;
            }
            for (String[] period : periods(plan, rule)) {
                LocalDate due = date(Integer.parseInt(period[1]), rule.dueMonth(), rule.dueDay());
                Due d = new Due(rule, period[0], due, receiver, selector.submitters(plan, rule, due));
                dues.add(d);
                named.add(receiver);
                named.addAll(d.submitters().keySet());
            }
        }
        // Every agency the regime names, read in a few statements: the look-ups below then find them in this transaction.
        agencies.getAll(named);
        List<Wanted> list = new ArrayList<>();
        for (Due d : dues) {
            String receiverThen = agencies.holderOn(d.receiver(), d.date());
            d.submitters().forEach((submitter, required) -> {
                String holder = agencies.holderOn(submitter, d.date());
                // The receiving agency never owes itself a report.
                if (submitter.equals(d.receiver()) || holder.equals(receiverThen)) {
                    return;
                }
                String unit = agencies.get(holder).map(a -> a.unitCode).orElse(SubmitterSelector.unitOf(holder).orElse(plan.unitCode()));
                list.add(new Wanted(d.rule().key(), d.rule().kind(), d.period(), d.date(), submitter, holder, receiverThen, unit, d.rule(), required));
            });
        }
        return list;
    }

    /** {period label, year of the due date}: yearly rules repeat over their years, one-off rules fall due once. */
    private static List<String[]> periods(PlanModel plan, PlanModel.Rule rule) {
        List<String[]> periods = new ArrayList<>();
        boolean yearly = rule.kind().recurring() || (rule.dueYear() == null && (rule.fromYear() != null || rule.toYear() != null));
        if (yearly) {
            Integer from = firstNonNull(rule.fromYear(), plan.startYear(), rule.dueYear(), rule.toYear());
            Integer to = firstNonNull(rule.toYear(), plan.endYear(), from);
            if (from == null) {
                return periods;
            }
            for (int y = from; y <= to && y - from < 100; y++) {
                periods.add(new String[]{rule.kind() == RuleKind.SIX_MONTH ? y + "S1" : String.valueOf(y), String.valueOf(y)});
            }
        } else {
            Integer year = firstNonNull(rule.dueYear(), rule.fromYear(), plan.startYear());
            if (year != null) {
                periods.add(new String[]{String.valueOf(year), String.valueOf(year)});
            }
        }
        return periods;
    }

    /**
     * The agencies a rule names as submitters today, required and invited (also the recipients an on-request report
     * may be asked of); {@link #submittersOn} says which are required.
     */
    Set<String> submitters(PlanModel plan, PlanModel.Rule rule) {
        return new LinkedHashSet<>(submittersOn(plan, rule, LocalDate.now(config.zone())).keySet());
    }

    /** Submitter → required (false: invited) on a day. */
    Map<String, Boolean> submittersOn(PlanModel plan, PlanModel.Rule rule, LocalDate day) {
        return selector.submitters(plan, rule, day);
    }

    private void insert(PlanModel plan, Wanted w) {
        Obligation o = new Obligation();
        o.planId = plan.id();
        o.ruleKey = w.ruleKey();
        o.period = w.period();
        o.assignedAgency = w.assignedAgency();
        o.state = ObligationState.OPEN;
        apply(plan, w, o, true);
        o.persist();
    }

    /** Copies what the plan says onto the obligation; due date and parties only while it awaits a submission. */
    private static boolean apply(PlanModel plan, Wanted w, Obligation o, boolean open) {
        // A new plan version alone is not a change worth counting.
        boolean changed = false;
        o.planVersion = plan.version();
        changed |= set(o.kind, w.kind(), v -> o.kind = v);
        changed |= set(o.coverage, w.rule().coverage(), v -> o.coverage = v);
        changed |= set(o.consolidates, Obligation.joinRules(w.rule().consolidates()), v -> o.consolidates = v);
        changed |= set(o.required, w.required(), v -> o.required = v);
        if (open || o.dueDate == null) {
            changed |= dueDate(o, w.dueDate());
            changed |= set(o.receivingAgency, w.receivingAgency(), v -> o.receivingAgency = v);
            changed |= set(o.unitCode, w.unitCode(), v -> o.unitCode = v);
            if (!Objects.equals(o.agency, w.agency())) {
                o.handedOverFrom = w.agency().equals(w.assignedAgency()) ? null : w.assignedAgency();
                o.agency = w.agency();
                changed = true;
            }
        }
        return changed && o.id != null;
    }

    /**
     * The plan's due date. An extension the receiving agency granted survives: the plan's date moves under it as
     * the original, unless the plan now allows at least as much time, which supersedes the extension.
     */
    private static boolean dueDate(Obligation o, LocalDate planned) {
        boolean lapsed = false;
        if (o.originalDueDate != null) {
            if (o.dueDate.isAfter(planned)) {
                return set(o.originalDueDate, planned, v -> o.originalDueDate = v);
            }
            o.originalDueDate = null;
            o.extensionReason = null;
            lapsed = true;
        }
        if (set(o.dueDate, planned, v -> o.dueDate = v)) {
            o.reminderStage = ReminderStage.NONE;
            return true;
        }
        return lapsed;
    }

    private static <T> boolean set(T current, T wanted, Consumer<T> setter) {
        if (Objects.equals(current, wanted)) {
            return false;
        }
        setter.accept(wanted);
        return true;
    }

    private static void cancel(Obligation o) {
        o.state = ObligationState.CANCELLED;
        o.cancelledAt = Instant.now();
    }

    static boolean submittedEver(Obligation o) {
        return o.firstSubmittedAt != null;
    }

    /** The due date; a day past the month's end (31/6) means its last day. */
    static LocalDate date(int year, int month, int day) {
        YearMonth ym = YearMonth.of(year, Math.max(1, Math.min(12, month)));
        return ym.atDay(Math.max(1, Math.min(day, ym.lengthOfMonth())));
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static final class Counts {
        int created;
        int updated;
        int cancelled;
        int reopened;
        int kept;
        int unchanged;

        PlanEventResult result(PlanModel plan, String event) {
            return new PlanEventResult(plan.id(), plan.version(), event, created, updated, cancelled, reopened, kept, unchanged);
        }
    }
}
