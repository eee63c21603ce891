package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.contracts.indicators.Rollup;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.ConsolidationView.TargetRow;

import java.math.BigDecimal;
import java.util.List;

/**
 * A consolidation's target rows: the figure of each measure from its roll-up (recomputed from the parts by sex),
 * the previous period's beside it, and the progress status the plan's comparator gives.
 */
@ApplicationScoped
public class TargetRows {

    private final ReportingConfig config;

    public TargetRows(ReportingConfig config) {
        this.config = config;
    }

    TargetRow row(PlanModel.Objective o, PlanModel.Target t, PlanModel.Measure m, int year, String period,
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
                src == null ? List.of() : sources(src), src == null ? List.of() : units(src),
                m.targetValueHigh(), m.tolerance(), interim(m, year));
    }

    TargetRow rowFromParts(PlanModel.Objective o, PlanModel.Target t, PlanModel.Measure m, int year, String period,
                                   Figures.Parts parts, BigDecimal previousFigure, List<ConsolidationView.Source> sources, List<String> units) {
        BigDecimal figure = Figures.compute(m.figure(), parts);
        ProgressStatus.Assessment a = ProgressStatus.assess(m, year, figure, previousFigure,
                config.status().aboutTolerancePercent(), config.status().equalTolerancePercent());
        return new TargetRow(o.key(), t.key(), t.label(), t.text(), m.key(), m.indicatorCode(), m.figure(), m.comparator(),
                m.baselineValue(), m.baselineYear(), m.targetValue(), m.targetYear(), parts.empty() ? null : period,
                parts.female(), parts.male(), parts.total(), figure, previousFigure, a.status(), a.reason(),
                m.responsibleAgencies().stream().map(PlanModel.Responsible::agency).toList(), sources, units,
                m.targetValueHigh(), m.tolerance(), interim(m, year));
    }

    /** The plan's interim target for the consolidated period's year, or null. */
    private static BigDecimal interim(PlanModel.Measure m, int year) {
        return m.interimFor(year).map(PlanModel.Interim::value).orElse(null);
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

    static List<ConsolidationView.Source> sources(Rollup r) {
        return r.sources().stream().map(s -> new ConsolidationView.Source(s.kind(), s.reference(), s.agency(), s.system())).toList();
    }

    static List<String> units(Rollup r) {
        return r.contributingUnits();
    }
}
