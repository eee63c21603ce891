package vn.gems.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.gems.common.jobs.InstanceName;
import vn.gems.common.outbox.OutboxOutcome;
import vn.gems.common.outbox.OutboxRound;
import vn.gems.common.outbox.OutboxSettings;
import vn.gems.common.outbox.TransactionalOutbox;
import vn.gems.reporting.Notification;
import vn.gems.reporting.config.ReportingConfig;

import java.util.Optional;

/**
 * Mails recorded notices that were not mailed yet, when {@code gems.reporting.mail.enabled} is on, through the common
 * outbox: each notice is claimed with a lease and an owner, so two replicas never mail the same one; an SMTP outage
 * backs off; a notice whose agency has no mailbox is marked FAILED ({@code NO_RECIPIENT}) at once, so it never holds
 * up the notices behind it, and an admin can requeue it after configuring the mailbox. At least once: a crash between
 * the SMTP server's acceptance and the mark mails that notice again after the lease.
 */
@ApplicationScoped
public class MailDispatch {

    private static final Logger LOG = Logger.getLogger(MailDispatch.class);

    private final ReportingConfig config;
    private final MailSender sender;
    private final EntityManager em;
    private final TransactionalOutbox queue;

    @Inject
    public MailDispatch(ReportingConfig config, MailSender sender, EntityManager em, InstanceName instance) {
        this(config, sender, em, instance.id());
    }

    private MailDispatch(ReportingConfig config, MailSender sender, EntityManager em, String owner) {
        this.config = config;
        this.sender = sender;
        this.em = em;
        ReportingConfig.Mail m = config.mail();
        this.queue = new TransactionalOutbox("notification", Optional.empty(),
                () -> new OutboxSettings(m.batchSize(), m.lease(), m.initialBackoff(), m.maxBackoff(), m.maxAttempts()), owner, em);
    }

    /** The same dispatch as another instance named {@code owner} would run it (tests simulate replicas with it). */
    MailDispatch asInstance(String owner) {
        return new MailDispatch(config, sender, em, owner);
    }

    /** Returns how many notices were mailed; nothing is done while mail is switched off. */
    public int run() {
        return config.mail().enabled() ? dispatch().delivered() : 0;
    }

    /** One round over the due notices, whatever the switch. */
    OutboxRound dispatch() {
        OutboxRound r = queue.deliver(false, this::send);
        if (r.delivered() + r.failed() > 0) {
            LOG.infof("Mail: %d notice(s) mailed, %d not mailable, %d to retry", r.delivered(), r.failed(), r.retried());
        }
        return r;
    }

    private OutboxOutcome send(long id) {
        Notification n = QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>findById(id));
        if (n == null) {
            return OutboxOutcome.delivered();
        }
        Optional<String> to = Optional.ofNullable(config.mail().recipients().get(n.agency)).or(() -> config.mail().fallbackRecipient());
        if (to.isEmpty()) {
            return OutboxOutcome.deadLetter("NO_RECIPIENT", "No mailbox is configured for agency " + n.agency
                    + " (gems.reporting.mail.recipients); the notice stays listed in the application.");
        }
        try {
            sender.send(id, to.get(), "[GEMS] " + n.kind + " — " + n.agency, n.message);
            return OutboxOutcome.delivered();
        } catch (RuntimeException e) {
            LOG.warnf("Mail for notification %d to %s failed: %s", id, to.get(), e.toString());
            return OutboxOutcome.receiverDown("SMTP_UNAVAILABLE", "The mail server did not accept the notice; it is sent again later.");
        }
    }
}
