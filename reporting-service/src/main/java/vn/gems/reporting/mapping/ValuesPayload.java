package vn.gems.reporting.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.rest.ReportContent;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An accepted report's values as indicators-service's {@code POST /api/values/batch} body: one row per sex for
 * figures about persons (female, male and their total, computed as female + male when not given), one row
 * without sex for plain values; the source names the report and version ({@code submission:41:v2}) and the
 * submitting agency.
 */
public final class ValuesPayload {

    private ValuesPayload() {
    }

    public static String reference(long reportId, int versionNo) {
        return "submission:" + reportId + ":v" + versionNo;
    }

    public static String idempotencyKey(long reportId, int versionNo) {
        return "reporting-submission-" + reportId + "-v" + versionNo;
    }

    /** The body, or null when there is nothing to send. */
    public static ObjectNode build(ObjectMapper json, PlanModel plan, Obligation o, long reportId, int versionNo, ReportContent content) {
        ObjectNode body = json.createObjectNode();
        ObjectNode source = body.putObject("source");
        source.put("kind", "REPORT");
        source.put("reference", reference(reportId, versionNo));
        source.put("agency", o.agency);
        source.put("system", "reporting-service");
        ArrayNode rows = body.putArray("values");
        for (ReportContent.Value v : content.values()) {
            PlanModel.Measure m = plan.measure(v.measureKey()).map(PlanModel.Located::measure).orElse(null);
            if (m == null || m.indicatorCode() == null || o.unitCode == null) {
                continue;
            }
            if (m.figure().plainValue() || (v.female() == null && v.male() == null && v.total() == null)) {
                if (v.value() != null || (v.numerator() != null && v.denominator() != null)) {
                    row(rows, m, o, null, v.value(), v.numerator(), v.denominator());
                }
                continue;
            }
            // No total is made up here: for rates and averages it is not female + male; indicators-service derives
            // the total of additive indicators itself.
            if (v.female() != null) {
                row(rows, m, o, "FEMALE", v.female(), null, null);
            }
            if (v.male() != null) {
                row(rows, m, o, "MALE", v.male(), null, null);
            }
            if (v.total() != null) {
                row(rows, m, o, "TOTAL", v.total(), null, null);
            }
        }
        return rows.isEmpty() ? null : body;
    }

    /**
     * Fits the rows to indicators-service's catalogue just before sending (so acceptance never waits for it): a value
     * of an indicator kept by sex is its TOTAL, an indicator not kept by sex takes no sex; a rate given with numerator
     * and denominator is recomputed there from them; numerator and denominator are dropped for non-rates; a value
     * for a period finer than the indicator is collected (a 6-month figure of an annual indicator) stays in the report
     * only. Rows of unknown indicators are left for indicators-service to refuse with a clear error.
     */
    public static ObjectNode normalise(ObjectNode body, Map<String, vn.gems.reporting.service.IndicatorCatalogue.Info> catalogue) {
        ObjectNode out = body.deepCopy();
        ArrayNode rows = out.putArray("values");
        for (com.fasterxml.jackson.databind.JsonNode r : body.path("values")) {
            ObjectNode row = ((ObjectNode) r).deepCopy();
            var info = catalogue.get(row.path("indicatorCode").asText());
            if (info != null) {
                if (!info.allows(row.path("period").asText())) {
                    continue;
                }
                String sex = row.hasNonNull("sex") ? row.get("sex").asText() : null;
                if (info.bySex() && sex == null) {
                    row.put("sex", "TOTAL");
                } else if (!info.bySex() && sex != null) {
                    if (!sex.equals("TOTAL")) {
                        continue;
                    }
                    row.putNull("sex");
                }
                boolean counts = row.hasNonNull("numerator") && row.hasNonNull("denominator");
                if (info.ratio() && counts) {
                    row.putNull("value");
                } else if (!info.ratio()) {
                    row.putNull("numerator");
                    row.putNull("denominator");
                }
            }
            if (!row.hasNonNull("value") && !(row.hasNonNull("numerator") && row.hasNonNull("denominator"))) {
                continue;
            }
            rows.add(row);
        }
        return out;
    }

    private static void row(ArrayNode rows, PlanModel.Measure m, Obligation o, String sex, BigDecimal value,
                            BigDecimal numerator, BigDecimal denominator) {
        ObjectNode r = rows.addObject();
        r.put("indicatorCode", m.indicatorCode());
        r.put("unitCode", o.unitCode);
        r.put("period", o.period);
        if (sex == null) {
            r.putNull("sex");
        } else {
            r.put("sex", sex);
        }
        ObjectNode dims = r.putObject("dimensions");
        for (Map.Entry<String, String> d : m.dimensions().entrySet()) {
            dims.put(d.getKey(), d.getValue());
        }
        if (value == null) {
            r.putNull("value");
        } else {
            r.put("value", value);
        }
        if (numerator == null) {
            r.putNull("numerator");
        } else {
            r.put("numerator", numerator);
        }
        if (denominator == null) {
            r.putNull("denominator");
        } else {
            r.put("denominator", denominator);
        }
        r.put("status", "FINAL");
    }
}
