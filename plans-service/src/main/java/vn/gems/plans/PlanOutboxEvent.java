package vn.gems.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.gems.common.outbox.OutboxEntity;

import java.time.Instant;

/**
 * A plan lifecycle event waiting to be (or already) delivered to reporting-service. Written in the same
 * transaction as the change it announces; {@code idemKey} ({@code plan-{id}-v{version}-{event}}) makes
 * redelivery harmless.
 */
@Entity
@Table(name = "plan_outbox")
public class PlanOutboxEvent extends OutboxEntity {

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanEventType event;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    public static String keyOf(long planId, int version, PlanEventType event) {
        return "plan-" + planId + "-v" + version + "-" + event.name();
    }
}
