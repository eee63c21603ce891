package vn.gems.reporting.service.export;

import org.junit.jupiter.api.Test;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.rest.ConsolidationView.TargetRow;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exports' target column: a range, an "about" target's ± and the period's interim target, in both languages. */
class LabelsTest {

    static TargetRow row(TargetComparator c, String target, String high, String tolerance, String interim) {
        return new TargetRow("O1", "O1-T1", "1", "text", "O1-T1-M1", "I", Figure.FEMALE_SHARE, c, null, null, new BigDecimal(target), 2030,
                null, null, null, null, null, null, "NO_DATA", null, List.of(), List.of(), List.of(),
                high == null ? null : new BigDecimal(high), tolerance == null ? null : new BigDecimal(tolerance),
                interim == null ? null : new BigDecimal(interim));
    }

    @Test
    void targetsWithRangeToleranceAndInterim() {
        assertEquals("trong khoảng 30–40 (2030); chỉ tiêu kỳ này 34", Labels.of(Lang.VI).target(row(TargetComparator.RANGE, "30", "40", null, "34")));
        assertEquals("within 30–40 (2030); this period's interim target 34", Labels.of(Lang.EN).target(row(TargetComparator.RANGE, "30", "40", null, "34")));
        assertEquals("≈ 109 ± 2 (2030)", Labels.of(Lang.VI).target(row(TargetComparator.ABOUT, "109", null, "2.0", null)));
        assertEquals("≥ 50 (2030)", Labels.of(Lang.EN).target(row(TargetComparator.AT_LEAST, "50.00", null, null, null)));
    }
}
