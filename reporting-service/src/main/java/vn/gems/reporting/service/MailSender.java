package vn.gems.reporting.service;

/** Where notices go when mail is switched on; the default sends through quarkus-mailer (SMTP). */
public interface MailSender {

    /**
     * Sends one notice; {@code noticeId} travels as the {@code X-GEMS-Notification} header, so a mailbox (or a test's
     * sink) can tell a notice mailed twice after a crash from two notices.
     */
    void send(long noticeId, String to, String subject, String text);
}
