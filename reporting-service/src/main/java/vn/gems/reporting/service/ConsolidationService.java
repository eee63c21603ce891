package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.Problem;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.contracts.indicators.Rollup;
import vn.gems.contracts.indicators.RollupsAnswer;
import vn.gems.contracts.indicators.RollupsRequest;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.PublishedConsolidation;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportVersion;
import vn.gems.reporting.client.IndicatorsClient;
import vn.gems.reporting.client.PeerRejected;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.rest.ConsolidationView.AgencyLine;
import vn.gems.reporting.rest.ConsolidationView.Completeness;
import vn.gems.reporting.rest.ConsolidationView.TargetRow;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.PublicConsolidation;
import vn.gems.reporting.rest.ReportContent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consolidation (tổng hợp) for a plan, a period and the receiving agency. Completeness and narratives come from
 * this service's own tables; figures come from indicators-service's roll-ups in one batch call, so the statistics
 * office's pushed figures and the agencies' accepted values meet here, each with its source.
 */
@ApplicationScoped
@Transactional
public class ConsolidationService {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(S[12]|Q[1-4]|-(0[1-9]|1[0-2]))?");
    private static final Pattern QUERY_INDEX = Pattern.compile("queries\\[(\\d+)]");
    /** indicators-service answers at most 500 roll-ups per call. */
    static final int ROLLUP_CHUNK = 400;

    private final PlanStore plans;
    private final IndicatorsClient indicators;
    private final AgencyDirectory agencies;
    private final ContentCodec codec;
    private final ReportingConfig config;
    private final Caller caller;
    private final EntityManager em;
    /** Runs the roll-up call beside the local queries; it needs nothing of the request (no transaction, no caller). */
    private static final java.util.concurrent.ExecutorService BACKGROUND = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    public ConsolidationService(PlanStore plans, IndicatorsClient indicators, AgencyDirectory agencies, ContentCodec codec,
                                ReportingConfig config, Caller caller, EntityManager em) {
        this.plans = plans;
        this.indicators = indicators;
        this.agencies = agencies;
        this.codec = codec;
        this.config = config;
        this.caller = caller;
        this.em = em;
    }

    /** The consolidated report the caller may read; {@code receivingAgency} defaults to the caller's agency or the plan's lead. */
    public ConsolidationView consolidate(long planId, String period, String receivingAgency, String ruleKey, LocalDate asOf) {
        checkPeriod(period);
        // Reading only: entities loaded here are never flushed, so Hibernate keeps no snapshots to compare.
        em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
        PlanRef ref = plans.ref(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId));
        String receiver = receiverFor(ref, period, receivingAgency);
        requireRead(ref, receiver);
        return build(ref, plans.model(ref), period, receiver, ruleKey, asOf == null ? LocalDate.now(config.zone()) : asOf);
    }

    /** Freezes the public summary of a consolidation; a reviewer of the receiving agency publishes, again to update. */
    public PublishedConsolidation publish(long planId, String period, String receivingAgency) {
        checkPeriod(period);
        PlanRef ref = plans.ref(planId).orElseThrow(() -> ProblemException.notFound("Plan", planId));
        String receiver = receiverFor(ref, period, receivingAgency);
        boolean reviewerOfReceiver = caller.hasRole(Roles.REVIEWER) && caller.agency().map(receiver::equals).orElse(false);
        if (!reviewerOfReceiver && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("NOT_YOUR_CONSOLIDATION", "Only reviewers of " + receiver + " publish its consolidated report");
        }
        ConsolidationView full = build(ref, plans.model(ref), period, receiver, null, LocalDate.now(config.zone()));
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

    /** The receiving agency's own report upward, prefilled from what it received: narratives by agency, figures. */
    public ReportContent prefill(Obligation o, PlanModel plan) {
        PlanRef ref = plans.ref(o.planId).orElseThrow();
        ConsolidationView c = build(ref, plan, o.period, o.agency, o.consolidates, LocalDate.now(config.zone()));
        List<ReportContent.Section> sections = new ArrayList<>();
        List<ReportContent.Activity> activities = new ArrayList<>();
        for (ConsolidationView.NarrativeBlock block : c.narratives()) {
            for (ConsolidationView.AgencyNarrative an : block.agencies()) {
                String who = an.agencyName() != null ? an.agencyName() : an.agency();
                for (ReportContent.Section s : an.sections()) {
                    sections.add(new ReportContent.Section(s.kind(), s.objectiveKey(), "[" + who + "] " + s.text()));
                }
                for (ReportContent.Activity a : an.activities()) {
                    activities.add(new ReportContent.Activity(a.objectiveKey(), "[" + who + "] " + a.title(), a.count(),
                            a.participantsFemale(), a.participantsMale(), a.participantsTotal()));
                }
            }
        }
        List<ReportContent.Value> values = new ArrayList<>();
        java.util.Set<String> allowed = ContentRules.allowed(plan, o);
        for (ConsolidationView.ObjectiveBlock ob : c.objectives()) {
            for (TargetRow row : ob.rows()) {
                if (!allowed.contains(row.measureKey()) || (row.female() == null && row.male() == null && row.total() == null && row.figureValue() == null)) {
                    continue;
                }
                boolean plain = row.figure().plainValue();
                // A total that is not the sum of its parts (an average, a rate) is left out: only counts add up.
                BigDecimal total = row.total() != null && (row.female() == null || row.male() == null
                        || row.total().compareTo(row.female().add(row.male())) >= 0) ? row.total() : null;
                values.add(new ReportContent.Value(row.measureKey(), plain ? null : row.female(), plain ? null : row.male(),
                        plain ? null : total, plain ? row.figureValue() : null, null, null,
                        "Tổng hợp (consolidated) " + row.valuePeriod() + ": " + sourcesText(row.sources()), null));
            }
        }
        return new ReportContent(sections, activities, values);
    }

    public Optional<PublishedConsolidation> published(long id) {
        return PublishedConsolidation.findByIdOptional(id);
    }

    public List<PublishedConsolidation> publishedList(Long planId) {
        return (planId == null ? PublishedConsolidation.<PublishedConsolidation>find("order by publishedAt desc")
                : PublishedConsolidation.<PublishedConsolidation>find("planId = ?1 order by publishedAt desc", planId)).page(0, 500).list();
    }

    ConsolidationView build(PlanRef ref, PlanModel plan, String period, String receiver, String ruleKey, LocalDate asOf) {
        // Figures: this period and the previous one for every measure at the plan's unit, and each child plan's unit,
        // asked of indicators-service while this service reads its own tables.
        List<PlanModel.ChildPlan> children = children(plan);
        String previous = previous(period);
        List<Query> queries = new ArrayList<>();
        for (PlanModel.Located l : plan.measures()) {
            if (l.measure().indicatorCode() != null && ref.unitCode != null) {
                queries.add(new Query(l.measure(), ref.unitCode, period));
                queries.add(new Query(l.measure(), ref.unitCode, previous));
                for (PlanModel.ChildPlan child : children) {
                    if (child.unitCode() != null && !child.unitCode().equals(ref.unitCode)) {
                        queries.add(new Query(l.measure(), child.unitCode(), period));
                    }
                }
            }
        }
        CompletableFuture<Map<String, Rollup>> pending = CompletableFuture.supplyAsync(() -> rollups(queries, asOf), BACKGROUND);

        List<Obligation> obligations = obligations(plan.id(), period, receiver, ruleKey);
        Map<Long, Report> reports = reports(obligations);
        Map<String, String> names = names(obligations, receiver);
        List<AgencyLine> lines = new ArrayList<>();
        for (Obligation o : obligations) {
            lines.add(line(o, reports.get(o.id), asOf, names));
        }
        Completeness completeness = completeness(lines);
        List<ConsolidationView.NarrativeBlock> narratives = narratives(plan, obligations, reports, names);
        Map<String, Rollup> results = join(pending);

        List<ConsolidationView.ObjectiveBlock> objectives = new ArrayList<>();
        List<TargetRow> childRows = new ArrayList<>();
        int year = ContentRules.year(period);
        for (PlanModel.Objective o : plan.objectives()) {
            List<TargetRow> rows = new ArrayList<>();
            for (PlanModel.Target t : o.targets()) {
                for (PlanModel.Measure m : t.measures()) {
                    Rollup now = results.get(Query.key(m, ref.unitCode, period));
                    Rollup before = results.get(Query.key(m, ref.unitCode, previous));
                    rows.add(row(o, t, m, year, period, previous, now, before));
                    if (!children.isEmpty() && m.indicatorCode() != null) {
                        Figures.Parts sum = new Figures.Parts(null, null, null, null);
                        List<ConsolidationView.Source> sources = new ArrayList<>();
                        List<String> units = new ArrayList<>();
                        for (PlanModel.ChildPlan child : children) {
                            Rollup r = results.get(Query.key(m, child.unitCode(), period));
                            if (r != null && !parts(r).empty()) {
                                sum = sum.plus(parts(r));
                                sources.addAll(sources(r));
                                units.add(child.unitCode());
                            }
                        }
                        childRows.add(rowFromParts(o, t, m, year, period, sum, null, sources, units));
                    }
                }
            }
            objectives.add(new ConsolidationView.ObjectiveBlock(o.key(), o.label(), o.title(), rows));
        }

        List<ConsolidationView.ChildPlan> childPlans = new ArrayList<>();
        for (PlanModel.ChildPlan child : children) {
            List<AgencyLine> childLines = new ArrayList<>();
            List<Obligation> childObligations = Obligation.<Obligation>list(
                    "planId = ?1 and period = ?2 and state <> ?3 and consolidates is null", child.id(), period, ObligationState.CANCELLED);
            Map<Long, Report> childReports = reports(childObligations);
            for (Obligation co : childObligations) {
                childLines.add(line(co, childReports.get(co.id), asOf, names));
            }
            childPlans.add(new ConsolidationView.ChildPlan(child.id(), child.code(), child.reportingAgency(), child.unitCode(), completeness(childLines)));
        }

        List<ConsolidationView.UpwardObligation> upward = Obligation.<Obligation>list(
                        "planId = ?1 and period = ?2 and agency = ?3 and consolidates is not null and state <> ?4",
                        plan.id(), period, receiver, ObligationState.CANCELLED).stream()
                .map(o -> new ConsolidationView.UpwardObligation(o.id, o.ruleKey, o.receivingAgency, o.dueDate, o.state.name(),
                        Report.ofObligation(o.id).map(r -> r.id).orElse(null)))
                .toList();

        return new ConsolidationView(plan.id(), plan.version(), ref.number, ref.title, period, receiver, names.get(receiver),
                ref.unitCode, asOf, Instant.now(), completeness, lines, objectives, narratives, childPlans, childRows, upward);
    }

    private static Map<String, Rollup> join(CompletableFuture<Map<String, Rollup>> pending) {
        try {
            return pending.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Agency names for the lines and narratives, in one query. */
    private static Map<String, String> names(List<Obligation> obligations, String receiver) {
        java.util.Set<String> codes = new java.util.HashSet<>();
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

    private List<Obligation> obligations(long planId, String period, String receiver, String ruleKey) {
        if (ruleKey != null) {
            return Obligation.<Obligation>list("planId = ?1 and period = ?2 and receivingAgency = ?3 and state <> ?4 and ruleKey = ?5 "
                    + "order by agency, ruleKey", planId, period, receiver, ObligationState.CANCELLED, ruleKey);
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

    private AgencyLine line(Obligation o, Report r, LocalDate asOf, Map<String, String> names) {
        String timeliness;
        Long daysLate = null;
        if (o.firstSubmittedAt != null) {
            daysLate = Timeliness.daysLate(o.dueDate, o.firstSubmittedAt, config.zone());
            timeliness = daysLate > 0 ? "LATE" : "ON_TIME";
        } else if (asOf.isAfter(o.dueDate)) {
            timeliness = "MISSING";
            daysLate = asOf.toEpochDay() - o.dueDate.toEpochDay();
        } else {
            timeliness = "PENDING";
        }
        return new AgencyLine(o.id, o.agency, names.get(o.agency), o.ruleKey, o.kind, o.dueDate, o.state.name(), timeliness,
                o.firstSubmittedAt, daysLate, r == null ? null : r.id, r == null ? null : r.acceptedVersionNo);
    }

    private static Completeness completeness(List<AgencyLine> lines) {
        int onTime = 0;
        int late = 0;
        int missing = 0;
        int pending = 0;
        int accepted = 0;
        int returned = 0;
        for (AgencyLine l : lines) {
            switch (l.timeliness()) {
                case "ON_TIME" -> onTime++;
                case "LATE" -> late++;
                case "MISSING" -> missing++;
                default -> pending++;
            }
            if (ObligationState.ACCEPTED.name().equals(l.state())) {
                accepted++;
            } else if (ObligationState.RETURNED.name().equals(l.state())) {
                returned++;
            }
        }
        int submitted = onTime + late;
        BigDecimal percent = lines.isEmpty() ? null
                : BigDecimal.valueOf(submitted * 100.0 / lines.size()).setScale(1, RoundingMode.HALF_UP);
        return new Completeness(lines.size(), submitted, onTime, late, missing, pending, accepted, returned, percent);
    }

    private TargetRow row(PlanModel.Objective o, PlanModel.Target t, PlanModel.Measure m, int year, String period,
                          String previous, Rollup now, Rollup before) {
        Figures.Parts current = now == null ? null : parts(now);
        Figures.Parts prev = before == null ? null : parts(before);
        boolean hasCurrent = current != null && !current.empty();
        Figures.Parts shown = hasCurrent ? current : prev;
        String valuePeriod = hasCurrent ? period : prev != null && !prev.empty() ? previous : null;
        BigDecimal figure = figure(m, hasCurrent ? now : before, shown);
        BigDecimal previousFigure = hasCurrent ? figure(m, before, prev) : null;
        int valueYear = valuePeriod == null ? year : ContentRules.year(valuePeriod);
        ProgressStatus.Assessment a = ProgressStatus.assess(m, valueYear, figure, previousFigure,
                config.status().aboutTolerancePercent(), config.status().equalTolerancePercent());
        Rollup src = hasCurrent ? now : before;
        return new TargetRow(o.key(), t.key(), t.label(), t.text(), m.key(), m.indicatorCode(), m.figure(), m.comparator(),
                m.baselineValue(), m.baselineYear(), m.targetValue(), m.targetYear(), valuePeriod,
                shown == null ? null : shown.female(), shown == null ? null : shown.male(), shown == null ? null : shown.total(),
                figure, previousFigure, a.status(), a.reason(),
                m.responsibleAgencies().stream().map(PlanModel.Responsible::agency).toList(),
                src == null ? List.of() : sources(src), src == null ? List.of() : units(src));
    }

    private TargetRow rowFromParts(PlanModel.Objective o, PlanModel.Target t, PlanModel.Measure m, int year, String period,
                                   Figures.Parts parts, BigDecimal previousFigure, List<ConsolidationView.Source> sources, List<String> units) {
        BigDecimal figure = Figures.compute(m.figure(), parts);
        ProgressStatus.Assessment a = ProgressStatus.assess(m, year, figure, previousFigure,
                config.status().aboutTolerancePercent(), config.status().equalTolerancePercent());
        return new TargetRow(o.key(), t.key(), t.label(), t.text(), m.key(), m.indicatorCode(), m.figure(), m.comparator(),
                m.baselineValue(), m.baselineYear(), m.targetValue(), m.targetYear(), parts.empty() ? null : period,
                parts.female(), parts.male(), parts.total(), figure, previousFigure, a.status(), a.reason(),
                m.responsibleAgencies().stream().map(PlanModel.Responsible::agency).toList(), sources, units);
    }

    /** The figure, recomputed from the roll-up's parts; indicators-service's own value only when it gives no parts. */
    private static BigDecimal figure(PlanModel.Measure m, Rollup result, Figures.Parts parts) {
        BigDecimal fromParts = Figures.compute(m.figure(), parts);
        if (fromParts != null || result == null) {
            return fromParts;
        }
        // indicators-service states shares in percent, as the plans do.
        return switch (m.figure()) {
            case FEMALE_SHARE -> result.femaleShare();
            case FEMALE_TO_MALE_RATIO -> result.femaleToMaleRatio();
            case MALE_TO_FEMALE_X100 -> result.maleToFemaleX100();
            case GAP -> result.gap();
            default -> result.value();
        };
    }

    static Figures.Parts parts(Rollup r) {
        return new Figures.Parts(r.female(), r.male(), r.total(), r.value());
    }

    private static List<ConsolidationView.Source> sources(Rollup r) {
        return r.sources().stream().map(s -> new ConsolidationView.Source(s.kind(), s.reference(), s.agency(), s.system())).toList();
    }

    private static List<String> units(Rollup r) {
        return r.contributingUnits();
    }

    private List<ConsolidationView.NarrativeBlock> narratives(PlanModel plan, List<Obligation> obligations, Map<Long, Report> reports,
                                                              Map<String, String> names) {
        Map<Long, Obligation> byReport = new HashMap<>();
        List<Long> accepted = new ArrayList<>();
        for (Obligation o : obligations) {
            Report r = reports.get(o.id);
            if (r != null && r.acceptedVersionNo != null) {
                byReport.put(r.id, o);
                accepted.add(r.id);
            }
        }
        Map<String, Map<String, ConsolidationView.AgencyNarrative>> grouped = new LinkedHashMap<>();
        plan.objectives().forEach(o -> grouped.put(o.key(), new TreeMap<>()));
        grouped.put("", new TreeMap<>());
        if (!accepted.isEmpty()) {
            List<ReportVersion> versions = em.createQuery("select v from ReportVersion v, Report r where r.id = v.reportId "
                    + "and v.number = r.acceptedVersionNo and r.id in :ids order by v.reportId", ReportVersion.class)
                    .setParameter("ids", accepted).getResultList();
            for (ReportVersion v : versions) {
                Obligation o = byReport.get(v.reportId);
                ReportContent content = codec.content(v.content);
                Map<String, List<ReportContent.Section>> sections = new LinkedHashMap<>();
                Map<String, List<ReportContent.Activity>> activities = new LinkedHashMap<>();
                for (ReportContent.Section s : content.sections()) {
                    sections.computeIfAbsent(objectiveOf(grouped, s.objectiveKey()), k -> new ArrayList<>()).add(s);
                }
                for (ReportContent.Activity a : content.activities()) {
                    activities.computeIfAbsent(objectiveOf(grouped, a.objectiveKey()), k -> new ArrayList<>()).add(a);
                }
                java.util.Set<String> keys = new java.util.LinkedHashSet<>(sections.keySet());
                keys.addAll(activities.keySet());
                for (String k : keys) {
                    grouped.get(k).put(o.agency + "#" + v.reportId, new ConsolidationView.AgencyNarrative(o.agency, names.get(o.agency), v.reportId,
                            v.number, sections.getOrDefault(k, List.of()), activities.getOrDefault(k, List.of())));
                }
            }
        }
        List<ConsolidationView.NarrativeBlock> blocks = new ArrayList<>();
        for (Map.Entry<String, Map<String, ConsolidationView.AgencyNarrative>> e : grouped.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            String title = e.getKey().isEmpty() ? "Chung (general)" : plan.objective(e.getKey()).map(PlanModel.Objective::title).orElse(e.getKey());
            blocks.add(new ConsolidationView.NarrativeBlock(e.getKey().isEmpty() ? null : e.getKey(), title, List.copyOf(e.getValue().values())));
        }
        return blocks;
    }

    private static String objectiveOf(Map<String, ?> known, String key) {
        return key != null && known.containsKey(key) ? key : "";
    }

    /** One roll-up query per (measure, unit, period); answered by indicators-service in one call. */
    record Query(PlanModel.Measure measure, String unit, String period) {
        static String key(PlanModel.Measure m, String unit, String period) {
            return m.indicatorCode() + "|" + unit + "|" + period + "|" + new TreeMap<>(m.dimensions());
        }

        String key() {
            return key(measure, unit, period);
        }
    }

    private Map<String, Rollup> rollups(List<Query> queries, LocalDate asOf) {
        Map<String, Rollup> byKey = new HashMap<>();
        if (queries.isEmpty()) {
            return byKey;
        }
        Map<String, Query> unique = new LinkedHashMap<>();
        queries.forEach(q -> unique.putIfAbsent(q.key(), q));
        List<Query> all = new ArrayList<>(unique.values());
        for (int from = 0; from < all.size(); from += ROLLUP_CHUNK) {
            rollupChunk(all.subList(from, Math.min(all.size(), from + ROLLUP_CHUNK)), asOf, byKey, true);
        }
        return byKey;
    }

    /**
     * One call for up to {@link #ROLLUP_CHUNK} queries. A query indicators-service refuses (an indicator or unit it does
     * not know, e.g. a child plan's unit not registered yet) is left out and the rest asked again: it shows as no data.
     */
    private void rollupChunk(List<Query> ordered, LocalDate asOf, Map<String, Rollup> byKey, boolean retry) {
        RollupsRequest body = new RollupsRequest(asOf, ordered.stream().map(q -> new RollupsRequest.RollupQuery(
                q.measure().indicatorCode(), q.unit(), q.period(), q.measure().dimensions())).toList());
        RollupsAnswer answer;
        try {
            answer = indicators.rollups(body);
        } catch (PeerRejected e) {
            java.util.Set<Integer> refused = refusedQueries(e);
            if (!retry || refused.isEmpty()) {
                throw e;
            }
            List<Query> rest = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (!refused.contains(i)) {
                    rest.add(ordered.get(i));
                }
            }
            if (!rest.isEmpty()) {
                rollupChunk(rest, asOf, byKey, false);
            }
            return;
        }
        List<Rollup> results = answer == null ? List.of() : answer.results();
        for (int i = 0; i < results.size(); i++) {
            Rollup r = results.get(i);
            if (r.indicator() != null && r.unit() != null && r.period() != null) {
                byKey.put(r.indicator() + "|" + r.unit() + "|" + r.period() + "|" + new TreeMap<>(r.dimensions()), r);
            } else if (i < ordered.size()) {
                byKey.put(ordered.get(i).key(), r);
            }
        }
    }

    private Set<Integer> refusedQueries(PeerRejected e) {
        Set<Integer> refused = new java.util.TreeSet<>();
        if (e.status() != 422 || e.body() == null) {
            return refused;
        }
        try {
            for (FieldError err : codec.read(e.body(), Problem.class).errors()) {
                Matcher m = QUERY_INDEX.matcher(String.valueOf(err.field()));
                if (m.lookingAt()) {
                    refused.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IllegalStateException | NumberFormatException ignored) {
            // not the documented problem shape: nothing to leave out
        }
        return refused;
    }

    /**
     * The receiving agency asked for, else the caller's own when it receives reports of this plan, else the plan's lead.
     * An agency asked for must receive reports of this plan (or issue or lead it): otherwise any agency could name itself
     * the receiver of another agency's plan, read its consolidation and publish a summary of it (404, as for no plan).
     */
    private String receiverFor(PlanRef ref, String period, String requested) {
        if (requested != null && !requested.isBlank()) {
            String asked = requested.trim();
            if (!asked.equals(ref.leadAgency) && !asked.equals(ref.issuingAgency)
                    && Obligation.count("planId = ?1 and receivingAgency = ?2", ref.planId, asked) == 0) {
                throw ProblemException.notFound("Receiving agency", asked + " of plan " + ref.planId);
            }
            return asked;
        }
        Optional<String> mine = caller.agency();
        if (mine.isPresent() && Obligation.count("planId = ?1 and period = ?2 and receivingAgency = ?3", ref.planId, period, mine.get()) > 0) {
            return mine.get();
        }
        List<?> lead = em.createQuery("select o.receivingAgency from Obligation o where o.planId = :p and o.period = :period "
                        + "and o.consolidates is null group by o.receivingAgency order by count(o) desc, o.receivingAgency")
                .setParameter("p", ref.planId).setParameter("period", period).setMaxResults(1).getResultList();
        if (lead.isEmpty()) {
            return ref.leadAgency != null ? ref.leadAgency : ref.issuingAgency;
        }
        return (String) lead.get(0);
    }

    private void requireRead(PlanRef ref, String receiver) {
        if (caller.hasAnyRole(Roles.AUDITOR, Roles.ADMIN)) {
            return;
        }
        String mine = caller.requireAgency();
        boolean receivingStaff = mine.equals(receiver);
        boolean issuingManager = caller.hasRole(Roles.PLAN_MANAGER) && (mine.equals(ref.issuingAgency) || mine.equals(ref.leadAgency));
        if (!receivingStaff && !issuingManager) {
            throw ProblemException.forbidden("NOT_YOUR_CONSOLIDATION",
                    "Consolidated reports are read by the receiving agency, the issuing agency's plan managers and auditors");
        }
    }

    static void checkPeriod(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw ProblemException.badRequest("INVALID_PERIOD", "period must look like 2024, 2024S1, 2024Q3 or 2024-07",
                    new FieldError("period", "INVALID_VALUE", "must look like 2024, 2024S1, 2024Q3 or 2024-07"));
        }
    }

    /** The same period a year earlier. */
    static String previous(String period) {
        return (Integer.parseInt(period.substring(0, 4)) - 1) + period.substring(4);
    }

    private static String sourcesText(List<ConsolidationView.Source> sources) {
        if (sources.isEmpty()) {
            return "không rõ nguồn (no source)";
        }
        List<String> parts = new ArrayList<>();
        for (ConsolidationView.Source s : sources) {
            parts.add(s.kind() + (s.agency() == null ? "" : " " + s.agency()));
        }
        return String.join(", ", parts);
    }

}
