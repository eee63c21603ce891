package vn.gems.plans.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.outbox.Backoff;
import vn.gems.common.outbox.OutboxOutcome;
import vn.gems.common.outbox.OutboxSettings;
import vn.gems.common.outbox.TransactionalOutbox;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.Replicas;
import vn.gems.common.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The common outbox ({@code vn.gems.common.outbox}) as two replicas see it: two instances with their own owner names
 * deliver from one table of the real database, on their own threads and transactions. Runs on a scratch table with
 * the columns every service's outbox table has, so the scheduler of the service never touches it.
 */
@QuarkusTest
class TransactionalOutboxTest {

    private static final OutboxSettings FAST = new OutboxSettings(5, Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, 3);

    @Inject
    EntityManager em;

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void table() throws Exception {
        sql("""
                create table if not exists probe_outbox (
                    id bigserial primary key, grp int not null, status varchar(20) not null default 'PENDING',
                    attempts int not null default 0, next_attempt_at timestamptz not null default now(),
                    lease_owner varchar(200), lease_until timestamptz, last_error_code varchar(60), last_error varchar(1000),
                    delivered_at timestamptz)""");
        sql("truncate probe_outbox restart identity");
    }

    private TransactionalOutbox replica(String owner, OutboxSettings s, boolean ordered) {
        return new TransactionalOutbox("probe_outbox", ordered ? Optional.of("grp") : Optional.empty(), () -> s, owner, em);
    }

    @Test
    void twoReplicasDeliverEveryMessageOnceAndEachGroupInOrder() throws Exception {
        for (int i = 0; i < 60; i++) {
            sql("insert into probe_outbox(grp) values (" + (i % 4) + ")");
        }
        Map<Long, AtomicInteger> sends = new ConcurrentHashMap<>();
        Map<Long, List<Long>> perGroup = new ConcurrentHashMap<>();
        AtomicInteger overlapInGroup = new AtomicInteger();
        Map<Long, AtomicInteger> busyGroup = new ConcurrentHashMap<>();
        TransactionalOutbox.Handler handler = id -> {
            long grp = (id - 1) % 4;
            if (busyGroup.computeIfAbsent(grp, g -> new AtomicInteger()).incrementAndGet() > 1) {
                overlapInGroup.incrementAndGet();
            }
            sends.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            perGroup.computeIfAbsent(grp, g -> new CopyOnWriteArrayList<>()).add(id);
            sleep(3);
            busyGroup.get(grp).decrementAndGet();
            return OutboxOutcome.delivered();
        };
        OutboxSettings s = new OutboxSettings(7, Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO, 3);
        List<Callable<Void>> replicas = new ArrayList<>();
        for (TransactionalOutbox r : List.of(replica("a", s, true), replica("b", s, true))) {
            replicas.add(() -> {
                for (int round = 0; round < 200 && pending() > 0; round++) {
                    r.deliver(false, handler);
                }
                return null;
            });
        }
        Replicas.together(replicas);
        assertEquals(60, sends.size());
        assertTrue(sends.values().stream().allMatch(c -> c.get() == 1), "no message sent twice: " + sends);
        assertEquals(60, db.count("select count(*) from probe_outbox where status = 'DELIVERED' and lease_owner is null"));
        assertEquals(0, overlapInGroup.get(), "a group's next message waits for the previous one");
        perGroup.values().forEach(ids -> assertEquals(ids.stream().sorted().toList(), ids, "in id order within a group"));
        assertEquals(0, db.count("select count(*) from probe_outbox where lease_owner is not null or lease_until is not null"), "leases released");
    }

    @Test
    void aLiveLeaseIsNeverTakenAStaleOneIsRecovered() throws Exception {
        sql("insert into probe_outbox(grp) values (1), (2)");
        TransactionalOutbox a = replica("a", FAST, false);
        TransactionalOutbox b = replica("b", FAST, false);
        List<Long> mine = QuarkusTransaction.requiringNew().call(() -> a.claim(false));
        assertEquals(List.of(1L, 2L), mine);
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> b.claim(true)),
                "not even an operator's retry-now takes another instance's live work");
        // a dies: its lease runs out and b takes the messages over, attempts counted.
        sql("update probe_outbox set lease_until = now() - interval '1 second'");
        List<Long> recovered = new ArrayList<>();
        b.deliver(false, id -> {
            recovered.add(id);
            return OutboxOutcome.retry("X", "Not yet.");
        });
        assertEquals(List.of(1L, 2L), recovered);
        assertEquals(2, db.count("select count(*) from probe_outbox where status = 'PENDING' and attempts = 2 and lease_owner is null"));

        // A slow instance whose lease ran out mid-delivery while another delivered: its late result changes nothing.
        AtomicInteger byB = new AtomicInteger();
        var round = a.deliver(true, id -> {
            sql("update probe_outbox set lease_until = now() - interval '1 second' where id = " + id);
            byB.addAndGet(b.deliver(true, other -> OutboxOutcome.delivered()).delivered());
            return OutboxOutcome.retry("LATE", "Too late.");
        });
        assertEquals(2, byB.get());
        assertEquals(0, round.retried(), "the lost lease's outcome is not recorded");
        assertEquals(2, db.count("select count(*) from probe_outbox where status = 'DELIVERED' and last_error_code is null"));
    }

    @Test
    void failuresBackOffThenDeadLetterAndAnAdminRequeues() throws Exception {
        sql("insert into probe_outbox(grp) values (1)");
        TransactionalOutbox a = replica("a", FAST, false);
        for (int i = 0; i < 3; i++) {
            a.deliver(true, id -> OutboxOutcome.retry("PEER_REFUSED", "The peer refused it; it is sent again later."));
        }
        assertEquals(1, db.count("select count(*) from probe_outbox where status = 'FAILED' and attempts = 3 "
                + "and last_error_code = 'PEER_REFUSED' and lease_owner is null"));
        assertEquals(0, a.deliver(true, id -> OutboxOutcome.delivered()).delivered(), "a dead letter is not sent");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> a.requeue(1)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> a.requeue(1)), "only a FAILED message is requeued");
        assertEquals(1, a.deliver(false, id -> OutboxOutcome.delivered()).delivered());
        assertEquals(1, db.count("select count(*) from probe_outbox where status = 'DELIVERED' and attempts = 1 and last_error is null"));

        // With a real back-off the message is not due again at once.
        sql("insert into probe_outbox(grp) values (2)");
        TransactionalOutbox slow = replica("s", new OutboxSettings(5, Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), 3), false);
        slow.deliver(false, id -> OutboxOutcome.retry("X", "Not yet."));
        assertEquals(0, slow.deliver(false, id -> OutboxOutcome.delivered()).delivered());
        assertEquals(1, db.count("select count(*) from probe_outbox where id = 2 and next_attempt_at > now() + interval '29 seconds'"));
    }

    @Test
    void storedFailuresAreACodeAndASentenceNeverExceptionText() throws Exception {
        sql("insert into probe_outbox(grp) values (1)");
        replica("a", FAST, false).deliver(true, id -> {
            throw new IllegalStateException("FATAL: password authentication failed for jdbc:postgresql://db/secret");
        });
        try (Connection c = db.connect(); var st = c.createStatement();
             ResultSet rs = st.executeQuery("select status, last_error_code, last_error from probe_outbox")) {
            rs.next();
            assertEquals("PENDING", rs.getString(1));
            assertEquals("DELIVERY_ERROR", rs.getString(2));
            String text = rs.getString(3);
            assertFalse(text.contains("IllegalStateException") || text.contains("secret") || text.contains("password"), text);
        }
    }

    @Test
    void aDownReceiverStopsTheRoundAndTheRestIsReleasedUncounted() throws Exception {
        sql("insert into probe_outbox(grp) values (1), (2), (3)");
        AtomicInteger calls = new AtomicInteger();
        replica("a", FAST, false).deliver(false, id -> {
            calls.incrementAndGet();
            return OutboxOutcome.receiverDown("PEER_UNAVAILABLE", "The peer is unavailable; it is sent again later.");
        });
        assertEquals(1, calls.get());
        assertEquals(2, db.count("select count(*) from probe_outbox where attempts = 0 and lease_owner is null and status = 'PENDING'"));
        assertEquals(1, db.count("select count(*) from probe_outbox where attempts = 1 and last_error_code = 'PEER_UNAVAILABLE'"));
    }

    @Test
    void backoffDoublesUpToItsCeilingWithJitter() {
        Random r = new Random(7);
        Duration first = Backoff.after(1, Duration.ofSeconds(2), Duration.ofMinutes(5), r);
        assertTrue(first.compareTo(Duration.ofSeconds(1)) >= 0 && first.compareTo(Duration.ofSeconds(2)) <= 0, first.toString());
        Duration fourth = Backoff.after(4, Duration.ofSeconds(2), Duration.ofMinutes(5), r);
        assertTrue(fourth.compareTo(Duration.ofSeconds(8)) >= 0 && fourth.compareTo(Duration.ofSeconds(16)) <= 0, fourth.toString());
        Duration late = Backoff.after(40, Duration.ofSeconds(2), Duration.ofMinutes(5), r);
        assertTrue(late.compareTo(Duration.ofMinutes(2).plusSeconds(30)) >= 0 && late.compareTo(Duration.ofMinutes(5)) <= 0, late.toString());
        assertNotEquals(Backoff.after(10, Duration.ofSeconds(2), Duration.ofMinutes(5), r),
                Backoff.after(10, Duration.ofSeconds(2), Duration.ofMinutes(5), r), "jittered");
        assertEquals(Duration.ZERO, Backoff.after(3, Duration.ZERO, Duration.ZERO, r));
    }

    private long pending() {
        return db.count("select count(*) from probe_outbox where status = 'PENDING'");
    }

    private void sql(String s) {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
