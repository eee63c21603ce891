package vn.gems.reporting.service;

import org.junit.jupiter.api.Test;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ConsolidationView.TargetRow;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A target row carries what the plan sets beside the target value: a range's upper end, the ± tolerance, the period's interim target. */
class TargetRowsTest {

    static final PlanModel.Objective OBJECTIVE = new PlanModel.Objective("O1", "a", "Lĩnh vực chính trị", List.of());
    static final PlanModel.Target TARGET = new PlanModel.Target("O1-T1", "1", "Tỷ lệ nữ đại biểu", List.of());

    /** Only the status tolerances are read (their defaults). */
    static ReportingConfig config() {
        ReportingConfig.Status status = (ReportingConfig.Status) Proxy.newProxyInstance(TargetRowsTest.class.getClassLoader(),
                new Class<?>[]{ReportingConfig.Status.class}, (p, m, a) -> switch (m.getName()) {
                    case "aboutTolerancePercent" -> new BigDecimal("5");
                    case "equalTolerancePercent" -> new BigDecimal("0.5");
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ReportingConfig) Proxy.newProxyInstance(TargetRowsTest.class.getClassLoader(), new Class<?>[]{ReportingConfig.class},
                (p, m, a) -> {
                    if (m.getName().equals("status")) {
                        return status;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    static PlanModel.Measure measure(TargetComparator c, String target, String high, String tolerance, List<PlanModel.Interim> interim) {
        return new PlanModel.Measure("O1-T1-M1", "WOMEN_IN_COUNCILS", Figure.FEMALE_SHARE, c, null, null, new BigDecimal(target), 2030,
                null, Map.of(), List.of(), high == null ? null : new BigDecimal(high), tolerance == null ? null : new BigDecimal(tolerance), interim);
    }

    @Test
    void aRangeWithItsInterimTargetOfThePeriod() {
        PlanModel.Measure m = measure(TargetComparator.RANGE, "30", "40", null,
                List.of(new PlanModel.Interim(2025, new BigDecimal("32")), new PlanModel.Interim(2026, new BigDecimal("34"))));
        TargetRows rows = new TargetRows(config());
        TargetRow row = rows.row(OBJECTIVE, TARGET, m, 2026, "2026", "2025", null, null);
        assertEquals(new BigDecimal("30"), row.targetValue());
        assertEquals(new BigDecimal("40"), row.targetValueHigh());
        assertNull(row.tolerance());
        assertEquals(new BigDecimal("34"), row.interimTarget());
        // The provinces' sum row (a plan over child plans) carries them too; a year without an interim target has none.
        TargetRow sum = rows.rowFromParts(OBJECTIVE, TARGET, m, 2027, "2027", new Figures.Parts(new BigDecimal("35"), new BigDecimal("65"), null, null),
                null, List.of(), List.of());
        assertEquals(new BigDecimal("40"), sum.targetValueHigh());
        assertNull(sum.interimTarget());
        assertEquals("ACHIEVED", sum.status());
    }

    @Test
    void anAboutTargetWithItsTolerance() {
        TargetRow row = new TargetRows(config()).row(OBJECTIVE, TARGET, measure(TargetComparator.ABOUT, "109", null, "2", List.of()),
                2026, "2026", "2025", null, null);
        assertEquals(new BigDecimal("2"), row.tolerance());
        assertNull(row.targetValueHigh());
        assertNull(row.interimTarget());
    }
}
