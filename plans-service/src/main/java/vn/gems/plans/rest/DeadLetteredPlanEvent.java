package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.PlanEventType;

import java.time.Instant;

/**
 * A plan event given up after too many attempts (FAILED); later events of its plan wait behind it until an admin
 * requeues it with {@code id}. {@code lastErrorCode}/{@code lastError}: a stable code and a sentence.
 */
@Schema(name = "DeadLetteredPlanEvent", example = """
        {"id":17,"planId":3,"idempotencyKey":"plan-3-v2-AMENDED","event":"AMENDED","planVersion":2,
         "occurredAt":"2025-11-21T08:00:00Z","attempts":12,"lastStatus":503,"lastErrorCode":"PEER_REFUSED",
         "lastError":"reporting-service refused the event (HTTP 503); it is sent again later."}""")
public record DeadLetteredPlanEvent(long id, long planId, String idempotencyKey, PlanEventType event, int planVersion,
                                    Instant occurredAt, int attempts, Integer lastStatus, String lastErrorCode, String lastError) {
}
