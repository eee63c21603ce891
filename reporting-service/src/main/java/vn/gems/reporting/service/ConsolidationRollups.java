package vn.gems.reporting.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.Problem;
import vn.gems.contracts.indicators.Rollup;
import vn.gems.contracts.indicators.RollupsAnswer;
import vn.gems.contracts.indicators.RollupsRequest;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.client.IndicatorsClient;
import vn.gems.common.http.PeerRejected;
import vn.gems.reporting.mapping.ContentCodec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a consolidation: indicators-service's roll-ups for every (measure, unit, period), asked in batches
 * of {@link #ROLLUP_CHUNK} in the background while the consolidation reads this service's own tables.
 */
@ApplicationScoped
public class ConsolidationRollups {

    /** indicators-service answers at most 500 roll-ups per call. */
    static final int ROLLUP_CHUNK = 400;
    private static final Pattern QUERY_INDEX = Pattern.compile("queries\\[(\\d+)]");

    private final IndicatorsClient indicators;
    private final ContentCodec codec;
    /** Thread contexts (logging, tracing) follow the call; CDI request and transaction do not: the call needs neither. */
    private final ManagedExecutor background = ManagedExecutor.builder()
            .propagated(ThreadContext.ALL_REMAINING)
            .cleared(ThreadContext.CDI, ThreadContext.TRANSACTION)
            .build();

    public ConsolidationRollups(IndicatorsClient indicators, ContentCodec codec) {
        this.indicators = indicators;
        this.codec = codec;
    }

    /** Starts asking; {@link #join} waits for the answer, keyed by {@link Query#key}. */
    CompletableFuture<Map<String, Rollup>> ask(List<Query> queries, LocalDate asOf) {
        return background.supplyAsync(() -> all(queries, asOf));
    }

    static Map<String, Rollup> join(CompletableFuture<Map<String, Rollup>> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** One roll-up query per (measure, unit, period); answered by indicators-service in one call. */
    record Query(PlanModel.Measure measure, String unit, String period) {
        static String key(PlanModel.Measure m, String unit, String period) {
            return m.indicatorCode() + "|" + unit + "|" + period + "|" + new TreeMap<>(m.dimensions());
        }

        String key() {
            return key(measure, unit, period);
        }
    }

    private Map<String, Rollup> all(List<Query> queries, LocalDate asOf) {
        Map<String, Rollup> byKey = new HashMap<>();
        if (queries.isEmpty()) {
            return byKey;
        }
        Map<String, Query> unique = new LinkedHashMap<>();
        queries.forEach(q -> unique.putIfAbsent(q.key(), q));
        List<Query> all = new ArrayList<>(unique.values());
        // Calls of even size, asked side by side: the ministry's 720 roll-ups are two calls of 360 (one measure's
        // country and provinces together, so indicators-service reads each slice once) answered in parallel.
        int size = Math.ceilDiv(all.size(), Math.ceilDiv(all.size(), ROLLUP_CHUNK));
        List<CompletableFuture<Map<String, Rollup>>> others = new ArrayList<>();
        for (int from = size; from < all.size(); from += size) {
            List<Query> part = all.subList(from, Math.min(all.size(), from + size));
            others.add(background.supplyAsync(() -> {
                Map<String, Rollup> answered = new HashMap<>();
                chunk(part, asOf, answered, true);
                return answered;
            }));
        }
        chunk(all.subList(0, Math.min(size, all.size())), asOf, byKey, true);
        for (CompletableFuture<Map<String, Rollup>> other : others) {
            byKey.putAll(join(other));
        }
        return byKey;
    }

    /**
     * One call for up to {@link #ROLLUP_CHUNK} queries. A query indicators-service refuses (an indicator or unit it does
     * not know, e.g. a child plan's unit not registered yet) is left out and the rest asked again: it shows as no data.
     */
    private void chunk(List<Query> ordered, LocalDate asOf, Map<String, Rollup> byKey, boolean retry) {
        RollupsRequest body = new RollupsRequest(asOf, ordered.stream().map(q -> new RollupsRequest.RollupQuery(
                q.measure().indicatorCode(), q.unit(), q.period(), q.measure().dimensions())).toList());
        RollupsAnswer answer;
        try {
            answer = indicators.rollups(body);
        } catch (PeerRejected e) {
            Set<Integer> refused = refusedQueries(e);
            if (!retry || refused.isEmpty()) {
                throw e;
            }
            List<Query> rest = new ArrayList<>();
            for (int i = 0; i < ordered.size(); i++) {
                if (!refused.contains(i)) {
                    rest.add(ordered.get(i));
                }
            }
            if (!rest.isEmpty()) {
                chunk(rest, asOf, byKey, false);
            }
            return;
        }
        List<Rollup> results = answer == null ? List.of() : answer.results();
        for (int i = 0; i < results.size(); i++) {
            Rollup r = results.get(i);
            if (r.indicator() != null && r.unit() != null && r.period() != null) {
                byKey.put(r.indicator() + "|" + r.unit() + "|" + r.period() + "|" + new TreeMap<>(r.dimensions()), r);
            } else if (i < ordered.size()) {
                byKey.put(ordered.get(i).key(), r);
            }
        }
    }

    private Set<Integer> refusedQueries(PeerRejected e) {
        Set<Integer> refused = new TreeSet<>();
        if (e.status() != 422 || e.body() == null) {
            return refused;
        }
        try {
            for (FieldError err : codec.read(e.body(), Problem.class).errors()) {
                Matcher m = QUERY_INDEX.matcher(String.valueOf(err.field()));
                if (m.lookingAt()) {
                    refused.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IllegalStateException | NumberFormatException ignored) {
            // not the documented problem shape: nothing to leave out
        }
        return refused;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
