package vn.gems.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.client.IndicatorsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** What reporting-service needs of indicators-service's catalogue: is an indicator kept by sex, is it a rate. */
@ApplicationScoped
public class IndicatorCatalogue {

    private static final Duration FRESH = Duration.ofMinutes(10);

    /** The facts about an indicator that decide how a value row is written. */
    public record Info(String code, boolean bySex, String aggregation, String periodicity) {
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

    private record Cached(Info info, Instant at) {
    }

    private final IndicatorsClient indicators;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public IndicatorCatalogue(IndicatorsClient indicators) {
        this.indicators = indicators;
    }

    /** The known indicators among {@code codes}; unknown codes are absent. Throws 503 when indicators-service is down. */
    public Map<String, Info> lookup(Collection<String> codes) {
        Map<String, Info> found = new HashMap<>();
        Set<String> missing = new TreeSet<>();
        Instant fresh = Instant.now().minus(FRESH);
        for (String c : codes) {
            Cached hit = cache.get(c);
            if (hit != null && hit.at().isAfter(fresh)) {
                found.put(c, hit.info());
            } else {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            JsonNode answer = indicators.indicators(String.join(",", missing));
            for (JsonNode i : answer.path("items")) {
                Info info = new Info(i.path("code").asText(), i.path("bySex").asBoolean(false), i.path("aggregation").asText(null),
                        i.path("periodicity").asText(null));
                cache.put(info.code(), new Cached(info, Instant.now()));
                found.put(info.code(), info);
            }
        }
        return found;
    }
}
