package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.PlanEventType;

import java.time.Instant;

/** A lifecycle event for reporting-service and whether it has been delivered. */
@Schema(name = "PlanEvent", example = """
        {"idempotencyKey":"plan-3-v1-ISSUED","event":"ISSUED","planVersion":1,"occurredAt":"2025-11-21T08:00:00Z",
         "delivered":true,"deliveredAt":"2025-11-21T08:00:02Z","attempts":1,"lastStatus":200,"lastError":null}""")
public record PlanEventView(String idempotencyKey, PlanEventType event, int planVersion, Instant occurredAt, boolean delivered,
                            Instant deliveredAt, int attempts, Integer lastStatus, String lastError) {
}
