package vn.gems.indicators.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
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

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = NotFound.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = NotFound.class)
    @Fallback(fallbackMethod = "down", skipOn = NotFound.class)
    public Optional<Agency> agency(String code) {
        try {
            return Optional.of(api.agency(code));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                throw new NotFound();
            }
            throw e;
        }
    }

    /** Whether plans-service knows the agency. */
    public boolean agencyExists(String code) {
        try {
            return agency(code).isPresent();
        } catch (NotFound e) {
            return false;
        }
    }

    Optional<Agency> down(String code) {
        throw ProblemException.unavailable("PLANS_SERVICE_UNAVAILABLE",
                "plans-service, which knows the agencies, does not answer; try again shortly", 10);
    }

    /** plans-service answered 404: a definite answer, neither retried nor counted as a failure. */
    public static final class NotFound extends RuntimeException {
        NotFound() {
            super("agency not found", null, false, false);
        }
    }
}
