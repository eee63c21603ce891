package vn.gems.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.gems.common.outbox.OutboxEntity;

import java.time.Instant;

/** A message written in the same transaction as the change it announces, delivered later with retries. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends OutboxEntity {

    public static final String TOPIC_VALUES = "VALUES_BATCH";

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
