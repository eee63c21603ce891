package vn.gems.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.gems.reporting.Notification;
import vn.gems.reporting.config.ReportingConfig;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Mails recorded notices that were not mailed yet, when {@code gems.reporting.mail.enabled} is on. */
@ApplicationScoped
public class MailDispatch {

    private static final Logger LOG = Logger.getLogger(MailDispatch.class);

    private final ReportingConfig config;
    private final MailSender sender;

    public MailDispatch(ReportingConfig config, MailSender sender) {
        this.config = config;
        this.sender = sender;
    }

    /** Returns how many notices were mailed. */
    public int run() {
        if (!config.mail().enabled()) {
            return 0;
        }
        List<Notification> pending = QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>find("mailedAt is null order by id").page(0, 100).list());
        int sent = 0;
        for (Notification n : pending) {
            Optional<String> to = Optional.ofNullable(config.mail().recipients().get(n.agency)).or(() -> config.mail().fallbackRecipient());
            if (to.isEmpty()) {
                continue;
            }
            try {
                sender.send(to.get(), "[GEMS] " + n.kind + " — " + n.agency, n.message);
                QuarkusTransaction.requiringNew().run(() ->
                        Notification.update("mailedAt = ?1 where id = ?2", Instant.now(), n.id));
                sent++;
            } catch (RuntimeException e) {
                LOG.warnf("Mail for notification %d to %s failed: %s", n.id, to.get(), e.getMessage());
                break;
            }
        }
        return sent;
    }
}
