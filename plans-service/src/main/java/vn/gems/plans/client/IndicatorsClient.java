package vn.gems.plans.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.indicators.IndicatorPage;
import vn.gems.contracts.indicators.UnitChangePage;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Calls to indicators-service with timeout, retry and circuit breaker. When the peer cannot answer, callers get
 * a 503 problem ({@code INDICATORS_UNAVAILABLE}) instead of a guess: nothing is written unchecked.
 */
@ApplicationScoped
public class IndicatorsClient {

    private static final Logger LOG = Logger.getLogger(IndicatorsClient.class);
    /** Codes per request, to keep URLs short. */
    private static final int CHUNK = 100;

    private final IndicatorsApi api;

    public IndicatorsClient(@RestClient IndicatorsApi api) {
        this.api = api;
    }

    /** The codes among {@code codes} that indicators-service's catalogue holds. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("indicators-catalogue")
    @Fallback(fallbackMethod = "catalogueDown")
    public Set<String> existingIndicators(List<String> codes) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < codes.size(); i += CHUNK) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + CHUNK));
            IndicatorPage page = api.indicators(String.join(",", chunk), Math.max(chunk.size(), 1));
            if (page != null) {
                page.items().forEach(it -> found.add(it.code()));
            }
        }
        return found;
    }

    /** Whether indicators-service knows the administrative unit {@code code} (404 → false). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("indicators-units")
    @Fallback(fallbackMethod = "unitsDown")
    public boolean unitExists(String code) {
        try {
            return api.unit(code) != null;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The unit change feed after {@code after} (at most {@code size} entries), for the committee follower. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("indicators-unit-feed")
    @Fallback(fallbackMethod = "feedDown")
    public UnitChangePage unitChanges(long after, int size) {
        return api.unitEvents(after, size);
    }

    UnitChangePage feedDown(long after, int size) {
        throw down("the unit change feed");
    }

    Set<String> catalogueDown(List<String> codes) {
        throw down("the indicator catalogue");
    }

    boolean unitsDown(String code) {
        throw down("administrative unit " + code);
    }

    private static ProblemException down(String what) {
        LOG.warnf("indicators-service could not check %s (down, slow or failing)", what);
        return ProblemException.unavailable("INDICATORS_UNAVAILABLE",
                "indicators-service cannot check " + what + " right now; nothing was saved, try again shortly", 30);
    }
}
