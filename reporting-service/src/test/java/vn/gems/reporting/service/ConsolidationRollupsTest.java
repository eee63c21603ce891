package vn.gems.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.gems.contracts.indicators.Rollup;
import vn.gems.contracts.indicators.RollupsAnswer;
import vn.gems.contracts.indicators.RollupsRequest;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.TargetComparator;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.client.IndicatorsClient;
import vn.gems.reporting.mapping.ContentCodec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The roll-ups of a large consolidation go in calls of even size, side by side, and every query gets its answer. */
class ConsolidationRollupsTest {

    /** Answers each query with its own key and value; records the size of every call and whether two overlapped. */
    static final class Indicators extends IndicatorsClient {
        final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch together;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();

        Indicators(int expectedCalls) {
            super(null);
            together = new CountDownLatch(expectedCalls);
        }

        @Override
        public RollupsAnswer rollups(RollupsRequest body) {
            sizes.add(body.queries().size());
            inFlight.incrementAndGet();
            together.countDown();
            try {
                // Calls made one after the other never meet here: the first waits out the 5 s alone.
                together.await(5, TimeUnit.SECONDS);
                mostInFlight.accumulateAndGet(inFlight.get(), Math::max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return new RollupsAnswer(body.queries().stream().map(q -> new Rollup(q.indicator(), q.unit(), q.period(), body.asOf(),
                    q.dimensions(), null, null, null, new BigDecimal(q.unit().hashCode() % 1000), null, null, null, null, null,
                    null, null, List.of(q.unit()), List.of(), "FINAL", 1)).toList());
        }
    }

    static PlanModel.Measure measure(int i) {
        return new PlanModel.Measure("M" + i, "IND_" + i, Figure.TOTAL, TargetComparator.AT_LEAST, null, null, BigDecimal.TEN, 2030,
                null, Map.of(), List.of(), null, null, List.of());
    }

    @Test
    void theMinistrysSevenHundredTwentyRollupsAreTwoCallsOfThreeHundredSixtyAnsweredSideBySide() {
        // 20 measures × (the country this year and last, and 34 provinces this year) = 720 queries: two calls of 360.
        List<ConsolidationRollups.Query> queries = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            queries.add(new ConsolidationRollups.Query(measure(m), "VN", "2026"));
            queries.add(new ConsolidationRollups.Query(measure(m), "VN", "2025"));
            for (int p = 0; p < 34; p++) {
                queries.add(new ConsolidationRollups.Query(measure(m), "P" + p, "2026"));
            }
        }
        Indicators indicators = new Indicators(2);
        Map<String, Rollup> answered = ConsolidationRollups.join(
                new ConsolidationRollups(indicators, new ContentCodec(new ObjectMapper())).ask(queries, LocalDate.of(2026, 12, 15)));

        assertEquals(List.of(360, 360), indicators.sizes.stream().sorted().toList());
        assertEquals(2, indicators.mostInFlight.get(), "the two calls were not in flight together");
        assertEquals(720, answered.size());
        for (ConsolidationRollups.Query q : queries) {
            assertEquals(q.unit(), answered.get(q.key()).unit(), q.key());
            assertEquals(q.period(), answered.get(q.key()).period(), q.key());
        }
    }

    @Test
    void aProvincesFortyRollupsAreOneCall() {
        List<ConsolidationRollups.Query> queries = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            queries.add(new ConsolidationRollups.Query(measure(m), "VN-46", "2026"));
            queries.add(new ConsolidationRollups.Query(measure(m), "VN-46", "2025"));
        }
        Indicators indicators = new Indicators(1);
        Map<String, Rollup> answered = ConsolidationRollups.join(
                new ConsolidationRollups(indicators, new ContentCodec(new ObjectMapper())).ask(queries, LocalDate.of(2026, 12, 15)));

        assertEquals(List.of(40), indicators.sizes);
        assertEquals(40, answered.size());
    }
}
