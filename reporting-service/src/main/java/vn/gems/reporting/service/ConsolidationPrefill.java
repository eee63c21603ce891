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
import java.util.List;
import java.util.Set;

/**
 * A receiving agency's report upward starts from what it received: the narratives of its submitters, marked with
 * their names, and the consolidated figures of the measures the upward rule covers, with their sources.
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

    /** The receiving agency's own report upward, prefilled from what it received: narratives by agency, figures. */
    public ReportContent prefill(Obligation o, PlanModel plan) {
        PlanRef ref = plans.ref(o.planId).orElseThrow();
        ConsolidationView c = consolidations.build(ref, plan, o.period, o.agency, o.consolidatedRules(), LocalDate.now(config.zone()));
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
        Set<String> allowed = ContentRules.allowed(plan, o);
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
