package vn.gems.common.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * The columns {@link TransactionalOutbox} works on, the same in every service's outbox table: the key sent as
 * Idempotency-Key, the delivery state, back-off, the lease, and why the last attempt failed.
 */
@MappedSuperclass
public abstract class OutboxEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Sent as the Idempotency-Key, so a redelivery after a lost answer changes nothing. */
    @Column(name = "idem_key", nullable = false, unique = true)
    public String idemKey;

    /** PENDING, DELIVERED, or FAILED (dead-lettered after too many attempts, until requeued). */
    @Column(nullable = false)
    public String status = PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

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
}
