package vn.gems.plans.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.contracts.reporting.PlanEvent;
import vn.gems.plans.PlanOutboxEvent;
import vn.gems.plans.client.ReportingClient;
import vn.gems.plans.config.PlansConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Delivers queued plan events to reporting-service ({@code POST /api/reports/plan-events}, header
 * {@code Idempotency-Key: plan-{id}-v{version}-{event}}). A 2xx or 409 (already known) marks an event delivered;
 * anything else is retried later with exponential back-off. Events of one plan go out in order: a later one waits
 * until the earlier ones are delivered. Each event is locked ({@code for update skip locked}) while it is sent, so
 * several instances never send one event twice at once; the key makes a repeat after a lost answer harmless.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What happened to one event. */
    enum Outcome { DELIVERED, RETRY_LATER, PEER_DOWN, SKIPPED }

    private final ReportingClient reporting;
    private final PlansConfig config;
    private final EntityManager em;
    private final Idempotency idempotency;

    public OutboxRelay(ReportingClient reporting, PlansConfig config, EntityManager em, Idempotency idempotency) {
        this.reporting = reporting;
        this.config = config;
        this.em = em;
        this.idempotency = idempotency;
    }

    @Scheduled(identity = "plan-outbox", every = "${gems.plans.outbox.every:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deliverDue();
    }

    /** Forgets Idempotency-Key records after a week. */
    @Scheduled(identity = "idempotency-purge", every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeIdempotencyKeys() {
        idempotency.purgeOlderThan(Duration.ofDays(7));
    }

    /** Sends the events that are due; returns how many were delivered. Stops early when reporting-service is down. */
    public int deliverDue() {
        List<Long> due = QuarkusTransaction.requiringNew().call(this::dueIds);
        int delivered = 0;
        for (Long id : due) {
            Outcome o = QuarkusTransaction.requiringNew().call(() -> deliverOne(id));
            if (o == Outcome.DELIVERED) {
                delivered++;
            } else if (o == Outcome.PEER_DOWN) {
                break;
            }
        }
        return delivered;
    }

    @SuppressWarnings("unchecked")
    List<Long> dueIds() {
        return ((List<Number>) em.createNativeQuery("""
                        select o.id from plan_outbox o
                        where o.delivered_at is null and o.next_attempt_at <= now()
                          and not exists (select 1 from plan_outbox e where e.plan_id = o.plan_id and e.id < o.id and e.delivered_at is null)
                        order by o.id limit ?1""")
                .setParameter(1, config.outbox().batchSize()).getResultList()).stream().map(Number::longValue).toList();
    }

    Outcome deliverOne(long id) {
        List<?> locked = em.createNativeQuery("select id from plan_outbox where id = ?1 and delivered_at is null for update skip locked")
                .setParameter(1, id).getResultList();
        if (locked.isEmpty()) {
            return Outcome.SKIPPED;
        }
        PlanOutboxEvent e = em.find(PlanOutboxEvent.class, id);
        e.attempts++;
        try {
            int status = reporting.deliver(e.idemKey,
                    new PlanEvent(e.planId, e.planVersion, PlanEvent.Kind.valueOf(e.event.name()), e.occurredAt.atOffset(ZoneOffset.UTC)));
            e.lastStatus = status;
            if ((status >= 200 && status < 300) || status == 409) {
                e.deliveredAt = Instant.now();
                e.lastError = null;
                return Outcome.DELIVERED;
            }
            later(e, "reporting-service answered " + status);
            return Outcome.RETRY_LATER;
        } catch (RuntimeException ex) {
            later(e, "reporting-service unavailable: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : " " + ex.getMessage()));
            return Outcome.PEER_DOWN;
        }
    }

    private void later(PlanOutboxEvent e, String why) {
        long base = config.outbox().backoff().toMillis();
        long delay = Math.min(config.outbox().maxBackoff().toMillis(), base * (1L << Math.min(20, e.attempts - 1)));
        e.nextAttemptAt = Instant.now().plusMillis(delay);
        e.lastError = why.length() > 1000 ? why.substring(0, 1000) : why;
        LOG.infof("plan event %s not delivered (attempt %d, next in %d ms): %s", e.idemKey, e.attempts, delay, why);
    }
}
