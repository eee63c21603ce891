package vn.gems.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Business settings of reporting-service ({@code gems.reporting.*}), all with defaults. */
@ConfigMapping(prefix = "gems.reporting")
public interface ReportingConfig {

    /** Time zone in which due dates and lateness are counted (Vietnam). */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    /** An obligation awaiting submission is "due soon" this many days before its due date. */
    @WithDefault("7")
    int dueSoonDays();

    Attachments attachments();

    Outbox outbox();

    Status status();

    Mail mail();

    Jobs jobs();

    /** Schedules ({@code @Scheduled} reads them as expressions; "off" disables a job). */
    interface Jobs {
        @WithDefault("5s")
        String outboxEvery();

        @WithDefault("5s")
        String outboxDelay();

        @WithDefault("1h")
        String remindersEvery();

        @WithDefault("30s")
        String remindersDelay();

        @WithDefault("1h")
        String handoverEvery();

        @WithDefault("60s")
        String handoverDelay();

        /** How often each replica mails due notices (each notice is claimed, so every replica may run it). */
        @WithDefault("1m")
        String mailEvery();

        @WithDefault("20s")
        String mailDelay();
    }

    interface Attachments {
        /** Largest evidence file accepted (bytes); the gateway allows 30 MB on /api/reports. */
        @WithDefault("10485760")
        long maxBytes();

        /** Types accepted, as recognised from the bytes themselves. */
        @WithDefault("application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,text/plain")
        List<String> allowedTypes();
    }

    interface Outbox {
        /** Messages handled per delivery round. */
        @WithDefault("20")
        int batchSize();

        /** First retry delay; doubles per failed attempt up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** How long an instance holds a claimed message; after that another replica may take it over. */
        @WithDefault("90s")
        Duration lease();

        /** Attempts after which a message is dead-lettered (FAILED) until an admin requeues it (about 4 h at 5 m). */
        @WithDefault("50")
        int maxAttempts();
    }

    interface Status {
        /** "About" targets count as achieved within this relative distance (percent of the target). */
        @WithDefault("5")
        BigDecimal aboutTolerancePercent();

        /** "Equal" targets count as achieved within this relative distance (percent of the target). */
        @WithDefault("0.5")
        BigDecimal equalTolerancePercent();
    }

    interface Mail {
        /** Off by default: notifications are recorded and listed; with this on they are also mailed. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("gems-noreply@localhost")
        String from();

        /** Agency code → mailbox, e.g. {@code gems.reporting.mail.recipients."TTH-DOH"=bcvstbpn@syt.example}. */
        Map<String, String> recipients();

        /** Mailbox used for agencies without their own entry. */
        Optional<String> fallbackRecipient();

        /** Notices claimed per round. */
        @WithDefault("50")
        int batchSize();

        /** How long an instance holds claimed notices; after that another replica may mail them. */
        @WithDefault("2m")
        Duration lease();

        /** First retry delay after the mail server refused; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("1m")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** SMTP attempts after which a notice is marked FAILED (SMTP_UNAVAILABLE) until requeued. */
        @WithDefault("20")
        int maxAttempts();
    }
}
