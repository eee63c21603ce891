package vn.gems.reporting.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.common.jobs.JobSlots;
import vn.gems.reporting.config.ReportingConfig;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The scheduled work: outbox delivery, reminders, mail of notices, hand-over of retired agencies' duties, key purge. With
 * several replicas the outbox and the mail claim their messages, so they run everywhere; reminders, hand-over and the
 * purge run once per period across replicas ({@link JobSlots}): the other replicas skip.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);

    private final Outbox outbox;
    private final ReminderService reminders;
    private final MailDispatch mail;
    private final HandoverService handover;
    private final Idempotency idempotency;
    private final JobSlots slots;
    private final ReportingConfig config;

    public Jobs(Outbox outbox, ReminderService reminders, MailDispatch mail, HandoverService handover, Idempotency idempotency,
                JobSlots slots, ReportingConfig config) {
        this.outbox = outbox;
        this.reminders = reminders;
        this.mail = mail;
        this.handover = handover;
        this.idempotency = idempotency;
        this.slots = slots;
        this.config = config;
    }

    @Scheduled(identity = "outbox", every = "${gems.reporting.jobs.outbox-every:5s}", delayed = "${gems.reporting.jobs.outbox-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverOutbox() {
        outbox.deliverDue();
    }

    @Scheduled(identity = "reminders", every = "${gems.reporting.jobs.reminders-every:1h}", delayed = "${gems.reporting.jobs.reminders-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remind() {
        remindOnce();
    }

    /** Notices of submissions and reviews go out within a minute, not with the next hourly reminder run. */
    @Scheduled(identity = "mail", every = "${gems.reporting.jobs.mail-every:1m}", delayed = "${gems.reporting.jobs.mail-delay:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void mail() {
        mail.run();
    }

    /** The reminder run of this period, unless another replica did it; true when this call ran it. */
    boolean remindOnce() {
        return slots.runOnce("reminders", config.jobs().remindersEvery(), () -> {
            ReminderService.Result r = reminders.run(LocalDate.now(config.zone()));
            if (r.dueSoon() + r.overdue() > 0) {
                LOG.infof("Reminders: %d due soon, %d overdue", r.dueSoon(), r.overdue());
            }
        });
    }

    @Scheduled(identity = "handover", every = "${gems.reporting.jobs.handover-every:1h}", delayed = "${gems.reporting.jobs.handover-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void handOver() {
        handOverOnce();
    }

    /** The hand-over check of this period, unless another replica did it; true when this call ran it. */
    boolean handOverOnce() {
        return slots.runOnce("handover", config.jobs().handoverEvery(), () -> {
            try {
                handover.run(null);
            } catch (RuntimeException e) {
                LOG.warnf("Hand-over check skipped: %s", e.getMessage());
            }
        });
    }

    @Scheduled(identity = "idempotency-purge", every = "24h", delayed = "10m")
    void purgeKeys() {
        slots.runOnce("idempotency-purge", Duration.ofHours(24), () -> idempotency.purgeOlderThan(Duration.ofDays(30)));
    }
}
