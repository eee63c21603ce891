package vn.gems.plans.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.plans.PlanEventType;

import java.time.Instant;

/**
 * A lifecycle event for reporting-service and whether it has been delivered. {@code status}: PENDING, DELIVERED or
 * FAILED (dead-lettered after too many attempts); {@code lastErrorCode} and {@code lastError}: why the last attempt
 * failed, as a stable code and a sentence.
 */
@Schema(name = "PlanEventDelivery", example = """
        {"idempotencyKey":"plan-3-v1-ISSUED","event":"ISSUED","planVersion":1,"occurredAt":"2025-11-21T08:00:00Z",
         "status":"DELIVERED","delivered":true,"deliveredAt":"2025-11-21T08:00:02Z","attempts":1,"lastStatus":200,
         "lastErrorCode":null,"lastError":null}""")
public record PlanEventView(String idempotencyKey, PlanEventType event, int planVersion, Instant occurredAt, String status,
                            boolean delivered, Instant deliveredAt, int attempts, Integer lastStatus, String lastErrorCode,
                            String lastError) {
}
