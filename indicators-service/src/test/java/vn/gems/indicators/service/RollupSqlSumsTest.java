package vn.gems.indicators.service;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;
import vn.gems.indicators.Period;
import vn.gems.indicators.rest.RollupView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Roll-ups of large territories are added up in PostgreSQL (one grouped query per slice); small ones row by row here.
 * Both must give the same figures, so every unit of the demo hierarchy is rolled up both ways (and mixed, as a
 * consolidation asks the country and its provinces of one slice) on 2021 values chosen for the edge cases: a province
 * that reported with its communes (the communes must not count again), a unit without a total (derived from its
 * parts) or without a male figure, a provisional value, ratios with and without numerators, units merged since.
 */
@QuarkusTest
class RollupSqlSumsTest {

    static final String CSV = """
            indicator,unit,period,sex,value,numerator,denominator,status
            BIRTHS,VN-51,2021,FEMALE,500,,,FINAL
            BIRTHS,VN-51,2021,MALE,520,,,FINAL
            BIRTHS,VN-51,2021,TOTAL,1020,,,FINAL
            BIRTHS,VN-51-STI-TINHHA,2021,FEMALE,20,,,FINAL
            BIRTHS,VN-51-STI-TINHHA,2021,MALE,25,,,FINAL
            BIRTHS,VN-51-STI-TINHHA,2021,TOTAL,45,,,FINAL
            BIRTHS,VN-62,2021,FEMALE,300,,,FINAL
            BIRTHS,VN-62,2021,MALE,310,,,FINAL
            BIRTHS,VN-62-KTC-QUYETTHANG,2021,FEMALE,30,,,FINAL
            BIRTHS,VN-62-KTC-QUYETTHANG,2021,MALE,31,,,FINAL
            BIRTHS,VN-62-KTC-QUYETTHANG,2021,TOTAL,61,,,FINAL
            BIRTHS,VN-46-HUE-PHUHOI,2021,FEMALE,7,,,PROVISIONAL
            BIRTHS,VN-46-HUE-PHUHOI,2021,MALE,8,,,PROVISIONAL
            BIRTHS,VN-46-HUE-PHUHOI,2021,TOTAL,15,,,PROVISIONAL
            BIRTHS,VN-46-HUE-KIMLONG,2021,FEMALE,5,,,FINAL
            BIRTHS,VN-42,2021,TOTAL,100,,,FINAL
            ADOLESCENT_BIRTH_RATE,VN-51,2021,,,230,10000,FINAL
            ADOLESCENT_BIRTH_RATE,VN-62,2021,,30,180,6000,FINAL
            ADOLESCENT_BIRTH_RATE,VN-42,2021,,12.5,,,FINAL
            ADOLESCENT_BIRTH_RATE,VN-46-HUE-PHUNHUAN,2021,,,40.5,2000,PROVISIONAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-51,2021,FEMALE,,120,400,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-51,2021,MALE,,150,450,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-62,2021,FEMALE,45,90,200,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-62,2021,MALE,40,,,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-62,2021,TOTAL,,190,450,FINAL
            EMPLOYED_IN_AGRICULTURE_SHARE,VN-46-HUE-KIMLONG,2021,TOTAL,,10,40,FINAL
            """;
    static final List<String> INDICATORS = List.of("BIRTHS", "ADOLESCENT_BIRTH_RATE", "EMPLOYED_IN_AGRICULTURE_SHARE");
    static final List<LocalDate> DATES = List.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2025-06-30"), LocalDate.parse("2021-12-31"));
    private static boolean pushed;

    @Inject
    RollupService rollups;
    @Inject
    Catalogue catalogue;

    @BeforeEach
    void data() {
        Demo.load();
        if (!pushed) {
            Api.pushCsv(Api.STATS, CSV, "?reference=rollup-sql-sums.csv").statusCode(201).body("inserted", equalTo(26));
            pushed = true;
        }
    }

    @Test
    void summedInSqlEqualsSummedRowByRowForEveryUnitDateAndStatus() {
        Catalogue.Snapshot cat = catalogue.current();
        List<RollupService.Query> queries = new ArrayList<>();
        for (String indicator : INDICATORS) {
            for (LocalDate day : DATES) {
                for (Hierarchy.Node unit : cat.hierarchy.all()) {
                    queries.add(query(cat, indicator, unit.code, day));
                }
            }
        }
        for (boolean finalOnly : List.of(false, true)) {
            List<RollupView> rowByRow = rollups.rollups(cat, queries, finalOnly, Integer.MAX_VALUE);
            List<RollupView> inSql = rollups.rollups(cat, queries, finalOnly, 0);
            // territories of more than 5 units in SQL, the others here, in one call sharing slices
            List<RollupView> mixed = rollups.rollups(cat, queries, finalOnly, 5);
            for (int i = 0; i < queries.size(); i++) {
                assertEquals(rowByRow.get(i), inSql.get(i), "in SQL, finalOnly " + finalOnly + ": " + queries.get(i));
                assertEquals(rowByRow.get(i), mixed.get(i), "mixed, finalOnly " + finalOnly + ": " + queries.get(i));
            }
        }
    }

    @Test
    void theCountryInSqlAsWorkedOutByHand() {
        Catalogue.Snapshot cat = catalogue.current();
        LocalDate day = LocalDate.parse("2026-01-01");
        RollupView all = rollups.rollups(cat, List.of(query(cat, "BIRTHS", "VN", day)), false, 0).get(0);
        // covering: VN-51 (not its commune Tịnh Hà), VN-62 (not Quyết Thắng), Phú Hội, Kim Long, VN-42
        // female 500 + 300 + 7 + 5 = 812; male 520 + 310 + 8 = 838; totals as reported 1020 + 15 + 100 = 1135
        assertEquals(new BigDecimal("812"), all.female());
        assertEquals(new BigDecimal("838"), all.male());
        assertEquals(new BigDecimal("1135"), all.total());
        assertEquals(List.of("VN-42", "VN-46-HUE-KIMLONG", "VN-46-HUE-PHUHOI", "VN-51", "VN-62"), all.contributingUnits());
        assertEquals(10, all.valueCount());
        assertEquals("PROVISIONAL", all.status());
        RollupView finals = rollups.rollups(cat, List.of(query(cat, "BIRTHS", "VN", day)), true, 0).get(0);
        assertEquals(new BigDecimal("805"), finals.female());
        assertEquals(new BigDecimal("1120"), finals.total());
        assertEquals("FINAL", finals.status());
        // Kon Tum on its last day: no total reported, so female + male = 610
        RollupView konTum = rollups.rollups(cat, List.of(query(cat, "BIRTHS", "VN-62", day)), false, 0).get(0);
        assertEquals(new BigDecimal("610"), konTum.total());
        assertEquals(List.of("VN-62"), konTum.contributingUnits());
        // (230 + 180 + 40.5) ÷ (10000 + 6000 + 2000) would be a rate, but VN-42 gave no parts: no figure, a note
        RollupView rate = rollups.rollups(cat, List.of(query(cat, "ADOLESCENT_BIRTH_RATE", "VN", day)), false, 0).get(0);
        assertNull(rate.value());
        assertEquals("value: some of the 4 units gave no numerator and denominator, so the rate cannot be recomputed", rate.note());
        // without VN-42 (VN-51 today, with Kon Tum): (230 + 180) ÷ 16000 × 1000 = 25.625
        RollupView quangNgai = rollups.rollups(cat, List.of(query(cat, "ADOLESCENT_BIRTH_RATE", "VN-51", day)), false, 0).get(0);
        assertEquals(new BigDecimal("25.625"), quangNgai.value());
    }

    private static RollupService.Query query(Catalogue.Snapshot cat, String indicator, String unit, LocalDate day) {
        return new RollupService.Query(cat.indicator(indicator).orElseThrow(), cat.hierarchy.find(unit).orElseThrow(),
                Period.parse("2021").orElseThrow(), Map.of(), day);
    }
}
