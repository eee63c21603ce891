package vn.gems.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.gems.contracts.indicators.ValueBatch;
import vn.gems.reporting.OutboxMessage;
import vn.gems.reporting.client.IndicatorsClient;
import vn.gems.reporting.client.PeerRejected;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.mapping.ValuesPayload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transactional outbox towards indicators-service. A message is written in the transaction that accepts a
 * report, so it exists exactly when the acceptance does; delivery claims due messages (skip-locked, so replicas
 * share the work), sends each with its fixed Idempotency-Key, and on failure retries with a doubling delay. A
 * 400/422 answer (the values themselves are refused) parks the message as FAILED for a person to look at.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);
    private static final Duration LEASE = Duration.ofSeconds(90);

    /** What one delivery round did. */
    public record Round(int delivered, int retried, int failed) {
    }

    /** Counts per status, for operators, with the latest messages that met a problem. */
    public record Summary(long pending, long delivered, long failed, List<MessageView> recentProblems) {
    }

    /** A message without its payload. */
    public record MessageView(long id, String topic, String idemKey, String status, int attempts, Instant nextAttemptAt,
                              String lastError, Instant createdAt, Instant deliveredAt) {
    }

    private final IndicatorsClient indicators;
    private final IndicatorCatalogue catalogue;
    private final ContentCodec codec;
    private final ReportingConfig config;
    private final EntityManager em;

    public Outbox(IndicatorsClient indicators, IndicatorCatalogue catalogue, ContentCodec codec, ReportingConfig config, EntityManager em) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.codec = codec;
        this.config = config;
        this.em = em;
    }

    /** Adds a message in the current transaction; a key already queued is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, String payload) {
        em.createNativeQuery("insert into outbox_message(topic, idem_key, payload) values (?1, ?2, ?3) on conflict (idem_key) do nothing")
                .setParameter(1, topic).setParameter(2, key).setParameter(3, payload).executeUpdate();
    }

    /** Delivers every due message once; called by the scheduler. */
    public Round deliverDue() {
        return deliver(false);
    }

    /** Delivers due messages, or with {@code now} every pending one whatever its back-off (an operator's "retry now"). */
    public Round deliver(boolean now) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> claim(now));
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        for (Long id : ids) {
            OutboxMessage m = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id));
            if (m == null || !OutboxMessage.PENDING.equals(m.status)) {
                continue;
            }
            try {
                ValueBatch body = codec.read(m.payload, ValueBatch.class);
                Set<String> codes = new TreeSet<>();
                body.values().forEach(v -> codes.add(v.indicatorCode()));
                ValueBatch send = ValuesPayload.normalise(body, catalogue.lookup(codes));
                if (send.values().isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> delivered(id));
                    delivered++;
                    continue;
                }
                indicators.batch(m.idemKey, send);
                QuarkusTransaction.requiringNew().run(() -> delivered(id));
                delivered++;
            } catch (PeerRejected e) {
                if (e.status() == 400 || e.status() == 422) {
                    QuarkusTransaction.requiringNew().run(() -> failed(id, e.getMessage()));
                    failed++;
                    LOG.errorf("Outbox message %d (%s) refused by indicators-service: %s", id, m.idemKey, e.getMessage());
                } else {
                    QuarkusTransaction.requiringNew().run(() -> retry(id, e.getMessage()));
                    retried++;
                }
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> retry(id, e.getMessage()));
                retried++;
                LOG.debugf("Outbox message %d not delivered yet: %s", id, e.getMessage());
            }
        }
        if (!ids.isEmpty()) {
            LOG.infof("Outbox round: %d delivered, %d to retry, %d failed", delivered, retried, failed);
        }
        return new Round(delivered, retried, failed);
    }

    @Transactional
    public Summary summary() {
        long pending = OutboxMessage.count("status", OutboxMessage.PENDING);
        long delivered = OutboxMessage.count("status", OutboxMessage.DELIVERED);
        long failed = OutboxMessage.count("status", OutboxMessage.FAILED);
        List<MessageView> problems = OutboxMessage.<OutboxMessage>find("lastError is not null and status <> ?1 order by id desc",
                        OutboxMessage.DELIVERED).page(0, 20).stream()
                .map(m -> new MessageView(m.id, m.topic, m.idemKey, m.status, m.attempts, m.nextAttemptAt, m.lastError, m.createdAt, m.deliveredAt))
                .toList();
        return new Summary(pending, delivered, failed, problems);
    }

    /** Puts a FAILED message back in the queue (after the cause was fixed). */
    @Transactional
    public boolean requeue(long id) {
        return OutboxMessage.update("status = ?1, nextAttemptAt = ?2 where id = ?3 and status = ?4",
                OutboxMessage.PENDING, Instant.now(), id, OutboxMessage.FAILED) == 1;
    }

    @SuppressWarnings("unchecked")
    private List<Long> claim(boolean now) {
        List<Number> rows = em.createNativeQuery("update outbox_message set next_attempt_at = now() + cast(?1 as interval) "
                        + "where id in (select id from outbox_message where status = 'PENDING'" + (now ? "" : " and next_attempt_at <= now()") + " "
                        + "order by id limit ?2 for update skip locked) returning id")
                .setParameter(1, LEASE.toSeconds() + " seconds")
                .setParameter(2, config.outbox().batchSize())
                .getResultList();
        return rows.stream().map(Number::longValue).sorted().toList();
    }

    private void delivered(long id) {
        OutboxMessage.update("status = ?1, deliveredAt = ?2, attempts = attempts + 1, lastError = null where id = ?3",
                OutboxMessage.DELIVERED, Instant.now(), id);
    }

    private void failed(long id, String error) {
        OutboxMessage.update("status = ?1, attempts = attempts + 1, lastError = ?2 where id = ?3",
                OutboxMessage.FAILED, cut(error), id);
    }

    private void retry(long id, String error) {
        OutboxMessage m = OutboxMessage.findById(id);
        m.attempts++;
        long factor = 1L << Math.min(20, m.attempts - 1);
        Duration delay = config.outbox().initialBackoff().multipliedBy(factor);
        if (delay.compareTo(config.outbox().maxBackoff()) > 0) {
            delay = config.outbox().maxBackoff();
        }
        m.nextAttemptAt = Instant.now().plus(delay);
        m.lastError = cut(error);
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
