package vn.gems.reporting.service;

/** Where notices go when mail is switched on; the default sends through quarkus-mailer (SMTP). */
public interface MailSender {

    void send(String to, String subject, String text);
}
