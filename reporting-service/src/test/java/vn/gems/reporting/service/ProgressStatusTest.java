package vn.gems.reporting.service;

import org.junit.jupiter.api.Test;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.PlanModel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressStatusTest {

    static final BigDecimal ABOUT = new BigDecimal("5");
    static final BigDecimal EQUAL = new BigDecimal("0.5");

    static PlanModel.Measure m(Figure f, TargetComparator c, String baseline, Integer baselineYear, String target, Integer targetYear, Integer fromYear) {
        return new PlanModel.Measure("K", "I", f, c, baseline == null ? null : new BigDecimal(baseline), baselineYear,
                target == null ? null : new BigDecimal(target), targetYear, fromYear, Map.of(), List.of());
    }

    static String status(PlanModel.Measure m, int year, String current, String previous) {
        return ProgressStatus.assess(m, year, current == null ? null : new BigDecimal(current), previous == null ? null : new BigDecimal(previous),
                ABOUT, EQUAL).status();
    }

    @Test
    void comparatorsDecideAchievement() {
        assertEquals("ACHIEVED", status(m(Figure.FEMALE_SHARE, TargetComparator.AT_LEAST, null, null, "50", 2025, null), 2024, "50", null));
        assertEquals("ACHIEVED", status(m(Figure.VALUE, TargetComparator.BELOW, null, null, "15", 2025, null), 2024, "14.9", null));
        assertEquals("OFF_TRACK", status(m(Figure.VALUE, TargetComparator.BELOW, null, null, "15", 2025, null), 2025, "15", null));
        assertEquals("ACHIEVED", status(m(Figure.VALUE, TargetComparator.ABOVE, null, null, "90", 2025, null), 2024, "90.1", null));
        assertEquals("ACHIEVED", status(m(Figure.VALUE, TargetComparator.AT_MOST, null, null, "30", 2025, null), 2024, "30", null));
        assertEquals("ACHIEVED", status(m(Figure.VALUE, TargetComparator.REDUCE_TO, "23", 2020, "18", 2025, null), 2024, "18", null));
        // "About 85%": within 5% of the target either side; "equal": within half a percent.
        assertEquals("ACHIEVED", status(m(Figure.VALUE, TargetComparator.ABOUT, null, null, "85", 2025, null), 2024, "81", null));
        assertEquals("OFF_TRACK", status(m(Figure.VALUE, TargetComparator.ABOUT, null, null, "85", 2025, null), 2025, "80", null));
        assertEquals("ACHIEVED", status(m(Figure.MALE_TO_FEMALE_X100, TargetComparator.EQUAL, null, null, "109", 2025, null), 2024, "109.5", null));
    }

    @Test
    void baselinePathDecidesOnOrOffTrack() {
        // Adolescent births from 23 (2020) to 18 (2025): the straight path expects 20 in 2023.
        PlanModel.Measure births = m(Figure.VALUE, TargetComparator.REDUCE_TO, "23", 2020, "18", 2025, null);
        assertEquals("ON_TRACK", status(births, 2023, "20", null));
        assertEquals("ON_TRACK", status(births, 2023, "19.5", null));
        assertEquals("OFF_TRACK", status(births, 2023, "21", null));
        // Female wage workers from 40% (2020) to 50% (2025): 46% expected in 2023.
        PlanModel.Measure wage = m(Figure.FEMALE_SHARE, TargetComparator.AT_LEAST, "40", 2020, "50", 2025, null);
        assertEquals("ON_TRACK", status(wage, 2023, "46", null));
        assertEquals("OFF_TRACK", status(wage, 2023, "45.9", null));
        // Towards a point: closer than the path expects.
        PlanModel.Measure srb = m(Figure.MALE_TO_FEMALE_X100, TargetComparator.EQUAL, "115", 2020, "109", 2025, null);
        assertEquals("ON_TRACK", status(srb, 2023, "111", null));
        assertEquals("OFF_TRACK", status(srb, 2023, "114", null));
    }

    @Test
    void withoutBaselineTheTrendSinceLastPeriodDecides() {
        PlanModel.Measure mmr = m(Figure.VALUE, TargetComparator.BELOW, null, null, "15", 2025, null);
        assertEquals("ON_TRACK", status(mmr, 2023, "17", "19"));
        assertEquals("OFF_TRACK", status(mmr, 2023, "17", "17.2"));
        assertEquals("OFF_TRACK", status(mmr, 2023, "17", "16"));
        assertEquals("OFF_TRACK", status(mmr, 2023, "17", null));
        PlanModel.Measure about = m(Figure.VALUE, TargetComparator.ABOUT, null, null, "85", 2025, null);
        assertEquals("ON_TRACK", status(about, 2023, "75", "70"));
        assertEquals("OFF_TRACK", status(about, 2023, "70", "75"));
    }

    @Test
    void noValueIsNoDataAndMilestonesWaitForTheirYear() {
        assertEquals("NO_DATA", status(m(Figure.VALUE, TargetComparator.AT_LEAST, null, null, "60", 2025, null), 2024, null, null));
        assertEquals("NO_DATA", status(m(Figure.VALUE, null, null, null, null, 2025, null), 2024, "3", null));
        PlanModel.Measure milestone = m(Figure.MILESTONE, TargetComparator.AT_LEAST, null, null, "1", 2025, 2025);
        assertEquals("ON_TRACK", status(milestone, 2024, "0", null));
        assertEquals("OFF_TRACK", status(milestone, 2025, "0", null));
        assertEquals("ACHIEVED", status(milestone, 2025, "1", null));
    }
}
