package vn.gems.reporting.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.config.ReportingConfig;

/** Sends through quarkus-mailer; SMTP host and credentials come from {@code quarkus.mailer.*}. */
@ApplicationScoped
public class SmtpMailSender implements MailSender {

    public static final String NOTICE_HEADER = "X-GEMS-Notification";

    private final Mailer mailer;
    private final ReportingConfig config;

    public SmtpMailSender(Mailer mailer, ReportingConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    public void send(long noticeId, String to, String subject, String text) {
        mailer.send(Mail.withText(to, subject, text).setFrom(config.mail().from())
                .addHeader(NOTICE_HEADER, Long.toString(noticeId)));
    }
}
