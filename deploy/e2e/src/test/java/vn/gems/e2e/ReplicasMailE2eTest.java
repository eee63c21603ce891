package vn.gems.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gems.launcher.Suite;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gems.e2e.Replicas.call;

/**
 * Issue 14, proof 5: with two reporting-service instances running their mail and reminder jobs every few seconds
 * against one local SMTP sink ({@link SmtpSink}), each notice is mailed exactly once, each reminder is recorded and
 * mailed once, and each outbox event (plan issued → obligations; report accepted → values) has one effect. The
 * class sets up its own plan copy, so it needs no other class before it.
 */
@ExtendWith(E2eSuite.class)
class ReplicasMailE2eTest {

    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final Pattern MAILED = Pattern.compile("Mail: (\\d+) notice\\(s\\) mailed");

    static Suite suite;

    @BeforeAll
    static void startTwoOfEach() throws Exception {
        suite = Replicas.start();
        assertEquals(2, suite.instances());
    }

    @Test
    void eachNoticeIsMailedOnceEachReminderOnceAndEachEventHasOneEffect() throws Exception {
        List<Long> reports = Replicas.healthReports("E2E-MAIL-" + RUN);
        long plan = Replicas.count("reporting", "select o.plan_id from report r join obligation o on o.id = r.obligation_id where r.id = "
                + reports.getFirst());
        String ofPlan = "obligation_id in (select id from obligation where plan_id = " + plan + ")";
        // Reminders: every past-due obligation of the plan is marked OVERDUE by a reminder run (one replica's per slot).
        long pastDue = Replicas.count("reporting", "select count(*) from obligation where plan_id = " + plan
                + " and state = 'OPEN' and due_date < current_date");
        E2eSuite.await("the reminder job marks the plan's past-due obligations", Duration.ofSeconds(90), () -> counts("reporting",
                "select count(*) from obligation where plan_id = " + plan + " and reminder_stage = 'OVERDUE'", pastDue));
        // Notices of submissions and reviews: Health submits, DOLISA returns, Health submits again, DOLISA accepts.
        for (long report : reports) {
            submit(report, 1);
            review(report, "return", "{\"summary\":\"Kiểm tra lại\",\"comments\":[{\"measureKey\":\"O4-T1-M1\",\"text\":\"Số trẻ trai\"}]}");
            submit(report, 2);
            review(report, "accept", "{}");
        }
        Map<Long, Long> valueBatches = Replicas.valueBatchesOf(reports);
        E2eSuite.await("every notice of the plan mailed", Duration.ofSeconds(90), () -> counts("reporting",
                "select count(*) from notification where status = 'PENDING' and " + ofPlan, 0));

        Map<Long, String> notices = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        try (Connection c = Replicas.db("reporting"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, kind, status from notification where " + ofPlan)) {
            while (rs.next()) {
                notices.put(rs.getLong(1), rs.getString(2));
                byStatus.merge(rs.getString(3), 1L, Long::sum);
            }
        }
        Map<Long, Long> mailsPerNotice = Replicas.mail().messages().stream()
                .map(m -> m.header("X-GEMS-Notification")).filter(h -> h != null && !h.isBlank())
                .collect(Collectors.groupingBy(Long::parseLong, Collectors.counting()));
        Set<Long> never = new TreeSet<>(notices.keySet());
        never.removeAll(mailsPerNotice.keySet());
        Map<Long, Long> twice = mailsPerNotice.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        Map<Long, Long> oursTwice = new TreeMap<>(twice);
        oursTwice.keySet().retainAll(notices.keySet());
        Map<String, Long> byKind = notices.values().stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        long overdueNotices = Replicas.count("reporting", "select count(*) from notification where kind = 'OVERDUE' and " + ofPlan);
        long remindedObligations = Replicas.count("reporting", "select count(distinct obligation_id) from notification where kind = 'OVERDUE' and "
                + ofPlan);
        Map<String, Long> reminderSlots = groupCount("reporting", "select owner, count(*) from job_run where job = 'reminders' group by owner");
        Map<String, Long> plansOutbox = groupCount("plans", "select status, count(*) from plan_outbox group by status");
        long obligations = Replicas.count("reporting", "select count(*) from obligation where plan_id = " + plan);
        long allNotices = Replicas.count("reporting", "select count(*) from notification");
        long allDelivered = Replicas.count("reporting", "select count(*) from notification where status = 'DELIVERED'");
        ReplicasE2eTest.report("mail and reminders", "reports", reports.size(), "notices", notices.size(), "byKind", byKind,
                "byStatus", byStatus, "mailedOnce", notices.keySet().stream().filter(id -> mailsPerNotice.getOrDefault(id, 0L) == 1).count(),
                "mailedTwiceOrMore", oursTwice.size(), "neverMailed", never.size(), "pastDueObligations", pastDue,
                "remindedObligations", remindedObligations, "overdueNotices", overdueNotices, "reminderSlotsByInstance", reminderSlots,
                "mailedByInstance", mailedByInstance(), "suiteNotices", allNotices, "suiteDelivered", allDelivered,
                "suiteMails", Replicas.mail().messages().size(), "suiteNoticesMailedTwice", twice.size(),
                "planObligations", obligations, "plansOutbox", plansOutbox, "valueBatchesPerAcceptedReport", valueBatches);

        assertTrue(pastDue > 0, "the plan copy has past-due obligations to remind");
        assertEquals(Map.of("DELIVERED", (long) notices.size()), byStatus, "every notice mailed (one mailbox for every agency)");
        assertEquals(Set.of(), never, "no notice left unmailed");
        assertEquals(Map.of(), oursTwice, "no notice mailed twice");
        assertEquals(pastDue, remindedObligations, "each past-due obligation reminded");
        assertEquals(2 * pastDue, overdueNotices, "each overdue reminder once: to the agency that owes and to the one that receives");
        assertEquals(2L * reports.size(), byKind.get("SUBMITTED"), "one notice per submission");
        assertEquals((long) reports.size(), byKind.get("RETURNED"), "one notice per return");
        assertEquals((long) reports.size(), byKind.get("ACCEPTED"), "one notice per acceptance");
        assertTrue(!reminderSlots.isEmpty(), "the reminder job ran (once per slot, by whichever replica claimed it)");
        valueBatches.forEach((report, batches) -> assertEquals(1L, batches, "report " + report + "'s values written once in effect"));
        assertEquals(0L, plansOutbox.getOrDefault("FAILED", 0L), "no plan event dead-lettered");
        assertTrue(obligations >= reports.size(), "the plan's issue event made its obligations");
    }

    private static void submit(long report, int round) throws Exception {
        HttpResponse<String> r = call("POST", "/api/reports/submissions/" + report + "/submit", E2eSuite.cachedBearer("health.reporter"),
                null, "Idempotency-Key", "mail-" + RUN + "-" + report + "-" + round);
        assertEquals(200, r.statusCode(), () -> "submit " + report + ": " + r.body());
    }

    private static void review(long report, String action, String body) throws Exception {
        String dolisa = E2eSuite.cachedBearer("dolisa.officer");
        HttpResponse<String> read = call("GET", "/api/reports/submissions/" + report, dolisa, null);
        assertEquals(200, read.statusCode(), read::body);
        HttpResponse<String> r = call("POST", "/api/reports/submissions/" + report + "/" + action, dolisa,
                HttpRequest.BodyPublishers.ofString(body), "Content-Type", "application/json",
                "If-Match", read.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, r.statusCode(), () -> action + " " + report + ": " + r.body());
    }

    /** Whether the count is {@code expected} (for Awaitility, which ignores the exceptions of a poll). */
    private static boolean counts(String service, String sql, long expected) {
        try {
            return Replicas.count(service, sql) == expected;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> groupCount(String service, String sql) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = Replicas.db(service); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Notices each reporting instance says it mailed (its log), over the whole suite's life. */
    private static Map<String, Long> mailedByInstance() throws IOException {
        Map<String, Long> mailed = new HashMap<>();
        for (String name : List.of("reporting-service", "reporting-service-1")) {
            Path log = suite.config().logDir().resolve(name + ".log");
            long n = 0;
            if (Files.isRegularFile(log)) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = MAILED.matcher(line);
                    if (m.find()) {
                        n += Long.parseLong(m.group(1));
                    }
                }
            }
            mailed.put(name, n);
        }
        return new TreeMap<>(mailed);
    }
}
