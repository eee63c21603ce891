package vn.gems.plans.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.gems.contracts.reporting.PlanEvent;

import java.time.temporal.ChronoUnit;

/**
 * Delivers one plan event to reporting-service with timeout, retry and circuit breaker. Returns the HTTP status
 * for any answer below 500 (the outbox decides: 2xx and 409 are delivered, the rest retried later); throws when
 * reporting-service is down, slow or failing, so the breaker opens and the outbox backs off.
 */
@ApplicationScoped
public class ReportingClient {

    private final ReportingApi api;

    public ReportingClient(@RestClient ReportingApi api) {
        this.api = api;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 300)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 15, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("reporting-plan-events")
    public int deliver(String idempotencyKey, PlanEvent event) {
        try (Response r = api.planEvent(idempotencyKey, event)) {
            return statusOrThrow(r.getStatus(), null);
        } catch (WebApplicationException e) {
            return statusOrThrow(e.getResponse().getStatus(), e);
        }
    }

    private static int statusOrThrow(int status, WebApplicationException e) {
        if (status >= 500) {
            throw e != null ? e : new WebApplicationException("reporting-service answered " + status, status);
        }
        return status;
    }
}
