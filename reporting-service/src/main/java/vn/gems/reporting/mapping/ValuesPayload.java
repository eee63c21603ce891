package vn.gems.reporting.mapping;

import vn.gems.contracts.indicators.ValueBatch;
import vn.gems.contracts.indicators.ValueRow;
import vn.gems.contracts.indicators.ValueSource;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.rest.ReportContent;
import vn.gems.reporting.service.IndicatorCatalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An accepted report's values as indicators-service's {@code POST /api/values/batch} body: one row per sex for
 * figures about persons (female, male and their total, computed as female + male when not given), one row
 * without sex for plain values; the source names the report and version ({@code submission:41:v2}) and the
 * submitting agency.
 */
public final class ValuesPayload {

    private static final String FINAL = "FINAL";

    private ValuesPayload() {
    }

    public static String reference(long reportId, int versionNo) {
        return "submission:" + reportId + ":v" + versionNo;
    }

    public static String idempotencyKey(long reportId, int versionNo) {
        return "reporting-submission-" + reportId + "-v" + versionNo;
    }

    /** The body, or null when there is nothing to send. */
    public static ValueBatch build(PlanModel plan, Obligation o, long reportId, int versionNo, ReportContent content) {
        if (o.requestId != null) {
            // An on-request report's period (REQ-<id>) is no statistical period: its figures stay in the report.
            return null;
        }
        List<ValueRow> rows = new ArrayList<>();
        for (ReportContent.Value v : content.values()) {
            PlanModel.Measure m = plan.measure(v.measureKey()).map(PlanModel.Located::measure).orElse(null);
            if (m == null || m.indicatorCode() == null || o.unitCode == null) {
                continue;
            }
            if (m.figure().plainValue() || (v.female() == null && v.male() == null && v.total() == null)) {
                if (v.value() != null || (v.numerator() != null && v.denominator() != null)) {
                    rows.add(row(m, o, null, v.value(), v.numerator(), v.denominator()));
                }
                continue;
            }
            // No total is made up here: for rates and averages it is not female + male; indicators-service derives
            // the total of additive indicators itself.
            if (v.female() != null) {
                rows.add(row(m, o, "FEMALE", v.female(), null, null));
            }
            if (v.male() != null) {
                rows.add(row(m, o, "MALE", v.male(), null, null));
            }
            if (v.total() != null) {
                rows.add(row(m, o, "TOTAL", v.total(), null, null));
            }
        }
        return rows.isEmpty() ? null
                : new ValueBatch(new ValueSource("REPORT", reference(reportId, versionNo), o.agency, "reporting-service"), rows);
    }

    /**
     * Fits the rows to indicators-service's catalogue just before sending (so acceptance never waits for it): a value
     * of an indicator kept by sex is its TOTAL, an indicator not kept by sex takes no sex; a rate given with numerator
     * and denominator is recomputed there from them; numerator and denominator are dropped for non-rates; a value
     * for a period finer than the indicator is collected (a 6-month figure of an annual indicator) stays in the report
     * only. Rows of unknown indicators are left for indicators-service to refuse with a clear error.
     */
    public static ValueBatch normalise(ValueBatch body, Map<String, IndicatorCatalogue.Info> catalogue) {
        List<ValueRow> rows = new ArrayList<>();
        for (ValueRow row : body.values()) {
            IndicatorCatalogue.Info info = catalogue.get(row.indicatorCode());
            if (info != null) {
                if (!info.allows(row.period())) {
                    continue;
                }
                if (info.bySex() && row.sex() == null) {
                    row = row.withSex("TOTAL");
                } else if (!info.bySex() && row.sex() != null) {
                    if (!row.sex().equals("TOTAL")) {
                        continue;
                    }
                    row = row.withSex(null);
                }
                boolean counts = row.numerator() != null && row.denominator() != null;
                if (info.ratio() && counts) {
                    row = row.withFigures(null, row.numerator(), row.denominator());
                } else if (!info.ratio()) {
                    row = row.withFigures(row.value(), null, null);
                }
            }
            if (row.hasFigure()) {
                rows.add(row);
            }
        }
        return body.withValues(rows);
    }

    private static ValueRow row(PlanModel.Measure m, Obligation o, String sex, BigDecimal value, BigDecimal numerator,
                                BigDecimal denominator) {
        return new ValueRow(m.indicatorCode(), o.unitCode, o.period, sex, new LinkedHashMap<>(m.dimensions()), value, numerator,
                denominator, FINAL);
    }
}
