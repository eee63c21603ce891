package vn.gems.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A plan lifecycle event waiting to be (or already) delivered to reporting-service. Written in the same
 * transaction as the change it announces; {@code idemKey} ({@code plan-{id}-v{version}-{event}}) makes
 * redelivery harmless.
 */
@Entity
@Table(name = "plan_outbox")
public class PlanOutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanEventType event;

    @Column(name = "idem_key", nullable = false, unique = true)
    public String idemKey;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    /** PENDING, DELIVERED, or FAILED (dead-lettered after too many attempts, until requeued). */
    @Column(nullable = false)
    public String status = "PENDING";

    /** Why the last attempt failed: a stable code ({@code PEER_UNAVAILABLE}, {@code PEER_REFUSED}, …). */
    @Column(name = "last_error_code")
    public String lastErrorCode;

    /** The same in one sentence (never an exception's text; the detail is in the log). */
    @Column(name = "last_error")
    public String lastError;

    /** The instance delivering it now, until {@code leaseUntil}; afterwards any instance may take it over. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static String keyOf(long planId, int version, PlanEventType event) {
        return "plan-" + planId + "-v" + version + "-" + event.name();
    }
}
