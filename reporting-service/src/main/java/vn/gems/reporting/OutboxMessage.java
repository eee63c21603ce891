package vn.gems.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A message written in the same transaction as the change it announces, delivered later with retries. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String TOPIC_VALUES = "VALUES_BATCH";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    /** Sent as the Idempotency-Key, so a redelivery after a lost answer changes nothing. */
    @Column(name = "idem_key", nullable = false, unique = true)
    public String idemKey;

    @Column(nullable = false)
    public String payload;

    @Column(nullable = false)
    public String status = PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** Why the last attempt failed: a stable code ({@code PEER_UNAVAILABLE}, {@code VALUES_REFUSED}, …). */
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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
