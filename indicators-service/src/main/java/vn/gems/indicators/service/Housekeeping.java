package vn.gems.indicators.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.idempotency.Idempotency;

import java.time.Duration;

/** Forgets Idempotency-Key reservations after a week (clients retry within minutes, not weeks). */
@ApplicationScoped
public class Housekeeping {

    private final Idempotency idempotency;

    public Housekeeping(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Scheduled(every = "6h", delayed = "10m")
    void purgeIdempotencyKeys() {
        idempotency.purgeOlderThan(Duration.ofDays(7));
    }
}
