package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The published summary of a consolidated report, for the public portal: overall completeness, where every target
 * stands (with the kind and agency of each source) and the child plans' roll-up. No drafts, no narratives, no
 * per-agency lines, no internal references.
 */
@Schema(name = "PublicConsolidation")
public record PublicConsolidation(long id, long planId, String planNumber, String planTitle, String period,
                                  String receivingAgency, String receivingAgencyName, String unitCode,
                                  Instant publishedAt, ConsolidationView.Completeness completeness,
                                  List<ConsolidationView.ObjectiveBlock> objectives,
                                  List<ConsolidationView.ChildPlan> children,
                                  List<ConsolidationView.TargetRow> childrenRollup) {

    public static PublicConsolidation of(long id, ConsolidationView c, Instant publishedAt) {
        List<ConsolidationView.ObjectiveBlock> objectives = c.objectives().stream()
                .map(o -> new ConsolidationView.ObjectiveBlock(o.key(), o.label(), o.title(), o.rows().stream().map(PublicConsolidation::strip).toList()))
                .toList();
        return new PublicConsolidation(id, c.planId(), c.planNumber(), c.planTitle(), c.period(), c.receivingAgency(),
                c.receivingAgencyName(), c.unitCode(), publishedAt, c.completeness(), objectives, c.children(),
                c.childrenRollup().stream().map(PublicConsolidation::strip).toList());
    }

    public PublicConsolidation withId(long newId) {
        return new PublicConsolidation(newId, planId, planNumber, planTitle, period, receivingAgency, receivingAgencyName,
                unitCode, publishedAt, completeness, objectives, children, childrenRollup);
    }

    private static ConsolidationView.TargetRow strip(ConsolidationView.TargetRow r) {
        List<ConsolidationView.Source> sources = r.sources().stream()
                .map(s -> new ConsolidationView.Source(s.kind(), null, s.agency(), s.system())).distinct().toList();
        return new ConsolidationView.TargetRow(r.objectiveKey(), r.targetKey(), r.targetLabel(), r.targetText(), r.measureKey(),
                r.indicatorCode(), r.figure(), r.comparator(), r.baselineValue(), r.baselineYear(), r.targetValue(), r.targetYear(),
                r.valuePeriod(), r.female(), r.male(), r.total(), r.figureValue(), r.previousFigureValue(), r.status(),
                r.statusReason(), r.responsibleAgencies(), sources, r.contributingUnits(), r.targetValueHigh(), r.tolerance(),
                r.interimTarget());
    }
}
