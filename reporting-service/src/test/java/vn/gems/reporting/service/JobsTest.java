package vn.gems.reporting.service;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.Replicas;
import vn.gems.common.testing.TestDatabase;
import vn.gems.reporting.FakePeers;
import vn.gems.reporting.Fixtures;
import vn.gems.reporting.InjectFakePeers;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduled jobs with two replicas (two schedulers on their own threads, one database): reminders and hand-over
 * run once per period and the other replica skips; the hand-over holds no transaction open while it asks
 * plans-service.
 */
@QuarkusTest
class JobsTest {

    @Inject
    Jobs jobs;

    @InjectFakePeers
    FakePeers fake;

    @InjectTestDatabase
    TestDatabase db;

    @AfterEach
    void unhook() {
        fake.onAgencyCall(null);
    }

    @Test
    void remindersAndHandOverRunOncePerPeriodAcrossReplicas() throws Exception {
        db.count("with d as (delete from job_run where job in ('reminders', 'handover') returning 1) select count(*) from d");
        assertEquals(1, ranOn(2, jobs::remindOnce), "one replica runs the reminders, the other skips");
        assertEquals(1, ranOn(2, jobs::handOverOnce), "one replica runs the hand-over, the other skips");
        assertEquals(0, ranOn(2, jobs::remindOnce), "the period's run is done");
        assertEquals(2, db.count("select count(*) from job_run where job in ('reminders', 'handover')"));
    }

    @Test
    void theHandOverHoldsNoTransactionWhileAskingPlansService() {
        // Open work for a few agencies, so the hand-over asks plans-service about them.
        Fixtures.agencies(fake);
        LocalDate due = Fixtures.today().plusDays(30);
        fake.plan(4901, 1, Fixtures.seed003("T-4901", due.getYear(), due.getYear(), due.getDayOfMonth(), due.getMonthValue()));
        Fixtures.event(4901, 1, "ISSUED").then().statusCode(200);
        AtomicInteger calls = new AtomicInteger();
        AtomicLong openTransactions = new AtomicLong();
        fake.onAgencyCall(code -> {
            calls.incrementAndGet();
            // Any connection of this database parked inside a transaction while plans-service answers?
            openTransactions.accumulateAndGet(db.count("select count(*) from pg_stat_activity where datname = current_database() "
                    + "and state like 'idle in transaction%' and pid <> pg_backend_pid()"), Math::max);
        });
        db.count("with d as (delete from job_run where job = 'handover' returning 1) select count(*) from d");
        assertTrue(jobs.handOverOnce());
        assertTrue(calls.get() > 0, "plans-service was asked");
        assertEquals(0, openTransactions.get(), "no transaction held across calls to plans-service");
    }

    private static int ranOn(int replicas, Callable<Boolean> job) throws Exception {
        return (int) Replicas.together(replicas, job).stream().filter(Boolean::booleanValue).count();
    }
}
