package vn.gems.common.outbox;

import java.time.Duration;

/**
 * How an outbox delivers: messages claimed per round, how long a claim (lease) lasts before another instance may take
 * the message over, the back-off between attempts (doubling from {@code initialBackoff} to {@code maxBackoff}, with
 * jitter) and the attempts after which a message is dead-lettered (status FAILED, until requeued).
 */
public record OutboxSettings(int batchSize, Duration lease, Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    public OutboxSettings {
        if (batchSize < 1 || maxAttempts < 1 || lease.isNegative() || lease.isZero() || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("invalid outbox settings " + batchSize + "/" + lease + "/" + initialBackoff
                    + "/" + maxBackoff + "/" + maxAttempts);
        }
    }
}
