package vn.gems.reporting.service;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gems.common.testing.InjectTestDatabase;
import vn.gems.common.testing.Replicas;
import vn.gems.common.testing.TestDatabase;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mailing notices with two replicas (two dispatchers, own owners, own threads and transactions, one database): each
 * notice is mailed once, and notices whose agency has no mailbox are marked instead of blocking the queue (before,
 * 100 of them stopped all mail for good). Mail goes to quarkus-mailer's mock mailbox.
 */
@QuarkusTest
class MailDispatchTest {

    private static final String TO = "mail-test@example.org";

    @Inject
    MailDispatch dispatch;

    @Inject
    MockMailbox mailbox;

    @InjectTestDatabase
    TestDatabase db;

    @BeforeEach
    void clean() {
        mailbox.clear();
    }

    @Test
    void twoReplicasMailEachNoticeOnceAndUnmailableNoticesDoNotBlockTheQueue() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // 120 notices of agencies without a mailbox come first, then 40 that can be mailed.
        for (int i = 0; i < 120; i++) {
            notice("NO-MAILBOX", "unmailable " + run + " " + i, run + "-x-" + i);
        }
        for (int i = 0; i < 40; i++) {
            notice("MAIL-TEST", "notice " + run + " " + i, run + "-m-" + i);
        }
        List<Callable<Void>> replicas = new ArrayList<>();
        for (MailDispatch d : List.of(dispatch.asInstance("replica-a"), dispatch.asInstance("replica-b"))) {
            replicas.add(() -> {
                for (int i = 0; i < 20 && pendingOf(run) > 0; i++) {
                    d.dispatch();
                }
                return null;
            });
        }
        Replicas.together(replicas);
        Map<String, Long> mailed = mailbox.getMailMessagesSentTo(TO).stream()
                .filter(m -> m.getText().contains(run))
                .collect(Collectors.groupingBy(m -> m.getText(), Collectors.counting()));
        assertEquals(40, mailed.size(), "every mailable notice mailed: " + mailed.keySet());
        assertTrue(mailed.values().stream().allMatch(c -> c == 1), "no notice mailed twice: " + mailed);
        assertEquals(40, db.count("select count(*) from notification where dedup_key like ? and status = 'DELIVERED' and delivered_at is not null",
                run + "-m-%"));
        assertEquals(120, db.count("select count(*) from notification where dedup_key like ? and status = 'FAILED' "
                + "and last_error_code = 'NO_RECIPIENT' and lease_owner is null", run + "-x-%"));
        assertEquals(0, dispatch.dispatch().delivered(), "nothing left to mail");
    }

    private long pendingOf(String run) {
        return db.count("select count(*) from notification where dedup_key like ? and status = 'PENDING'", run + "-%");
    }

    private void notice(String agency, String text, String key) throws Exception {
        try (Connection c = db.connect(); var st = c.prepareStatement(
                "insert into notification(agency, kind, message, dedup_key) values (?, 'DUE_SOON', ?, ?)")) {
            st.setString(1, agency);
            st.setString(2, text);
            st.setString(3, key);
            st.executeUpdate();
        }
    }

}
