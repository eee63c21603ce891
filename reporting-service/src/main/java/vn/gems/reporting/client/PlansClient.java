package vn.gems.reporting.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.gems.common.http.PeerCalls;
import vn.gems.common.http.PeerRejected;
import vn.gems.contracts.plans.Agency;
import vn.gems.contracts.plans.AgencyPage;
import vn.gems.contracts.plans.Membership;
import vn.gems.contracts.plans.Plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calls to plans-service under timeout, retry and circuit breaker. A 404 is an answer (empty); another 4xx is
 * {@link PeerRejected}; a peer that is down or slow becomes a 503 problem ({@code PLANS_SERVICE_UNAVAILABLE}).
 */
@ApplicationScoped
public class PlansClient {

    private static final String PEER = "plans-service";
    /** plans-service answers at most this many codes per read. */
    public static final int MAX_CODES = 200;
    /** Codes per read kept within this many characters (a comma encoded as 3), so the request line stays under 4 KB. */
    public static final int MAX_CODES_LENGTH = 2500;

    private final PlansApi api;

    public PlansClient(@RestClient PlansApi api) {
        this.api = api;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "planDown", skipOn = PeerRejected.class)
    public Optional<Plan> planVersion(long id, int version) {
        return call(() -> api.planVersion(id, version));
    }

    /** The plan's current version, by id or code. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "currentPlanDown", skipOn = PeerRejected.class)
    public Optional<Plan> plan(String idOrCode) {
        return call(() -> api.plan(idOrCode));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "agencyDown", skipOn = PeerRejected.class)
    public Optional<Agency> agency(String code) {
        return call(() -> api.agency(code));
    }

    /**
     * The agencies among {@code codes} that plans-service knows, in one read ({@code GET /api/agencies?codes=}); codes it
     * does not know are absent. The caller keeps a call within {@link #MAX_CODES} codes and {@link #MAX_CODES_LENGTH} characters.
     */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "agenciesDown", skipOn = PeerRejected.class)
    public List<Agency> agencies(List<String> codes) {
        return codes.isEmpty() ? List.of() : call(() -> api.agencies(String.join(",", codes))).map(AgencyPage::items).orElse(List.of());
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "holdersDown", skipOn = PeerRejected.class)
    public Optional<List<Agency>> holders(String code) {
        return call(() -> api.holders(code));
    }

    /** The members of a body on a date (a BODY_MEMBERS rule's submitters); empty when plans-service knows no such body. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = PeerRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 10, delayUnit = ChronoUnit.SECONDS, skipOn = PeerRejected.class)
    @Fallback(fallbackMethod = "membersDown", skipOn = PeerRejected.class)
    public Optional<List<Membership>> members(String body, LocalDate asOf) {
        return call(() -> api.members(body, asOf.toString()));
    }

    Optional<List<Membership>> membersDown(String body, LocalDate asOf) {
        throw PeerCalls.unavailable(PEER);
    }

    Optional<Plan> planDown(long id, int version) {
        throw PeerCalls.unavailable(PEER);
    }

    Optional<Plan> currentPlanDown(String idOrCode) {
        throw PeerCalls.unavailable(PEER);
    }

    Optional<Agency> agencyDown(String code) {
        throw PeerCalls.unavailable(PEER);
    }

    List<Agency> agenciesDown(List<String> codes) {
        throw PeerCalls.unavailable(PEER);
    }

    Optional<List<Agency>> holdersDown(String code) {
        throw PeerCalls.unavailable(PEER);
    }

    private static <T> Optional<T> call(Supplier<T> call) {
        return PeerCalls.orEmptyIfNotFound(PEER, call);
    }
}
