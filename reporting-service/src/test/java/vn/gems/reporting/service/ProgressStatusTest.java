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

    static PlanModel.Measure ranged(TargetComparator c, String low, String high, String tolerance, List<PlanModel.Interim> interim) {
        return new PlanModel.Measure("K", "I", Figure.VALUE, c, null, null, new BigDecimal(low), 2025, null, Map.of(), List.of(),
                high == null ? null : new BigDecimal(high), tolerance == null ? null : new BigDecimal(tolerance), interim);
    }

    @Test
    void insideARangeIsAchievedAndOutsideItIsNot() {
        // "30–40%": both ends count; 29.9 and 40.1 do not, and in the target year they are off track.
        PlanModel.Measure range = ranged(TargetComparator.RANGE, "30", "40", null, List.of());
        assertEquals("ACHIEVED", status(range, 2024, "30", null));
        assertEquals("ACHIEVED", status(range, 2024, "35", null));
        assertEquals("ACHIEVED", status(range, 2024, "40", null));
        assertEquals("OFF_TRACK", status(range, 2025, "29.9", null));
        assertEquals("OFF_TRACK", status(range, 2025, "40.1", null));
        // Coming back towards the range from above is on track; moving away is not.
        assertEquals("ON_TRACK", status(range, 2023, "44", "47"));
        assertEquals("OFF_TRACK", status(range, 2023, "47", "44"));
        // "at least 30, at most 40" is the same range.
        assertEquals("ACHIEVED", status(ranged(TargetComparator.AT_LEAST, "30", "40", null, List.of()), 2024, "40", null));
        assertEquals("OFF_TRACK", status(ranged(TargetComparator.AT_LEAST, "30", "40", null, List.of()), 2025, "41", null));
        assertEquals("AT_LEAST 30–40", ProgressStatus.assess(ranged(TargetComparator.AT_LEAST, "30", "40", null, List.of()), 2024,
                new BigDecimal("35"), null, ABOUT, EQUAL).reason().replace("35 meets ", ""));
    }

    @Test
    void aMeasuresOwnToleranceReplacesTheGlobalPercentage() {
        // Sex ratio at birth "about 109" ± 2: 111 is achieved, 111.1 is not — though 5% of 109 (±5.45) would allow it.
        PlanModel.Measure srb = ranged(TargetComparator.ABOUT, "109", null, "2", List.of());
        assertEquals("ACHIEVED", status(srb, 2024, "107", null));
        assertEquals("ACHIEVED", status(srb, 2024, "111", null));
        assertEquals("OFF_TRACK", status(srb, 2025, "111.1", null));
        assertEquals("OFF_TRACK", status(srb, 2025, "106.9", null));
        assertEquals("ACHIEVED", status(m(Figure.VALUE, TargetComparator.ABOUT, null, null, "109", 2025, null), 2025, "114", null),
                "without a tolerance of its own the configured 5% still applies");
        assertEquals("114 meets ABOUT 109 ± 2".replace("114", "110"), ProgressStatus.assess(srb, 2024, new BigDecimal("110"), null,
                ABOUT, EQUAL).reason());
        // An exact target with a tolerance of its own: 100% ± 1.
        PlanModel.Measure all = ranged(TargetComparator.EQUAL, "100", null, "1", List.of());
        assertEquals("ACHIEVED", status(all, 2024, "99", null));
        assertEquals("OFF_TRACK", status(all, 2025, "98.9", null));
    }

    @Test
    void theInterimTargetOfTheYearDecidesOnTrack() {
        // Female share of doctorates: 30% by 2025, the plan expects 20% in 2023 and 25% in 2024.
        PlanModel.Measure phd = ranged(TargetComparator.AT_LEAST, "30", null, null,
                List.of(new PlanModel.Interim(2023, new BigDecimal("20")), new PlanModel.Interim(2024, new BigDecimal("25"))));
        assertEquals("ON_TRACK", status(phd, 2023, "20", null));
        assertEquals("OFF_TRACK", status(phd, 2023, "19.9", null));
        // the trend alone (18 → 19.9, +1.9 a year) would project 23.7 by 2025 and say off track in 2023 had the plan set no interim target
        assertEquals("OFF_TRACK", status(ranged(TargetComparator.AT_LEAST, "30", null, null, List.of()), 2023, "19.9", "18"));
        assertEquals("ON_TRACK", status(phd, 2024, "26", "20"));
        assertEquals("OFF_TRACK", status(phd, 2024, "24", "10"));
        // a year without an interim target falls back to the trend
        assertEquals("ON_TRACK", status(phd, 2022, "20", "10"));
        assertEquals("ACHIEVED", status(phd, 2023, "30", null));
        assertEquals("the plan's interim target for 2023 is 20; value 19.9 (target AT_LEAST 30)",
                ProgressStatus.assess(phd, 2023, new BigDecimal("19.9"), null, ABOUT, EQUAL).reason());
        // downward: adolescent births to 18 by 2025, 21 expected in 2023
        PlanModel.Measure births = new PlanModel.Measure("K", "I", Figure.VALUE, TargetComparator.REDUCE_TO, new BigDecimal("23"), 2021,
                new BigDecimal("18"), 2025, null, Map.of(), List.of(), null, null, List.of(new PlanModel.Interim(2023, new BigDecimal("21"))));
        assertEquals("ON_TRACK", status(births, 2023, "21", null));
        assertEquals("OFF_TRACK", status(births, 2023, "21.5", null), "the straight path (20.5) would also say off track; 21 is the plan's");
        assertEquals("ON_TRACK", status(births, 2023, "20.8", null));
    }
}
