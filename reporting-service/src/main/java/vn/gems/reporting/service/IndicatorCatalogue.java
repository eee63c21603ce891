package vn.gems.reporting.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.contracts.indicators.IndicatorSummary;
import vn.gems.reporting.client.IndicatorsClient;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * What reporting-service needs of indicators-service's catalogue: is an indicator kept by sex, is it a rate. Entries
 * are kept in the cache {@code indicator-catalogue} (10 minutes, application.properties), so one call asks only for
 * the codes not seen lately.
 */
@ApplicationScoped
public class IndicatorCatalogue {

    /** The facts about an indicator that decide how a value row is written. */
    public record Info(String code, boolean bySex, String aggregation, String periodicity) {

        static Info of(IndicatorSummary s) {
            return new Info(s.code(), s.bySex(), s.aggregation(), s.periodicity());
        }

        public boolean ratio() {
            return "RATIO".equals(aggregation);
        }

        /** indicators-service keeps a value for the indicator's period kind or a coarser one, never a finer one. */
        public boolean allows(String period) {
            int finest = switch (periodicity == null ? "MONTHLY" : periodicity) {
                case "ANNUAL" -> 0;
                case "HALF_YEARLY" -> 1;
                case "QUARTERLY" -> 2;
                default -> 3;
            };
            int kind = period.length() == 4 ? 0 : period.charAt(4) == 'S' ? 1 : period.charAt(4) == 'Q' ? 2 : 3;
            return kind <= finest;
        }
    }

    private final IndicatorsClient indicators;
    private final CaffeineCache cache;

    public IndicatorCatalogue(IndicatorsClient indicators, @CacheName("indicator-catalogue") Cache cache) {
        this.indicators = indicators;
        this.cache = cache.as(CaffeineCache.class);
    }

    /** The known indicators among {@code codes}; unknown codes are absent. Throws 503 when indicators-service is down. */
    public Map<String, Info> lookup(Collection<String> codes) {
        Map<String, Info> found = new HashMap<>();
        Set<String> missing = new TreeSet<>();
        for (String c : codes) {
            CompletableFuture<Info> hit = cache.getIfPresent(c);
            if (hit != null && hit.isDone() && !hit.isCompletedExceptionally()) {
                found.put(c, hit.join());
            } else {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            for (IndicatorSummary s : indicators.indicators(String.join(",", missing)).items()) {
                Info info = Info.of(s);
                cache.put(info.code(), CompletableFuture.completedFuture(info));
                found.put(info.code(), info);
            }
        }
        return found;
    }
}
