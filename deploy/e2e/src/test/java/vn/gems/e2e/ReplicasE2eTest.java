package vn.gems.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.launcher.Suite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.Replicas.call;

/**
 * Issue 14's proof: two instances of each service behind the gateway (real Keycloak, a PostgreSQL of the test's own),
 * and what happens to writes when instances are killed, restarted one by one, or the database goes away. Sizes are
 * system properties with defaults that keep the class within a few minutes on a shared 2-core machine:
 * {@code gems.replicas.bigPush} (values in the push during the rolling restart, 1,000,000),
 * {@code gems.replicas.killRounds} (20, the issue's count), {@code gems.replicas.killPush} (values per killed push,
 * 25,000), {@code gems.replicas.killWindowMillis} (100), {@code gems.replicas.sameKey} (concurrent same-key pushes, 50),
 * {@code gems.replicas.outageSeconds} (10). Each scenario prints its counts (acknowledged, found, lost, duplicated;
 * pushes per final state).
 */
@ExtendWith(E2eSuite.class)
class ReplicasE2eTest {

    static final int BIG_PUSH = Integer.getInteger("gems.replicas.bigPush", 1_000_000);
    static final int KILL_ROUNDS = Integer.getInteger("gems.replicas.killRounds", 20);
    static final int KILL_PUSH = Integer.getInteger("gems.replicas.killPush", 25_000);
    /** Once the push reaches the round's phase, the kill lands uniformly within this many ms. */
    static final long KILL_WINDOW_MS = Long.getLong("gems.replicas.killWindowMillis", 100);
    static final List<String> PHASES = List.of("RECEIVING", "VALIDATING", "MERGING");
    static final int SAME_KEY = Integer.getInteger("gems.replicas.sameKey", 50);
    static final int OUTAGE_SECONDS = Integer.getInteger("gems.replicas.outageSeconds", 10);
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

    static Suite suite;

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        suite = Replicas.start();
        assertEquals(2, suite.instances());
    }

    static void report(String scenario, Object... counts) {
        StringBuilder b = new StringBuilder("[replicas] ").append(scenario).append(':');
        for (int i = 0; i < counts.length; i += 2) {
            b.append(' ').append(counts[i]).append('=').append(counts[i + 1]);
        }
        System.out.println(b);
    }

    /** d. Many clients send the same push with one key at once, spread over both instances: one effect. */
    @Test
    void concurrentPushesWithOneKeyHaveOneEffect() throws Exception {
        String indicator = "E2E_SAMEKEY_" + RUN;
        Replicas.createLoadIndicator(indicator);
        int rows = 20_000;
        Path file = Replicas.loadCsv(indicator, rows, 7);
        String key = "samekey-" + RUN;
        ExecutorService pool = Executors.newFixedThreadPool(SAME_KEY);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < SAME_KEY; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return Replicas.push(file, key);
            }));
        }
        go.countDown();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        long pushId = -1;
        for (Future<HttpResponse<String>> f : answers) {
            HttpResponse<String> r = f.get();
            byStatus.merge(r.statusCode(), 1, Integer::sum);
            assertTrue(List.of(200, 201, 202, 409).contains(r.statusCode()), () -> r.statusCode() + " " + r.body());
            if (r.statusCode() == 409) {
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), "409 without Retry-After");
            } else {
                long id = Replicas.json(r).path("id").asLong();
                assertTrue(pushId == -1 || pushId == id, "two pushes for one key: " + pushId + " and " + id);
                pushId = id;
            }
        }
        pool.shutdown();
        Replicas.Outcome done = Replicas.pushUntilDone(file, key, Duration.ofMinutes(3));
        assertTrue(pushId == -1 || pushId == done.id());
        long pushRows = Replicas.count("indicators", "select count(*) from value_push where idem_key = '" + key + "'");
        Replicas.Written w = Replicas.written(indicator, done.id());
        report("same key", "requests", SAME_KEY, "answers", byStatus, "pushRows", pushRows, "values", w.values(),
                "byThePush", w.byBatch(), "history", w.historyRows());
        assertEquals(1, pushRows, "one push row for the key");
        assertEquals(rows, w.values(), "every value once");
        assertEquals(rows, w.byBatch(), "all written by the one push");
        assertEquals(0, w.historyRows(), "nothing written twice (a second write would supersede the first)");
    }

    /**
     * b. Rounds of {@code kill -9} of the instance that owns a push, at a random point: the push either committed
     * (SUCCEEDED, every value) or FAILED PUSH_INTERRUPTED with nothing of it written; the same key completes it.
     * Every round rewrites the same values, so a value written twice would show as a duplicate history row.
     */
    @Test
    void killingThePushingInstanceLosesAndDuplicatesNothing() throws Exception {
        String indicator = "E2E_KILL_" + RUN;
        Replicas.createLoadIndicator(indicator);
        Map<String, Integer> finalStates = new TreeMap<>();
        Map<String, Integer> killedIn = new TreeMap<>();
        // Each round waits for the killed instance's restart (the next round needs two instances): with the AOT cache
        // trained here once per build (a graceful stop writes it; a killed instance never would) it takes seconds.
        long training = System.nanoTime();
        boolean trained = suite.trainRestartCache("indicators-service", 0);
        System.out.println("[replicas] kill rounds: restart cache " + (trained ? "trained in " + (System.nanoTime() - training)
                / 1_000_000_000 + " s" : "current"));
        List<Long> restartMillis = new ArrayList<>();
        List<Long> waitedMillis = new ArrayList<>();
        long started = System.nanoTime();
        long previousBatch = -1;
        int killedBeforeCommit = 0;
        for (int round = 1; round <= KILL_ROUNDS; round++) {
            Path file = Replicas.loadCsv(indicator, KILL_PUSH, 1_000_000L * round);
            String key = "kill-" + RUN + "-" + round;
            HttpResponse<String> first = Replicas.push(file, key);
            assertEquals(202, first.statusCode(), first.body());
            long id = Replicas.json(first).path("id").asLong();
            // a random point of each phase in turn: upload, validation, merge (and, late in a merge, just after the commit)
            String phase = PHASES.get((round - 1) % PHASES.size());
            Replicas.awaitPhase(key, phase, Duration.ofMinutes(2));
            Thread.sleep(ThreadLocalRandom.current().nextLong(KILL_WINDOW_MS));
            int victim = Replicas.owner(key);
            JsonNode before = Replicas.json(call("GET", "/api/values/pushes/" + id, Replicas.stats(), null));
            CompletableFuture<Long> restarted = CompletableFuture.completedFuture(0L);
            if (victim >= 0) {
                suite.killInstance("indicators-service", victim);
                // it comes back while the other instance recovers and completes the push
                restarted = CompletableFuture.supplyAsync(() -> {
                    long t = System.nanoTime();
                    suite.startInstance("indicators-service", victim);
                    return (System.nanoTime() - t) / 1_000_000;
                });
            }
            JsonNode after = Replicas.awaitPush(id, Duration.ofMinutes(2));
            String state = after.path("status").asText();
            Replicas.Written w = Replicas.written(indicator, id);
            if ("SUCCEEDED".equals(state)) {
                assertEquals(KILL_PUSH, w.byBatch(), "a SUCCEEDED push has every value: " + after);
                finalStates.merge("SUCCEEDED", 1, Integer::sum);
            } else {
                killedBeforeCommit++;
                assertEquals("FAILED", state);
                assertEquals("PUSH_INTERRUPTED", after.path("failureCode").asText(), "the true reason: " + after);
                assertEquals(false, after.path("committed").asBoolean());
                assertEquals(0, w.byBatch(), "a FAILED push wrote nothing: " + after);
                finalStates.merge("FAILED " + after.path("failureCode").asText(), 1, Integer::sum);
                if (previousBatch > 0) {
                    assertEquals(KILL_PUSH, Replicas.written(indicator, previousBatch).byBatch(), "the previous round's values stand");
                }
            }
            killedIn.merge(victim < 0 ? "not killed (" + before.path("status").asText() + ")" : before.path("status").asText(), 1, Integer::sum);
            System.out.println("[replicas] kill round " + round + ": instance " + victim + " killed while "
                    + before.path("status").asText() + " -> " + state + " " + after.path("failureCode").asText("")
                    + " (" + (System.nanoTime() - started) / 1_000_000_000 + " s into the test)");
            Replicas.Outcome done = Replicas.pushUntilDone(file, key, Duration.ofMinutes(3));
            assertEquals(id, done.id(), "the retry completes the same push");
            Replicas.Written now = Replicas.written(indicator, id);
            assertEquals(KILL_PUSH, now.values(), "no value lost or added");
            assertEquals(KILL_PUSH, now.byBatch(), "every value from the completed push");
            assertEquals(0, now.duplicateHistory(), "no audit row twice");
            previousBatch = id;
            long waiting = System.nanoTime();
            long restart = restarted.join();
            waitedMillis.add((System.nanoTime() - waiting) / 1_000_000);
            if (victim >= 0) {
                restartMillis.add(restart);
            }
        }
        Replicas.Written end = Replicas.written(indicator, previousBatch);
        long pushes = Replicas.count("indicators", "select count(*) from value_push where idem_key like 'kill-" + RUN + "-%'");
        long succeeded = Replicas.count("indicators", "select count(*) from value_push where idem_key like 'kill-" + RUN
                + "-%' and status = 'SUCCEEDED'");
        report("kill -9", "rounds", KILL_ROUNDS, "valuesPerPush", KILL_PUSH, "killedWhile", killedIn,
                "seconds", (System.nanoTime() - started) / 1_000_000_000, "restartMillis", restartMillis,
                "waitedForRestartMillis", waitedMillis, "killedBeforeCommit", killedBeforeCommit,
                "statesAfterKill", finalStates, "pushRows", pushes, "succeededAfterRetry", succeeded,
                "values", end.values(), "historyRows", end.historyRows(), "duplicateHistory", end.duplicateHistory());
        assertEquals(KILL_ROUNDS, pushes, "one push row per key");
        assertEquals(KILL_ROUNDS, succeeded, "every push completed by its retry");
        // each completed round superseded the values of the round before, once
        assertEquals((long) KILL_PUSH * (KILL_ROUNDS - 1), end.historyRows(), "one history row per superseded value");
        assertEquals(0, end.duplicateHistory());
    }

    /**
     * a. Every data service restarted one instance at a time while a big push, value upserts and report submissions with
     * reviews run; e. (part) the reports accepted meanwhile reach indicators-service through the outbox once in effect.
     */
    @Test
    void aRollingRestartLosesNoAcknowledgedWrite() throws Exception {
        String big = "E2E_BIG_" + RUN;
        String small = "E2E_UPSERT_" + RUN;
        Replicas.createLoadIndicator(big);
        Replicas.createLoadIndicator(small);
        Path file = Replicas.loadCsv(big, BIG_PUSH, 0);
        List<Long> reports = Replicas.healthReports("E2E-REP-" + RUN);
        AtomicBoolean restarting = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        Future<Replicas.ReviewCounts> reviews = writers.submit(() -> Replicas.submitAndReview(reports, restarting::get));
        Future<Replicas.Outcome> bigPush = writers.submit(() -> Replicas.pushUntilDone(file, "big-" + RUN, Duration.ofMinutes(8)));
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger attempted = new AtomicInteger();
        Future<?> upserts = writers.submit(() -> {
            int i = 0;
            // one month each from 1995-01: 1,200 months end in 2094, before periods stop being valid (2100)
            while (restarting.get() && i < 1200) {
                String period = (1995 + i / 12) + "-" + String.format("%02d", i % 12 + 1);
                String path = "/api/values/" + small + "/VN-46/" + period + "?sex=FEMALE&dims=da:V1,db:V2";
                String body = "{\"value\":" + (i + 1) + ",\"status\":\"FINAL\",\"source\":{\"kind\":\"MANUAL\",\"reference\":\"rolling\"}}";
                attempted.incrementAndGet();
                for (int attempt = 0; attempt < 20; attempt++) {
                    HttpResponse<String> r = call("PUT", path, Replicas.stats(), HttpRequest.BodyPublishers.ofString(body),
                            "Content-Type", "application/json", "Idempotency-Key", "up-" + RUN + "-" + i);
                    if (r.statusCode() == 200 || r.statusCode() == 201) {
                        acknowledged.put(period, (long) i + 1);
                        break;
                    }
                    assertTrue(List.of(409, 502, 503, 504).contains(r.statusCode()), () -> r.statusCode() + " " + r.body());
                    Thread.sleep(300);
                }
                i++;
            }
            return null;
        });
        List<String> steps = new ArrayList<>();
        for (String service : List.of("indicators-service", "plans-service", "reporting-service")) {
            for (int i = 0; i < suite.instances(); i++) {
                long t0 = System.nanoTime();
                suite.stopInstance(service, i);
                suite.startInstance(service, i);
                steps.add(service + "#" + i + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        }
        restarting.set(false);
        upserts.get();
        Replicas.Outcome done = bigPush.get();
        Replicas.ReviewCounts rc = reviews.get();
        writers.shutdown();
        String ids = reports.stream().map(String::valueOf).collect(Collectors.joining(","));
        long versions = Replicas.count("reporting", "select count(*) from report_version where report_id in (" + ids + ")");
        long returned = Replicas.count("reporting", "select count(*) from report_version where review_outcome = 'RETURNED' and report_id in (" + ids + ")");
        // e. each accepted report's values, sent through reporting's outbox while instances restarted, arrive once in effect
        Map<Long, Long> deliveries = Replicas.valueBatchesOf(rc.accepted());
        long outboxFailed = Replicas.count("reporting", "select count(*) from outbox_message where status = 'FAILED'");

        Map<String, Long> found = new TreeMap<>();
        try (Connection c = Replicas.db("indicators"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select period, value from indicator_value where indicator_id = (select id from indicator where code = '"
                     + small + "')")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getBigDecimal(2).longValueExact());
            }
        }
        long lost = acknowledged.entrySet().stream().filter(e -> !e.getValue().equals(found.get(e.getKey()))).count();
        Replicas.Written w = Replicas.written(big, done.id());
        long failedCommitted = Replicas.count("indicators", "select count(*) from value_push where status = 'FAILED' and committed");
        long stuck = Replicas.count("indicators", "select count(*) from value_push where status in ('RECEIVING','VALIDATING','MERGING')");
        report("rolling restart", "restarts", steps, "upsertsAcknowledged", acknowledged.size(), "upsertsAttempted", attempted.get(),
                "found", found.size(), "lost", lost, "bigPushValues", BIG_PUSH, "bigPushAttempts", done.attempts(),
                "bigPushAnswers", done.answers(), "bigPushWritten", w.byBatch(), "history", w.historyRows(),
                "failedButCommitted", failedCommitted, "stuck", stuck,
                "submitsSent", rc.submitsSent(), "submitsAcknowledged", rc.submitsAcknowledged(), "versionsFound", versions,
                "submitsLost", Math.max(0, rc.submitsAcknowledged() - versions), "submitsDuplicated", Math.max(0, versions - rc.submitsSent()),
                "returnsSent", rc.returnsSent(), "returnsAcknowledged", rc.returnsAcknowledged(), "returnsFound", returned,
                "accepted", rc.accepted().size(), "valueBatchesPerAcceptedReport", deliveries, "outboxFailed", outboxFailed);
        assertTrue(acknowledged.size() > 0, "writes went on during the restart");
        assertEquals(0, lost, "every acknowledged upsert is there with its value");
        assertTrue(found.size() <= attempted.get(), "nothing written that was not sent");
        assertEquals(BIG_PUSH, w.byBatch(), "the big push SUCCEEDED with all its values");
        assertEquals(BIG_PUSH, w.values());
        assertEquals(0, w.historyRows(), "no value of the big push written twice");
        assertEquals(0, failedCommitted, "no push FAILED that committed");
        assertTrue(rc.submitsAcknowledged() > 0 && rc.returnsAcknowledged() > 0, "reports were submitted and reviewed during the restart");
        assertTrue(versions >= rc.submitsAcknowledged(), "every acknowledged submission is a version");
        assertTrue(versions <= rc.submitsSent(), "no submission twice");
        assertTrue(returned >= rc.returnsAcknowledged() && returned <= rc.returnsSent(), "every acknowledged review, none twice");
        assertTrue(!rc.accepted().isEmpty(), "reports were accepted during the restart");
        deliveries.forEach((report, batches) -> assertEquals(1L, batches, "report " + report + "'s values written once in effect"));
        assertEquals(0, outboxFailed, "no outbox message dead-lettered");
        assertEquals(0, stuck, "no push left running");
    }

    /**
     * c. PostgreSQL stopped under light load, then started: answers during the outage are 503 problems (or successes),
     * never a 500 or a hang; afterwards every instance is ready again without a restart and answers without a 500.
     */
    @Test
    void theDatabaseGoesAwayAndEveryServiceRecovers() throws Exception {
        Map<String, Long> pids = new TreeMap<>();
        for (String service : List.of("indicators-service", "plans-service", "reporting-service")) {
            for (int i = 0; i < suite.instances(); i++) {
                pids.put(service + "#" + i, suite.instance(service, i).orElseThrow().pid());
            }
        }
        // One token for every thread: logins of one user in quick succession trip the realm's brute-force detection.
        String admin = E2eSuite.cachedBearer("gems.admin");
        List<String> reads = List.of("/api/indicators?size=5", "/api/agencies?size=5", "/api/reports/obligations?size=5");
        Map<String, AtomicInteger> during = new ConcurrentHashMap<>();
        List<String> hangs = new ArrayList<>();
        AtomicBoolean down = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        List<String> unexpected = new ArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(reads.size());
        List<Future<?>> loops = new ArrayList<>();
        for (String path : reads) {
            loops.add(load.submit(() -> {
                while (!stop.get()) {
                    boolean wasDown = down.get();
                    try {
                        HttpResponse<String> r = call("GET", path, admin, null);
                        if (wasDown) {
                            during.computeIfAbsent(path.substring(0, path.indexOf('?')) + " " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            if (r.statusCode() >= 500) {
                                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                                        () -> path + " answered " + r.statusCode() + " without a problem: " + r.body());
                            }
                            if (r.statusCode() != 200 && r.statusCode() != 503) {
                                synchronized (unexpected) {
                                    unexpected.add(path + " " + r.statusCode() + " " + r.body());
                                }
                            }
                        }
                    } catch (HttpTimeoutException e) {
                        synchronized (hangs) {
                            hangs.add(path);
                        }
                    }
                    Thread.sleep(200);
                }
                return null;
            }));
        }
        Thread.sleep(1000);
        down.set(true);
        long t0 = System.nanoTime();
        suite.stopDatabase();
        Thread.sleep(OUTAGE_SECONDS * 1000L);
        suite.startDatabase();
        down.set(false);
        long outageMs = (System.nanoTime() - t0) / 1_000_000;
        // every instance ready again, by itself
        for (String service : List.of("indicators-service", "plans-service", "reporting-service")) {
            for (int i = 0; i < suite.instances(); i++) {
                int port = suite.ports(suite.config().dataServices().stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow()).get(i);
                E2eSuite.await(service + "#" + i + " ready after the outage", Duration.ofSeconds(60), () -> {
                    try {
                        return Replicas.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }
        stop.set(true);
        for (Future<?> f : loops) {
            f.get();
        }
        load.shutdown();
        // after recovery: every route answers, twice (both instances of each service), without a 500
        Map<String, Integer> afterwards = new TreeMap<>();
        for (int round = 0; round < 4; round++) {
            for (String path : reads) {
                HttpResponse<String> r = call("GET", path, admin, null);
                afterwards.merge(path.substring(0, path.indexOf('?')) + " " + r.statusCode(), 1, Integer::sum);
                assertEquals(200, r.statusCode(), () -> path + " after the outage: " + r.body());
            }
        }
        String key = "after-outage-" + RUN;
        // its own indicator (idempotent): this test must not rely on the rolling-restart test having run first
        Replicas.createLoadIndicator("E2E_OUTAGE_" + RUN);
        Replicas.Outcome push = Replicas.pushUntilDone(Replicas.loadCsv("E2E_OUTAGE_" + RUN, 100, 5), key, Duration.ofMinutes(1));
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            String[] nameIndex = p.getKey().split("#");
            assertEquals(p.getValue(), suite.instance(nameIndex[0], Integer.parseInt(nameIndex[1])).orElseThrow().pid(),
                    p.getKey() + " recovered without a restart");
        }
        report("database outage", "outageMs", outageMs, "answersDuring", during, "hangs", hangs.size(), "otherThan200or503", unexpected.size(),
                "answersAfter", afterwards, "pushAfter", push.view().path("status").asText());
        assertTrue(hangs.isEmpty(), "no call may hang: " + hangs);
        assertTrue(unexpected.isEmpty(), "503 problems (or 200) during the outage, never a 500: " + unexpected);
    }
}
