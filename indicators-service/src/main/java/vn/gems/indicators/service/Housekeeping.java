package vn.gems.indicators.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.jobs.JobSlots;

import java.time.Duration;

/** Forgets Idempotency-Key reservations after a week (clients retry within minutes, not weeks); once per period across replicas. */
@ApplicationScoped
public class Housekeeping {

    private final Idempotency idempotency;
    private final JobSlots slots;

    public Housekeeping(Idempotency idempotency, JobSlots slots) {
        this.idempotency = idempotency;
        this.slots = slots;
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeIdempotencyKeys() {
        slots.runOnce("idempotency-purge", Duration.ofHours(6), () -> idempotency.purgeOlderThan(Duration.ofDays(7)));
    }
}
