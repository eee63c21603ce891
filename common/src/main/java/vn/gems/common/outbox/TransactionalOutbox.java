package vn.gems.common.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one transactional-outbox mechanism of the services. Each service keeps its own table (written in the transaction
 * of the change it announces) with at least the columns {@code id, status ('PENDING' | 'DELIVERED' | 'FAILED'),
 * attempts, next_attempt_at, lease_owner, lease_until, last_error_code, last_error, delivered_at}; this class holds the
 * logic:
 * <ul>
 * <li><b>claim</b> — due messages are taken with {@code FOR UPDATE SKIP LOCKED} and leased to this instance (owner +
 * lease end), so replicas share the work and never send one message at the same time; a lease left by an instance
 * that died runs out and the message is claimed again (stale leases recovered);</li>
 * <li><b>deliver</b> — the service's handler is called outside any transaction (no connection held across a remote
 * call), after checking the lease is still ours;</li>
 * <li><b>back-off</b> — doubling with jitter ({@link Backoff}); after {@code maxAttempts} the message is dead-lettered
 * (FAILED) and waits for {@link #requeue};</li>
 * <li><b>once in effect</b> — delivery is at least once; receivers are idempotent by the message's key.</li>
 * </ul>
 * Optionally, messages sharing a value of {@code orderedBy} (e.g. a plan id) go out in id order: one waits until every
 * earlier one of its group is delivered.
 */
public final class TransactionalOutbox {

    private static final Logger LOG = Logger.getLogger(TransactionalOutbox.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Sends one message: loads it (in its own short transaction if it needs one) and tells what came of it. */
    @FunctionalInterface
    public interface Handler {
        OutboxOutcome send(long id);
    }

    private final String table;
    private final Optional<String> orderedBy;
    private final Supplier<OutboxSettings> settings;
    private final String owner;
    private final EntityManager em;

    public TransactionalOutbox(String table, Optional<String> orderedBy, Supplier<OutboxSettings> settings, String owner, EntityManager em) {
        if (!NAME.matcher(table).matches() || orderedBy.filter(c -> !NAME.matcher(c).matches()).isPresent()) {
            throw new IllegalArgumentException("not a plain SQL name: " + table + " / " + orderedBy);
        }
        this.table = table;
        this.orderedBy = orderedBy;
        this.settings = settings;
        this.owner = owner;
        this.em = em;
    }

    public String owner() {
        return owner;
    }

    /** Claims due messages and sends each; {@code ignoreBackoff} sends every pending one now (an operator's "retry now"). */
    public OutboxRound deliver(boolean ignoreBackoff, Handler handler) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> claim(ignoreBackoff));
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            if (!QuarkusTransaction.requiringNew().call(() -> stillMine(id))) {
                continue;
            }
            OutboxOutcome outcome;
            try {
                outcome = handler.send(id);
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s %d: delivery failed unexpectedly", table, id);
                outcome = new OutboxOutcome.Retry(OutboxFailure.UNEXPECTED, false);
            }
            OutboxOutcome o = outcome;
            String status = QuarkusTransaction.requiringNew().call(() -> record(id, o));
            switch (status) {
                case "DELIVERED" -> delivered++;
                case "FAILED" -> failed++;
                case "PENDING" -> retried++;
                default -> { // the lease was lost meanwhile: whoever holds it now records the result
                }
            }
            if (o instanceof OutboxOutcome.Retry r && r.stopRound()) {
                List<Long> rest = ids.subList(i + 1, ids.size());
                if (!rest.isEmpty()) {
                    QuarkusTransaction.requiringNew().run(() -> release(rest));
                }
                break;
            }
        }
        if (!ids.isEmpty()) {
            LOG.debugf("%s round by %s: %d delivered, %d to retry, %d dead-lettered", table, owner, delivered, retried, failed);
        }
        return new OutboxRound(delivered, retried, failed);
    }

    /**
     * Leases up to a batch of due messages to this instance (attempts counted at the claim, so a message whose delivery
     * kills the instance is still dead-lettered in the end). Runs in the caller's transaction.
     */
    @SuppressWarnings("unchecked")
    public List<Long> claim(boolean ignoreBackoff) {
        OutboxSettings s = settings.get();
        String order = orderedBy.map(g -> " and not exists (select 1 from " + table + " e where e." + g + " = o." + g
                + " and e.id < o.id and e.status <> 'DELIVERED')").orElse("");
        List<Number> rows = em.createNativeQuery("update " + table + " set lease_owner = ?1, "
                        + "lease_until = clock_timestamp() + make_interval(secs => ?2), attempts = attempts + 1 "
                        + "where id in (select o.id from " + table + " o where o.status = 'PENDING'"
                        + (ignoreBackoff ? "" : " and o.next_attempt_at <= clock_timestamp()")
                        + " and (o.lease_until is null or o.lease_until < clock_timestamp())" + order
                        + " order by o.id limit ?3 for update of o skip locked) returning id")
                .setParameter(1, owner)
                .setParameter(2, (double) s.lease().toMillis() / 1000)
                .setParameter(3, s.batchSize())
                .getResultList();
        return rows.stream().map(Number::longValue).sorted().toList();
    }

    /** True while this instance holds the message's lease; renews it for the delivery about to start. */
    boolean stillMine(long id) {
        return em.createNativeQuery("update " + table + " set lease_until = clock_timestamp() + make_interval(secs => ?1) "
                        + "where id = ?2 and lease_owner = ?3 and status = 'PENDING'")
                .setParameter(1, (double) settings.get().lease().toMillis() / 1000)
                .setParameter(2, id).setParameter(3, owner).executeUpdate() == 1;
    }

    /** Records an outcome if the lease is still ours; returns the message's new status, or "" when it was not ours. */
    String record(long id, OutboxOutcome outcome) {
        List<?> held = em.createNativeQuery("select attempts from " + table + " where id = ?1 and lease_owner = ?2 and status = 'PENDING' for update")
                .setParameter(1, id).setParameter(2, owner).getResultList();
        if (held.isEmpty()) {
            return "";
        }
        int attempts = ((Number) held.get(0)).intValue();
        OutboxSettings s = settings.get();
        return switch (outcome) {
            case OutboxOutcome.Delivered d -> {
                em.createNativeQuery("update " + table + " set status = 'DELIVERED', delivered_at = clock_timestamp(), lease_owner = null, "
                        + "lease_until = null, last_error_code = null, last_error = null where id = ?1").setParameter(1, id).executeUpdate();
                yield "DELIVERED";
            }
            case OutboxOutcome.DeadLetter f -> fail(id, f.failure(), "FAILED", Duration.ZERO);
            case OutboxOutcome.Retry r when attempts >= s.maxAttempts() -> {
                LOG.warnf("%s %d dead-lettered after %d attempts: %s", table, id, attempts, r.failure().code());
                yield fail(id, r.failure(), "FAILED", Duration.ZERO);
            }
            case OutboxOutcome.Retry r ->
                    fail(id, r.failure(), "PENDING", Backoff.after(attempts, s.initialBackoff(), s.maxBackoff(), ThreadLocalRandom.current()));
        };
    }

    private String fail(long id, OutboxFailure why, String status, Duration delay) {
        em.createNativeQuery("update " + table + " set status = ?1, next_attempt_at = clock_timestamp() + make_interval(secs => ?2), "
                        + "lease_owner = null, lease_until = null, last_error_code = ?3, last_error = ?4 where id = ?5")
                .setParameter(1, status).setParameter(2, (double) delay.toMillis() / 1000)
                .setParameter(3, why.code()).setParameter(4, why.sentence()).setParameter(5, id).executeUpdate();
        return status;
    }

    /** Gives back claimed messages that were not tried (their attempt is not counted). */
    void release(List<Long> ids) {
        for (Long id : ids) {
            em.createNativeQuery("update " + table + " set lease_owner = null, lease_until = null, attempts = greatest(attempts - 1, 0) "
                    + "where id = ?1 and lease_owner = ?2 and status = 'PENDING'").setParameter(1, id).setParameter(2, owner).executeUpdate();
        }
    }

    /** Puts a dead-lettered (FAILED) message back in the queue with fresh attempts; false when there is no such message. */
    public boolean requeue(long id) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery("update " + table
                        + " set status = 'PENDING', attempts = 0, next_attempt_at = clock_timestamp(), lease_owner = null, lease_until = null "
                        + "where id = ?1 and status = 'FAILED'").setParameter(1, id).executeUpdate() == 1);
    }
}
