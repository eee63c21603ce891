package vn.gems.indicators.service;

import org.junit.jupiter.api.Test;
import vn.gems.indicators.UnitLevel;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Territory and coverage on a small hierarchy with a province merger, an abolished district and a commune merger. */
class HierarchyTest {

    static final LocalDate START = LocalDate.of(1990, 1, 1);
    static final LocalDate EVE = LocalDate.of(2025, 6, 30);
    static final LocalDate DAY = LocalDate.of(2025, 7, 1);

    // 1 VN; 2 QN (continues); 3 KT (merged into QN); 4 district of QN (abolished into QN); 5, 6 communes of the
    // district, merged into 7 (new); 8 commune of KT, moved to QN
    final Hierarchy h = new Hierarchy();

    HierarchyTest() {
        h.add(1, "VN", UnitLevel.NATION, START, null, 0);
        h.add(2, "QN", UnitLevel.PROVINCE, START, null, 0);
        h.add(3, "KT", UnitLevel.PROVINCE, START, EVE, 0);
        h.add(4, "D", UnitLevel.DISTRICT, START, EVE, 0);
        h.add(5, "C5", UnitLevel.COMMUNE, START, EVE, 0);
        h.add(6, "C6", UnitLevel.COMMUNE, START, EVE, 0);
        h.add(7, "C7", UnitLevel.COMMUNE, DAY, null, 0);
        h.add(8, "C8", UnitLevel.COMMUNE, START, null, 0);
        h.addParent(2, 1, START, null);
        h.addParent(3, 1, START, EVE);
        h.addParent(4, 2, START, EVE);
        h.addParent(5, 4, START, EVE);
        h.addParent(6, 4, START, EVE);
        h.addParent(7, 2, DAY, null);
        h.addParent(8, 3, START, EVE);
        h.addParent(8, 2, DAY, null);
        h.addMerge(3, 2, DAY);
        h.addMerge(4, 2, DAY);
        h.addMerge(5, 7, DAY);
        h.addMerge(6, 7, DAY);
    }

    static List<Integer> ids(BitSet b) {
        return b.stream().boxed().toList();
    }

    @Test
    void territoryFollowsMergersUpToTheDate() {
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), ids(h.territory(h.get(2), LocalDate.of(2026, 1, 1))));
        assertEquals(List.of(2, 4, 5, 6), ids(h.territory(h.get(2), LocalDate.of(2024, 1, 1))));
        assertEquals(List.of(5, 6, 7), ids(h.territory(h.get(7), LocalDate.of(2026, 1, 1))));
        assertEquals(List.of(3, 8), ids(h.territory(h.get(3), EVE)));
    }

    @Test
    void aReportingAncestorCoversItsDescendantsAsTheyWereDuringThePeriod() {
        BitSet reporting = new BitSet();
        List.of(2, 3, 5, 8).forEach(reporting::set);
        // 5 lay under the district under QN in 2023, 8 under KT: both covered; QN and KT both count
        assertEquals(List.of(2, 3), ids(h.covering(reporting, LocalDate.of(2023, 12, 31))));
        reporting.clear(2);
        assertEquals(List.of(3, 5), ids(h.covering(reporting, LocalDate.of(2023, 12, 31))));
        // in 2026 commune 8 lies under QN, which did not report: 8 counts
        BitSet later = new BitSet();
        later.set(8);
        later.set(7);
        assertEquals(List.of(7, 8), ids(h.covering(later, LocalDate.of(2026, 12, 31))));
    }
}
