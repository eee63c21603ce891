package vn.gems.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.gems.common.jobs.InstanceName;
import vn.gems.common.outbox.OutboxOutcome;
import vn.gems.common.outbox.OutboxRound;
import vn.gems.common.outbox.OutboxSettings;
import vn.gems.common.outbox.TransactionalOutbox;
import vn.gems.contracts.indicators.ValueBatch;
import vn.gems.reporting.OutboxMessage;
import vn.gems.reporting.client.IndicatorsClient;
import vn.gems.common.http.PeerRejected;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.mapping.ValuesPayload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The transactional outbox towards indicators-service, on the common mechanism ({@link TransactionalOutbox}: claim with
 * a lease and owner, back-off with jitter, dead-letter, requeue). A message is written in the transaction that accepts
 * a report, so it exists exactly when the acceptance does; each is sent with its fixed Idempotency-Key, so a repeat
 * after a lost answer changes nothing. A 400/422 answer (the values themselves are refused) dead-letters the message
 * at once for a person to look at; anything else is retried.
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** Counts per status, for operators, with the latest messages that met a problem. */
    public record Summary(long pending, long delivered, long failed, List<MessageView> recentProblems) {
    }

    /** A message without its payload; {@code lastErrorCode}/{@code lastError}: a stable code and a sentence. */
    public record MessageView(long id, String topic, String idemKey, String status, int attempts, Instant nextAttemptAt,
                              String lastErrorCode, String lastError, Instant createdAt, Instant deliveredAt) {
    }

    private final IndicatorsClient indicators;
    private final IndicatorCatalogue catalogue;
    private final ContentCodec codec;
    private final TransactionalOutbox queue;
    private final EntityManager em;

    public Outbox(IndicatorsClient indicators, IndicatorCatalogue catalogue, ContentCodec codec, ReportingConfig config,
                  InstanceName instance, EntityManager em) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.codec = codec;
        this.em = em;
        ReportingConfig.Outbox o = config.outbox();
        this.queue = new TransactionalOutbox("outbox_message", Optional.empty(),
                () -> new OutboxSettings(o.batchSize(), o.lease(), o.initialBackoff(), o.maxBackoff(), o.maxAttempts()), instance.id(), em);
    }

    /** Adds a message in the current transaction; a key already queued is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, String payload) {
        em.createNativeQuery("insert into outbox_message(topic, idem_key, payload) values (?1, ?2, ?3) on conflict (idem_key) do nothing")
                .setParameter(1, topic).setParameter(2, key).setParameter(3, payload).executeUpdate();
    }

    /** Delivers every due message once; called by the scheduler. */
    public OutboxRound deliverDue() {
        return deliver(false);
    }

    /** Delivers due messages, or with {@code now} every pending one whatever its back-off (an operator's "retry now"). */
    public OutboxRound deliver(boolean now) {
        OutboxRound round = queue.deliver(now, this::send);
        if (round.delivered() + round.retried() + round.failed() > 0) {
            LOG.infof("Outbox round: %d delivered, %d to retry, %d failed", round.delivered(), round.retried(), round.failed());
        }
        return round;
    }

    private OutboxOutcome send(long id) {
        OutboxMessage m = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>findById(id));
        if (m == null) {
            return OutboxOutcome.delivered();
        }
        try {
            ValueBatch body = codec.read(m.payload, ValueBatch.class);
            Set<String> codes = new TreeSet<>();
            body.values().forEach(v -> codes.add(v.indicatorCode()));
            ValueBatch send = ValuesPayload.normalise(body, catalogue.lookup(codes));
            if (!send.values().isEmpty()) {
                indicators.batch(m.idemKey, send);
            }
            return OutboxOutcome.delivered();
        } catch (PeerRejected e) {
            if (e.status() == 400 || e.status() == 422) {
                LOG.errorf("Outbox message %d (%s) refused by indicators-service: %s", id, m.idemKey, e.getMessage());
                return OutboxOutcome.deadLetter("VALUES_REFUSED",
                        "indicators-service refused the values (HTTP " + e.status() + "); fix the cause, then requeue the message.");
            }
            LOG.infof("Outbox message %d not delivered yet: %s", id, e.getMessage());
            return OutboxOutcome.retry("PEER_ANSWERED_" + e.status(),
                    "indicators-service answered HTTP " + e.status() + "; the message is sent again later.");
        } catch (RuntimeException e) {
            LOG.infof("Outbox message %d not delivered yet: %s", id, e.toString());
            // Down or failing: the rest of the round waits too (released, their attempts not counted).
            return OutboxOutcome.receiverDown("PEER_UNAVAILABLE", "indicators-service could not be reached; the message is sent again later.");
        }
    }

    @Transactional
    public Summary summary() {
        long pending = OutboxMessage.count("status", OutboxMessage.PENDING);
        long delivered = OutboxMessage.count("status", OutboxMessage.DELIVERED);
        long failed = OutboxMessage.count("status", OutboxMessage.FAILED);
        List<MessageView> problems = OutboxMessage.<OutboxMessage>find("lastError is not null and status <> ?1 order by id desc",
                        OutboxMessage.DELIVERED).page(0, 20).stream()
                .map(m -> new MessageView(m.id, m.topic, m.idemKey, m.status, m.attempts, m.nextAttemptAt, m.lastErrorCode, m.lastError,
                        m.createdAt, m.deliveredAt))
                .toList();
        return new Summary(pending, delivered, failed, problems);
    }

    /** Puts a FAILED (dead-lettered) message back in the queue with fresh attempts, after the cause was fixed. */
    @Transactional
    public boolean requeue(long id) {
        return queue.requeue(id);
    }
}
