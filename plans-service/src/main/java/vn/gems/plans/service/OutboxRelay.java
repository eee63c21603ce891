package vn.gems.plans.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.jobs.InstanceName;
import vn.gems.common.jobs.JobSlots;
import vn.gems.common.outbox.OutboxOutcome;
import vn.gems.common.outbox.OutboxRound;
import vn.gems.common.outbox.OutboxSettings;
import vn.gems.common.outbox.TransactionalOutbox;
import vn.gems.contracts.reporting.PlanEvent;
import vn.gems.plans.PlanOutboxEvent;
import vn.gems.plans.client.ReportingClient;
import vn.gems.plans.config.PlansConfig;
import vn.gems.plans.mapping.PlanMapper;
import vn.gems.plans.rest.PlanOutboxView;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Delivers queued plan events to reporting-service ({@code POST /api/reports/plan-events}, header
 * {@code Idempotency-Key: plan-{id}-v{version}-{event}}) on the common outbox ({@link TransactionalOutbox}: claimed
 * with a lease and an owner, so replicas never send one event at once; back-off with jitter; dead-lettered after
 * {@code gems.plans.outbox.max-attempts}; {@link #requeue}). A 2xx or 409 (already known) marks an event delivered;
 * anything else is retried. Events of one plan go out in order: a later one waits until the earlier ones are
 * delivered. The key makes a repeat after a lost answer harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    static final int FAILED_LISTED = 100;

    private final ReportingClient reporting;
    private final Idempotency idempotency;
    private final JobSlots slots;
    private final TransactionalOutbox queue;

    public OutboxRelay(ReportingClient reporting, PlansConfig config, EntityManager em, Idempotency idempotency, InstanceName instance,
                       JobSlots slots) {
        this.reporting = reporting;
        this.idempotency = idempotency;
        this.slots = slots;
        PlansConfig.Outbox o = config.outbox();
        this.queue = new TransactionalOutbox("plan_outbox", Optional.of("plan_id"),
                () -> new OutboxSettings(o.batchSize(), o.lease(), o.backoff(), o.maxBackoff(), o.maxAttempts()), instance.id(), em);
    }

    @Scheduled(identity = "plan-outbox", every = "${gems.plans.outbox.every:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deliverDue();
    }

    /** Forgets Idempotency-Key records after a week; once per hour across replicas. */
    @Scheduled(identity = "idempotency-purge", every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeIdempotencyKeys() {
        slots.runOnce("idempotency-purge", Duration.ofHours(1), () -> idempotency.purgeOlderThan(Duration.ofDays(7)));
    }

    /** Sends the events that are due; returns how many were delivered. Stops early when reporting-service is down. */
    public int deliverDue() {
        return deliver(false).delivered();
    }

    /** One delivery round; {@code ignoreBackoff} sends every pending event now. */
    public OutboxRound deliver(boolean ignoreBackoff) {
        return queue.deliver(ignoreBackoff, this::send);
    }

    /** Counts by status and the dead-lettered events, newest first (at most {@value #FAILED_LISTED}). */
    public PlanOutboxView summary() {
        return QuarkusTransaction.requiringNew().call(() -> new PlanOutboxView(PlanOutboxEvent.count("status", "PENDING"),
                PlanOutboxEvent.count("status", "DELIVERED"), PlanOutboxEvent.count("status", "FAILED"),
                PlanOutboxEvent.<PlanOutboxEvent>find("status = ?1 order by id desc", "FAILED").page(0, FAILED_LISTED).stream()
                        .map(PlanMapper::deadLettered).toList()));
    }

    /** Puts a dead-lettered (FAILED) event back in the queue with fresh attempts; false when there is none with that id. */
    public boolean requeue(long id) {
        return QuarkusTransaction.requiringNew().call(() -> queue.requeue(id));
    }

    private OutboxOutcome send(long id) {
        PlanOutboxEvent e = QuarkusTransaction.requiringNew().call(() -> PlanOutboxEvent.<PlanOutboxEvent>findById(id));
        if (e == null) {
            return OutboxOutcome.delivered();
        }
        int status;
        try {
            status = reporting.deliver(e.idemKey,
                    new PlanEvent(e.planId, e.planVersion, PlanEvent.Kind.valueOf(e.event.name()), e.occurredAt.atOffset(ZoneOffset.UTC)));
        } catch (RuntimeException ex) {
            LOG.infof("plan event %s not delivered: %s", e.idemKey, ex.toString());
            return OutboxOutcome.receiverDown("PEER_UNAVAILABLE", "reporting-service is unavailable; the event is sent again later.");
        }
        QuarkusTransaction.requiringNew().run(() -> PlanOutboxEvent.update("lastStatus = ?1 where id = ?2", status, id));
        if ((status >= 200 && status < 300) || status == 409) {
            return OutboxOutcome.delivered();
        }
        LOG.infof("plan event %s not delivered: reporting-service answered %d", e.idemKey, status);
        return OutboxOutcome.retry("PEER_REFUSED", "reporting-service refused the event (HTTP " + status + "); it is sent again later.");
    }
}
