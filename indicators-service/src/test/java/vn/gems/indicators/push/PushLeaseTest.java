package vn.gems.indicators.push;

import vn.gems.indicators.Api;
import vn.gems.indicators.Demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.TestDatabase;
import vn.gems.indicators.push.service.PushInstance;
import vn.gems.indicators.push.service.PushLeases;
import vn.gems.indicators.push.service.PushAttempts;
import vn.gems.indicators.push.service.PushStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pushes on several instances: a push is claimed by one instance with a lease it renews; another instance (or a
 * starting one) takes over only a lease that ran out, never a live one; a late finish of a lost claim cannot turn a
 * FAILED push SUCCEEDED; the status commits with the values. Other instances are simulated by their rows (owner,
 * attempt, lease) in the shared database, as a second process would leave them.
 */
@QuarkusTest
class PushLeaseTest {

    @InjectTestDatabase
    TestDatabase db;

    @Inject
    PushLeases leases;

    @Inject
    PushInstance instance;

    @BeforeEach
    void data() {
        Demo.load();
    }

    /** A push another instance claimed: running in {@code status}, its lease ending {@code leaseSeconds} from now (negative: ran out). */
    long claimedElsewhere(String key, byte[] file, String status, String owner, int leaseSeconds) throws Exception {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement("""
                insert into value_push (kind, status, mode, format, dry_run, on_error, source_kind, source_agency, created_by, idem_scope, idem_key,
                                        default_status, catalogue_revision, content_sha256, owner, attempt, lease_until)
                values ('PUSH', ?, 'UPSERT', 'CSV', false, 'ABORT', 'PUSH', 'TTH-STATS', 'stats.officer', ?, ?, 'P', 0, ?, ?, 1,
                        now() + make_interval(secs => ?)) returning id""")) {
            st.setString(1, status);
            st.setString(2, PushRetryTest.SCOPE);
            st.setString(3, key);
            st.setString(4, key == null ? null : PushRetryTest.sha256(file));
            st.setString(5, owner);
            st.setInt(6, leaseSeconds);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String text(String sql, long id) throws Exception {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    long values(String indicator, String period) {
        return StoredValues.count(db, indicator, period);
    }

    @Test
    void aPushWhoseInstanceDiedIsCompletedByARetryWithItsKeyOnAnotherInstance() throws Exception {
        byte[] csv = "indicator,unit,period,sex,value\nWAGE_WORKERS,VN-62,2009,FEMALE,2\nWAGE_WORKERS,VN-62,2009,MALE,3\nWAGE_WORKERS,VN-62,2009,TOTAL,5\n"
                .getBytes(StandardCharsets.UTF_8);
        long id = claimedElsewhere("crashed-1", csv, "MERGING", "crashed-instance-0001", -60);
        PushRetryTest.post("crashed-1", csv).then().statusCode(201).body("id", equalTo((int) id)).body("inserted", equalTo(3));
        assertEquals(instance.id(), text("select owner from value_push where id = ?", id));
        assertEquals("2", text("select attempt::text from value_push where id = ?", id));
        assertEquals(3, values("WAGE_WORKERS", "2009"));
        // a further retry replays the answer: no duplicate value, no audit row
        PushRetryTest.post("crashed-1", csv).then().statusCode(201).body("id", equalTo((int) id)).body("inserted", equalTo(3));
        assertEquals(3, values("WAGE_WORKERS", "2009"));
        assertEquals(0, db.count("select count(*) from indicator_value_history h join indicator i on i.id = h.indicator_id "
                + "where i.code = 'WAGE_WORKERS' and h.period = '2009'"));
    }

    @Test
    void aLiveLeaseOfAnotherInstanceIsNeverTakenAndOnlyAStaleOneIsRecovered() throws Exception {
        byte[] csv = "indicator,unit,period,sex,value\nWAGE_WORKERS,VN-62,2010,TOTAL,5\n".getBytes(StandardCharsets.UTF_8);
        long live = claimedElsewhere("live-1", csv, "RECEIVING", "live-instance-0002", 300);
        long stale = claimedElsewhere(null, csv, "VALIDATING", "crashed-instance-0003", -5);
        PushRetryTest.post("live-1", csv).then().statusCode(409).header("Retry-After", notNullValue()).body("code", equalTo("PUSH_IN_PROGRESS"));
        // what a starting instance and every instance once per lease run: only the stale lease is recovered
        leases.recover();
        assertEquals("RECEIVING", text("select status from value_push where id = ?", live));
        assertEquals("live-instance-0002", text("select owner from value_push where id = ?", live));
        assertEquals("FAILED", text("select status from value_push where id = ?", stale));
        assertEquals("PUSH_INTERRUPTED", text("select failure_code from value_push where id = ?", stale));
        given().header("Authorization", Api.STATS).get("/api/values/pushes/" + stale).then().statusCode(200)
                .body("status", equalTo("FAILED")).body("committed", equalTo(false)).body("failureCode", equalTo("PUSH_INTERRUPTED"));
        assertEquals(0, values("WAGE_WORKERS", "2010"));
    }

    @Test
    void aLateFinishOfALostClaimNeverTurnsAFailedPushSucceeded() throws Exception {
        try (Connection c = db.connect()) {
            PushAttempts.Claim mine = PushStore.insert(c, new PushStore.NewPush("PUSH", "MERGING", "UPSERT", "CSV", false, "ABORT", "PUSH", null,
                    "TTH-STATS", null, null, "stats.officer", null, null, 'P', 0L, null), "paused-instance-0004", Duration.ofSeconds(30));
            try (var st = c.createStatement()) {
                st.executeUpdate("update value_push set lease_until = now() - interval '1 second' where id = " + mine.id());
            }
            PushAttempts.failStale(c); // (or the scheduled recovery, whichever runs first)
            assertEquals("PUSH_INTERRUPTED", text("select failure_code from value_push where id = ?", mine.id()));
            PushAttempts.Outcome success = PushAttempts.Outcome.succeeded(true, 1, 1, 0, null, null, 201, null);
            assertFalse(PushAttempts.finish(c, mine, success));
            assertEquals("FAILED", text("select status from value_push where id = ?", mine.id()));
            // taken over by a retry (attempt 2): the first attempt still cannot finish it
            PushAttempts.Claim retry = PushAttempts.reclaim(c, mine.id(), "other-instance-0005", Duration.ofSeconds(30)).orElseThrow();
            assertEquals(2, retry.attempt());
            assertFalse(PushAttempts.finish(c, mine, success));
            assertTrue(PushAttempts.finish(c, retry, success));
            assertEquals("SUCCEEDED", text("select status from value_push where id = ?", mine.id()));
        }
    }

    @Test
    void theSuccessCommitsWithTheValuesSoAFailedStatusWriteLeavesNothingWritten() throws Exception {
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("""
                    create or replace function test_refuse_success() returns trigger language plpgsql as $$
                    begin
                      if new.status = 'SUCCEEDED' and new.source_reference = 'refuse-success' then
                        raise exception 'status write refused';
                      end if;
                      return new;
                    end $$""");
            st.execute("create trigger test_refuse_success before update on value_push for each row execute function test_refuse_success()");
        }
        try {
            Api.pushCsv(Api.STATS, "indicator,unit,period,sex,value\nWAGE_WORKERS,VN-62,2008,TOTAL,5\n", "?reference=refuse-success")
                    .statusCode(500).body("code", equalTo("INTERNAL_ERROR"));
        } finally {
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute("drop trigger test_refuse_success on value_push");
            }
        }
        // the values and the status commit together: the push is FAILED and none of its values is there
        assertEquals(0, values("WAGE_WORKERS", "2008"));
        assertEquals(1, db.count("select count(*) from value_push where source_reference = 'refuse-success' and status = 'FAILED' "
                + "and not committed and failure_code = 'INTERNAL_ERROR'"));
    }

    @Test
    void twoInstancesRetryingOneDeadPushAtOnceRunItOnce() throws Exception {
        byte[] csv = "indicator,unit,period,sex,value\nMASTERS_DEGREE_HOLDERS,VN-62,2009,FEMALE,2\nMASTERS_DEGREE_HOLDERS,VN-62,2009,MALE,3\n"
                .concat("MASTERS_DEGREE_HOLDERS,VN-62,2009,TOTAL,5\n").getBytes(StandardCharsets.UTF_8);
        long id = claimedElsewhere("race-1", csv, "RECEIVING", "crashed-instance-0006", -30);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit((Callable<Response>) () -> PushRetryTest.post("race-1", csv)));
            }
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertTrue(r.statusCode() == 201 || r.statusCode() == 409, "answered " + r.statusLine());
                if (r.statusCode() == 201) {
                    assertEquals(id, r.jsonPath().getLong("id"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("2", text("select attempt::text from value_push where id = ?", id));
        assertEquals(3, values("MASTERS_DEGREE_HOLDERS", "2009"));
    }

    @Test
    void spoolFoldersAreNamedByInstanceAndOnlyThoseOfGoneInstancesAreRemoved() throws Exception {
        Path mine = instance.spoolDir();
        assertNotEquals(String.valueOf(ProcessHandle.current().pid()), mine.getFileName().toString());
        assertTrue(mine.getFileName().toString().startsWith(instance.id().replaceAll("[^A-Za-z0-9._-]", "_")));
        Path gone = Files.createDirectories(mine.resolveSibling("gone-instance-0007"));
        Files.writeString(gone.resolve("gems-push-1.upload"), "left over");
        Files.setLastModifiedTime(Files.createFile(gone.resolve(".alive")), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path live = Files.createDirectories(mine.resolveSibling("live-instance-0008"));
        Files.createFile(live.resolve(".alive"));
        instance.sweep();
        assertFalse(Files.exists(gone));
        assertTrue(Files.exists(live));
        assertTrue(Files.exists(mine));
        Files.delete(live.resolve(".alive"));
        Files.delete(live);
    }
}
