package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.ConsolidationView.TargetRow;
import vn.gems.reporting.rest.ReportContent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A receiving agency's report upward starts from what it received: the narratives of its submitters, marked with
 * their names, and the consolidated figures of the measures the upward rule covers, with their sources. A province's
 * annual report to the ministry is such a report: the consolidation of its own plan, sent on under the national plan.
 */
@ApplicationScoped
public class ConsolidationPrefill {

    private final ConsolidationService consolidations;
    private final PlanStore plans;
    private final ReportingConfig config;

    public ConsolidationPrefill(ConsolidationService consolidations, PlanStore plans, ReportingConfig config) {
        this.consolidations = consolidations;
        this.plans = plans;
        this.config = config;
    }

    /**
     * The receiving agency's own report upward, prefilled from what it received: narratives by agency, figures. Within
     * a plan (a rule that {@code consolidates} others) from this plan's consolidation; for a child plan's report to its
     * parent (a province's to the ministry) from the child plan's consolidation, its measures matched to the parent's
     * by indicator.
     */
    public ReportContent prefill(Obligation o, PlanModel plan) {
        LocalDate today = LocalDate.now(config.zone());
        if (o.consolidates != null) {
            PlanRef ref = plans.ref(o.planId).orElseThrow();
            ConsolidationView c = consolidations.build(ref, plan, o.period, o.agency, o.consolidatedRules(), today, null);
            return content(c, plan, ContentRules.allowed(plan, o), row -> row.measureKey());
        }
        Optional<PlanRef> child = childPlan(o);
        if (child.isEmpty()) {
            return ReportContent.empty();
        }
        ConsolidationView c = consolidations.build(child.get(), plans.model(child.get()), o.period, o.agency, List.of(), today, null);
        Map<String, String> byIndicator = new HashMap<>();
        for (PlanModel.Located l : plan.measures()) {
            if (l.measure().indicatorCode() != null) {
                byIndicator.putIfAbsent(l.measure().indicatorCode() + "|" + l.measure().figure(), l.measure().key());
            }
        }
        return content(c, plan, ContentRules.allowed(plan, o), row -> byIndicator.get(row.indicatorCode() + "|" + row.figure()));
    }

    /** The child plan whose reporting agency owes {@code o} to its parent, covering the obligation's year. */
    private Optional<PlanRef> childPlan(Obligation o) {
        int year = ContentRules.year(o.period);
        for (PlanRef r : PlanRef.<PlanRef>list("parentPlanId = ?1 and status <> 'CLOSED' order by planId desc", o.planId)) {
            String reporting = r.leadAgency != null ? r.leadAgency : r.issuingAgency;
            if (!o.agency.equals(reporting) && !o.assignedAgency.equals(reporting)) {
                continue;
            }
            PlanModel m = plans.model(r);
            if ((m.startYear() == null || m.startYear() <= year) && (m.endYear() == null || year <= m.endYear())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static ReportContent content(ConsolidationView c, PlanModel plan, Set<String> allowed, Function<TargetRow, String> measureKey) {
        List<ReportContent.Section> sections = new ArrayList<>();
        List<ReportContent.Activity> activities = new ArrayList<>();
        for (ConsolidationView.NarrativeBlock block : c.narratives()) {
            for (ConsolidationView.AgencyNarrative an : block.agencies()) {
                String who = an.agencyName() != null ? an.agencyName() : an.agency();
                for (ReportContent.Section s : an.sections()) {
                    sections.add(new ReportContent.Section(s.kind(), objective(plan, s.objectiveKey()), "[" + who + "] " + s.text()));
                }
                for (ReportContent.Activity a : an.activities()) {
                    activities.add(new ReportContent.Activity(objective(plan, a.objectiveKey()), "[" + who + "] " + a.title(), a.count(),
                            a.participantsFemale(), a.participantsMale(), a.participantsTotal()));
                }
            }
        }
        List<ReportContent.Value> values = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (ConsolidationView.ObjectiveBlock ob : c.objectives()) {
            for (TargetRow row : ob.rows()) {
                String key = measureKey.apply(row);
                if (key == null || !allowed.contains(key) || !done.add(key)
                        || (row.female() == null && row.male() == null && row.total() == null && row.figureValue() == null)) {
                    continue;
                }
                boolean plain = row.figure().plainValue();
                // A total that is not the sum of its parts (an average, a rate) is left out: only counts add up.
                BigDecimal total = row.total() != null && (row.female() == null || row.male() == null
                        || row.total().compareTo(row.female().add(row.male())) >= 0) ? row.total() : null;
                values.add(new ReportContent.Value(key, plain ? null : row.female(), plain ? null : row.male(),
                        plain ? null : total, plain ? row.figureValue() : null, null, null,
                        "Tổng hợp (consolidated) " + row.valuePeriod() + ": " + sourcesText(row.sources()), null));
            }
        }
        return new ReportContent(sections, activities, values);
    }

    /** An objective key the plan knows, else none (a child plan's objectives need not match its parent's). */
    private static String objective(PlanModel plan, String key) {
        return key != null && plan.objective(key).isPresent() ? key : null;
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
