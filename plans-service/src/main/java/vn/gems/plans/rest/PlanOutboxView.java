package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** How many plan events wait for, reached, or were refused by reporting-service, and the dead-lettered ones. */
@Schema(name = "PlanOutbox", example = """
        {"pending":0,"delivered":42,"failed":1,"failedEvents":[{"id":17,"planId":3,"idempotencyKey":"plan-3-v2-AMENDED",
         "event":"AMENDED","planVersion":2,"occurredAt":"2025-11-21T08:00:00Z","attempts":12,"lastStatus":503,
         "lastErrorCode":"PEER_REFUSED","lastError":"reporting-service refused the event (HTTP 503); it is sent again later."}]}""")
public record PlanOutboxView(long pending, long delivered, long failed, List<DeadLetteredPlanEvent> failedEvents) {
}
