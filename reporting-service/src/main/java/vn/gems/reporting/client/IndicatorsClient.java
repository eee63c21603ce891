package vn.gems.reporting.client;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.gems.common.http.PeerCalls;
import vn.gems.common.http.PeerRejected;
import vn.gems.contracts.indicators.BatchResult;
import vn.gems.contracts.indicators.IndicatorPage;
import vn.gems.contracts.indicators.RollupsAnswer;
import vn.gems.contracts.indicators.RollupsRequest;
import vn.gems.contracts.indicators.ValueBatch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Calls to indicators-service under timeout, retry and circuit breaker. 4xx answers come out as
 * {@link PeerRejected}; a peer that is down or slow becomes a 503 problem ({@code INDICATORS_SERVICE_UNAVAILABLE}).
 */
@ApplicationScoped
public class IndicatorsClient {

    private static final String PEER = "indicators-service";

    private final IndicatorsApi api;

    public IndicatorsClient(@RestClient IndicatorsApi api) {
        this.api = api;
    }

    /** Writes values; the key makes a redelivery harmless. The outbox retries on its own schedule, so no retry here. */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "batchDown", skipOn = PeerRejected.class)
    public BatchResult batch(String idempotencyKey, ValueBatch body) {
        try {
            return api.batch(idempotencyKey, body);
        } catch (RuntimeException e) {
            throw PeerCalls.classify(PEER, e);
        }
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "rollupsDown", skipOn = PeerRejected.class)
    public RollupsAnswer rollups(RollupsRequest body) {
        try {
            return api.rollups(body);
        } catch (RuntimeException e) {
            throw PeerCalls.classify(PEER, e);
        }
    }

    /** The catalogue entries of the given indicator codes (those that exist). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "catalogueDown", skipOn = PeerRejected.class)
    public IndicatorPage indicators(String codes) {
        try {
            return api.indicators(codes, 500);
        } catch (RuntimeException e) {
            throw PeerCalls.classify(PEER, e);
        }
    }

    /** A unit's name on a date and its dated names (for the names printed on a document); cached, names change rarely. */
    @CacheResult(cacheName = "unit-names")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "unitDown", skipOn = PeerRejected.class)
    public UnitNames unit(String code, LocalDate asOf) {
        try {
            return api.unit(code, asOf.toString());
        } catch (RuntimeException e) {
            throw PeerCalls.classify(PEER, e);
        }
    }

    /**
     * The units at {@code level} inside {@code unit}'s territory as it stands on {@code asOf} (one call for a whole
     * province's communes); empty when indicators-service does not know the unit.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "unitsDown", skipOn = PeerRejected.class)
    public List<String> unitsAt(String unit, String level, LocalDate asOf) {
        try {
            return api.territory(unit, asOf.toString(), level);
        } catch (RuntimeException e) {
            RuntimeException c = PeerCalls.classify(PEER, e);
            if (c instanceof PeerRejected r && r.status() == 404) {
                return List.of();
            }
            throw c;
        }
    }

    List<String> unitsDown(String unit, String level, LocalDate asOf) {
        throw PeerCalls.unavailable(PEER);
    }

    UnitNames unitDown(String code, LocalDate asOf) {
        throw PeerCalls.unavailable(PEER);
    }

    IndicatorPage catalogueDown(String codes) {
        throw PeerCalls.unavailable(PEER);
    }

    BatchResult batchDown(String idempotencyKey, ValueBatch body) {
        throw PeerCalls.unavailable(PEER);
    }

    RollupsAnswer rollupsDown(RollupsRequest body) {
        throw PeerCalls.unavailable(PEER);
    }
}
