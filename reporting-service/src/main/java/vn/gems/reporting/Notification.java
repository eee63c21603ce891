package vn.gems.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A notice for an agency: a report falls due soon or is overdue, was submitted, returned or accepted. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String agency;

    @Column(nullable = false)
    public String kind;

    @Column(name = "obligation_id")
    public Long obligationId;

    @Column(name = "report_id")
    public Long reportId;

    @Column(nullable = false)
    public String message;

    /** One notice per event: the scheduler may run on several replicas or twice. */
    @Column(name = "dedup_key", nullable = false, unique = true)
    public String dedupKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When it was mailed (the mail columns follow the common outbox: status, attempts, lease, last error). */
    @Column(name = "delivered_at")
    public Instant mailedAt;
}
