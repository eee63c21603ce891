package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.contracts.indicators.Rollup;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.PublishedConsolidation;
import vn.gems.reporting.Report;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.rest.ConsolidationView.AgencyLine;
import vn.gems.reporting.rest.ConsolidationView.Completeness;
import vn.gems.reporting.rest.ConsolidationView.TargetRow;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.PublicConsolidation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Consolidation (tổng hợp) for a plan, a period and the receiving agency. Completeness and narratives come from
 * this service's own tables; figures come from indicators-service's roll-ups in one batch call, so the statistics
 * office's pushed figures and the agencies' accepted values meet here, each with its source. The parts:
 * {@link ConsolidationScope} (whose it is, who may see it), {@link ConsolidationRollups} (the figures),
 * {@link SubmissionLines} (completeness, timeliness), {@link TargetRows}, {@link ConsolidationNarratives};
 * {@link ConsolidationPrefill} starts the receiving agency's own report upward from it.
 */
@ApplicationScoped
@Transactional
public class ConsolidationService {

    private final PlanStore plans;
    private final ConsolidationScope scope;
    private final ConsolidationRollups rollups;
    private final ConsolidationNarratives narratives;
    private final SubmissionLines lines;
    private final TargetRows rows;
    private final ContentCodec codec;
    private final ReportingConfig config;
    private final Caller caller;
    private final EntityManager em;

    public ConsolidationService(PlanStore plans, ConsolidationScope scope, ConsolidationRollups rollups, ConsolidationNarratives narratives,
                                SubmissionLines lines, TargetRows rows, ContentCodec codec, ReportingConfig config, Caller caller,
                                EntityManager em) {
        this.plans = plans;
        this.scope = scope;
        this.rollups = rollups;
        this.narratives = narratives;
        this.lines = lines;
        this.rows = rows;
        this.codec = codec;
        this.config = config;
        this.caller = caller;
        this.em = em;
    }

    /**
     * The consolidated report the caller may read; {@code receivingAgency} defaults to the caller's agency or the plan's lead.
     * {@code asOf} null: timeliness as of today, figures over the territory as it stood on the due date; given: both as of it.
     */
    public ConsolidationView consolidate(long planId, String period, String receivingAgency, String ruleKey, LocalDate asOf) {
        ConsolidationScope.checkPeriod(period);
        // Reading only: entities loaded here are never flushed, so Hibernate keeps no snapshots to compare.
        em.unwrap(Session.class).setDefaultReadOnly(true);
        PlanRef ref = plans.ref(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId));
        String receiver = scope.receiverFor(ref, period, receivingAgency);
        scope.requireRead(ref, receiver);
        return build(ref, plans.model(ref), period, receiver, ruleKey == null ? List.of() : List.of(ruleKey),
                asOf == null ? LocalDate.now(config.zone()) : asOf, asOf);
    }

    /** Freezes the public summary of a consolidation; a reviewer of the receiving agency publishes, again to update. */
    public PublishedConsolidation publish(long planId, String period, String receivingAgency) {
        ConsolidationScope.checkPeriod(period);
        PlanRef ref = plans.ref(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId));
        String receiver = scope.receiverFor(ref, period, receivingAgency);
        scope.requirePublish(receiver);
        ConsolidationView full = build(ref, plans.model(ref), period, receiver, List.of(), LocalDate.now(config.zone()), null);
        PublishedConsolidation p = PublishedConsolidation.<PublishedConsolidation>find("planId = ?1 and period = ?2 and receivingAgency = ?3",
                planId, period, receiver).firstResultOptional().orElseGet(PublishedConsolidation::new);
        p.planId = planId;
        p.period = period;
        p.receivingAgency = receiver;
        p.publishedBy = caller.username();
        p.publishedAt = Instant.now();
        p.body = codec.write(PublicConsolidation.of(0, full, p.publishedAt));
        p.persist();
        p.flush();
        return p;
    }

    public Optional<PublishedConsolidation> published(long id) {
        return PublishedConsolidation.findByIdOptional(id);
    }

    public List<PublishedConsolidation> publishedList(Long planId) {
        return (planId == null ? PublishedConsolidation.<PublishedConsolidation>find("order by publishedAt desc")
                : PublishedConsolidation.<PublishedConsolidation>find("planId = ?1 order by publishedAt desc", planId)).page(0, 500).list();
    }

    /**
     * {@code ruleKeys}: the rules whose reports count (a consolidating rule's list, or one asked for); empty: all.
     * {@code asOf}: the date timeliness is judged on; {@code territoryAsOf}: the hierarchy date of the figures, null for
     * the due date of the reports received (the territory that owed them, issue 13.4).
     */
    ConsolidationView build(PlanRef ref, PlanModel plan, String period, String receiver, List<String> ruleKeys, LocalDate asOf,
                            LocalDate territoryAsOf) {
        LocalDate territory = territoryAsOf != null ? territoryAsOf : dueDate(plan.id(), period, receiver, ruleKeys).orElse(asOf);
        // Figures: this period and the previous one for every measure at the plan's unit, and each child plan's unit,
        // asked of indicators-service while this service reads its own tables.
        List<PlanModel.ChildPlan> children = children(plan);
        String previous = ConsolidationScope.previous(period);
        List<ConsolidationRollups.Query> queries = new ArrayList<>();
        for (PlanModel.Located l : plan.measures()) {
            if (l.measure().indicatorCode() != null && ref.unitCode != null) {
                queries.add(new ConsolidationRollups.Query(l.measure(), ref.unitCode, period));
                queries.add(new ConsolidationRollups.Query(l.measure(), ref.unitCode, previous));
                for (PlanModel.ChildPlan child : children) {
                    if (child.unitCode() != null && !child.unitCode().equals(ref.unitCode)) {
                        queries.add(new ConsolidationRollups.Query(l.measure(), child.unitCode(), period));
                    }
                }
            }
        }
        CompletableFuture<Map<String, Rollup>> pending = rollups.ask(queries, territory);

        List<Obligation> all = obligations(plan.id(), period, receiver, ruleKeys);
        Map<Long, Report> reports = reports(all);
        Map<String, String> names = names(all, receiver);
        // The territory on the due date: a body merged before it counts once, as its successor.
        Set<Long> mergedAway = SubmissionLines.mergedAway(all);
        List<Obligation> obligations = all.stream().filter(o -> !mergedAway.contains(o.id)).toList();
        List<AgencyLine> agencyLines = new ArrayList<>();
        List<AgencyLine> merged = new ArrayList<>();
        // Invited bodies (required false) are reported apart and never counted.
        List<AgencyLine> invitedLines = new ArrayList<>();
        for (Obligation o : all) {
            (!o.required ? invitedLines : mergedAway.contains(o.id) ? merged : agencyLines).add(lines.line(o, reports.get(o.id), asOf, names));
        }
        Completeness completeness = SubmissionLines.completeness(agencyLines);
        List<ConsolidationView.NarrativeBlock> narrativeBlocks = narratives.of(plan, obligations, reports, names);
        Map<String, Rollup> results = ConsolidationRollups.join(pending);

        List<ConsolidationView.ObjectiveBlock> objectives = new ArrayList<>();
        List<TargetRow> childRows = new ArrayList<>();
        int year = ContentRules.year(period);
        for (PlanModel.Objective o : plan.objectives()) {
            List<TargetRow> objectiveRows = new ArrayList<>();
            for (PlanModel.Target t : o.targets()) {
                for (PlanModel.Measure m : t.measures()) {
                    Rollup now = results.get(ConsolidationRollups.Query.key(m, ref.unitCode, period));
                    Rollup before = results.get(ConsolidationRollups.Query.key(m, ref.unitCode, previous));
                    objectiveRows.add(rows.row(o, t, m, year, period, previous, now, before));
                    if (!children.isEmpty() && m.indicatorCode() != null) {
                        Figures.Parts sum = new Figures.Parts(null, null, null, null);
                        List<ConsolidationView.Source> sources = new ArrayList<>();
                        List<String> units = new ArrayList<>();
                        for (PlanModel.ChildPlan child : children) {
                            Rollup r = results.get(ConsolidationRollups.Query.key(m, child.unitCode(), period));
                            if (r != null && !TargetRows.parts(r).empty()) {
                                sum = sum.plus(TargetRows.parts(r));
                                sources.addAll(TargetRows.sources(r));
                                units.add(child.unitCode());
                            }
                        }
                        childRows.add(rows.rowFromParts(o, t, m, year, period, sum, null, sources, units));
                    }
                }
            }
            objectives.add(new ConsolidationView.ObjectiveBlock(o.key(), o.label(), o.title(), objectiveRows));
        }

        List<ConsolidationView.ChildPlan> childPlans = new ArrayList<>();
        // Every child plan's obligations and reports in two queries (the ministry's 34 provinces: not 68).
        Map<Long, List<Obligation>> byChild = new HashMap<>();
        if (!children.isEmpty()) {
            Obligation.<Obligation>list("planId in ?1 and period = ?2 and state <> ?3 and consolidates is null",
                            children.stream().map(PlanModel.ChildPlan::id).toList(), period, ObligationState.CANCELLED)
                    .forEach(o -> byChild.computeIfAbsent(o.planId, k -> new ArrayList<>()).add(o));
        }
        Map<Long, Report> childReports = reports(byChild.values().stream().flatMap(List::stream).toList());
        for (PlanModel.ChildPlan child : children) {
            List<AgencyLine> childLines = new ArrayList<>();
            List<Obligation> childObligations = byChild.getOrDefault(child.id(), List.of());
            Set<Long> childMerged = SubmissionLines.mergedAway(childObligations);
            for (Obligation co : childObligations) {
                if (co.required && !childMerged.contains(co.id)) {
                    childLines.add(lines.line(co, childReports.get(co.id), asOf, names));
                }
            }
            // The child's own report to this plan (a province's to the ministry): its timeliness beside its completeness.
            AgencyLine submission = agencyLines.stream().filter(l -> l.agency().equals(child.reportingAgency())).findFirst().orElse(null);
            childPlans.add(new ConsolidationView.ChildPlan(child.id(), child.code(), child.reportingAgency(), child.unitCode(),
                    SubmissionLines.completeness(childLines), submission));
        }

        List<ConsolidationView.UpwardObligation> upward = upward(ref, period, receiver);

        return new ConsolidationView(plan.id(), plan.version(), ref.number, ref.title, period, receiver, names.get(receiver),
                ref.unitCode, asOf, territory, Instant.now(), completeness, agencyLines, objectives, narrativeBlocks, childPlans, childRows, upward, merged,
                SubmissionLines.invited(invitedLines));
    }

    /**
     * The latest plan due date (an extension granted to one submitter moves only its own) of the dated reports this
     * receiver gets for exactly this period; on-request reports have dates of their own and do not set it.
     */
    private Optional<LocalDate> dueDate(long planId, String period, String receiver, List<String> ruleKeys) {
        String jpql = "select max(coalesce(o.originalDueDate, o.dueDate)) from Obligation o where o.planId = :p and o.period = :period "
                + "and o.receivingAgency = :r and o.state <> :cancelled and o.required = true and o.requestId is null"
                + (ruleKeys.isEmpty() ? "" : " and o.ruleKey in :keys");
        var q = em.createQuery(jpql, LocalDate.class).setParameter("p", planId).setParameter("period", period)
                .setParameter("r", receiver).setParameter("cancelled", ObligationState.CANCELLED);
        if (!ruleKeys.isEmpty()) {
            q.setParameter("keys", ruleKeys);
        }
        return Optional.ofNullable(q.getSingleResult());
    }

    /**
     * The receiver's own reports upward for the period: within this plan (a rule that consolidates others) and, when it
     * reports for this plan to its parent (a province's Home Affairs to the ministry under the national plan), those it
     * owes under the parent plan.
     */
    private static List<ConsolidationView.UpwardObligation> upward(PlanRef ref, String period, String receiver) {
        List<Obligation> own = new ArrayList<>(Obligation.<Obligation>list(
                "planId = ?1 and period = ?2 and agency = ?3 and consolidates is not null and state <> ?4",
                ref.planId, period, receiver, ObligationState.CANCELLED));
        String reporting = ref.leadAgency != null ? ref.leadAgency : ref.issuingAgency;
        if (ref.parentPlanId != null && (receiver.equals(reporting) || receiver.equals(ref.issuingAgency))) {
            own.addAll(Obligation.<Obligation>list("planId = ?1 and period = ?2 and agency = ?3 and consolidates is null and requestId is null "
                    + "and state <> ?4 order by ruleKey", ref.parentPlanId, period, receiver, ObligationState.CANCELLED));
        }
        Map<Long, Long> reportIds = new HashMap<>();
        reports(own).forEach((obligation, r) -> reportIds.put(obligation, r.id));
        return own.stream().map(o -> new ConsolidationView.UpwardObligation(o.id, o.planId, o.ruleKey, o.receivingAgency, o.dueDate,
                o.state.name(), reportIds.get(o.id))).toList();
    }

    /** Agency names for the lines and narratives, in one query. */
    private static Map<String, String> names(List<Obligation> obligations, String receiver) {
        Set<String> codes = new HashSet<>();
        codes.add(receiver);
        obligations.forEach(o -> codes.add(o.agency));
        Map<String, String> names = new HashMap<>();
        for (AgencyRef a : AgencyRef.<AgencyRef>list("code in ?1", codes)) {
            if (a.nameVi != null) {
                names.put(a.code, a.nameVi);
            }
        }
        return names;
    }

    /** Child plans as plans-service lists them, plus any this service heard of itself; drafts left out. */
    private static List<PlanModel.ChildPlan> children(PlanModel plan) {
        Map<Long, PlanModel.ChildPlan> byId = new LinkedHashMap<>();
        for (PlanModel.ChildPlan c : plan.childPlans()) {
            if (!"DRAFT".equals(c.status())) {
                byId.put(c.id(), c);
            }
        }
        for (PlanRef r : PlanRef.<PlanRef>list("parentPlanId = ?1 order by planId", plan.id())) {
            byId.putIfAbsent(r.planId, new PlanModel.ChildPlan(r.planId, r.number, r.status, r.issuingAgency, r.leadAgency, r.unitCode));
        }
        return new ArrayList<>(byId.values());
    }

    private List<Obligation> obligations(long planId, String period, String receiver, List<String> ruleKeys) {
        if (!ruleKeys.isEmpty()) {
            // A yearly consolidation of several rules also takes their reports on parts of that year (6-month: 2024S1).
            String within = period.length() == 4 ? period + "%" : period;
            return Obligation.<Obligation>list("planId = ?1 and (period = ?2 or period like ?6) and receivingAgency = ?3 and state <> ?4 "
                    + "and ruleKey in ?5 order by agency, ruleKey", planId, period, receiver, ObligationState.CANCELLED, ruleKeys, within);
        }
        return Obligation.<Obligation>list("planId = ?1 and period = ?2 and receivingAgency = ?3 and state <> ?4 order by agency, ruleKey",
                planId, period, receiver, ObligationState.CANCELLED);
    }

    private static Map<Long, Report> reports(Collection<Obligation> obligations) {
        Map<Long, Report> map = new HashMap<>();
        if (obligations.isEmpty()) {
            return map;
        }
        List<Long> ids = obligations.stream().map(o -> o.id).toList();
        for (Report r : Report.<Report>list("obligationId in ?1", ids)) {
            map.put(r.obligationId, r);
        }
        return map;
    }

}
