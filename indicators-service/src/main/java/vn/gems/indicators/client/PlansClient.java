package vn.gems.indicators.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.gems.common.http.PeerCalls;
import vn.gems.common.problem.ProblemException;
import vn.gems.contracts.plans.Agency;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Asks plans-service whether an agency exists, under timeout, retry and circuit breaker. An unknown agency is
 * an empty answer; plans-service down or slow is a 503 problem ({@code PLANS_SERVICE_UNAVAILABLE}).
 */
@ApplicationScoped
public class PlansClient {

    private final PlansApi api;

    public PlansClient(@RestClient PlansApi api) {
        this.api = api;
    }

    // A 404 is a normal answer (empty), so it is neither retried nor counted by the breaker; any other failure,
    // 4xx included (a refused service token), is retried and then ends in the fallback's 503.
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "down")
    public Optional<Agency> agency(String code) {
        return PeerCalls.orEmptyIfNotFound("plans-service", () -> api.agency(code));
    }

    /** Whether plans-service knows the agency. */
    public boolean agencyExists(String code) {
        return agency(code).isPresent();
    }

    Optional<Agency> down(String code) {
        throw ProblemException.unavailable("PLANS_SERVICE_UNAVAILABLE",
                "plans-service, which knows the agencies, does not answer; try again shortly", 10);
    }
}
