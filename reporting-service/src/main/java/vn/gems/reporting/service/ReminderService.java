package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.ReminderStage;
import vn.gems.reporting.config.ReportingConfig;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Marks obligations still awaiting a first submission as due soon or overdue, and records one notice per step:
 * to the agency that owes the report, and (when overdue) to the agency that receives it.
 */
@ApplicationScoped
@Transactional
public class ReminderService {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Schema(name = "ReminderRun")
    public record Result(int dueSoon, int overdue) {
    }

    private final ReportingConfig config;
    private final Notifier notifier;

    public ReminderService(ReportingConfig config, Notifier notifier) {
        this.config = config;
        this.notifier = notifier;
    }

    public Result run(LocalDate today) {
        int dueSoon = 0;
        int overdue = 0;
        List<Obligation> open = Obligation.list("state = ?1 and reminderStage <> ?2 and dueDate <= ?3",
                ObligationState.OPEN, ReminderStage.OVERDUE, today.plusDays(config.dueSoonDays()));
        for (Obligation o : open) {
            ReminderStage stage = today.isAfter(o.dueDate) ? ReminderStage.OVERDUE : ReminderStage.DUE_SOON;
            if (stage.ordinal() <= o.reminderStage.ordinal()) {
                continue;
            }
            o.reminderStage = stage;
            String what = o.kind + " report " + o.period + " (plan " + o.planId + ", rule " + o.ruleKey + ") to " + o.receivingAgency;
            if (stage == ReminderStage.DUE_SOON) {
                long days = ChronoUnit.DAYS.between(today, o.dueDate);
                notifier.notify(o.agency, "DUE_SOON", o.id, null, "Sắp đến hạn báo cáo (due soon): " + what + " is due on "
                        + VN.format(o.dueDate) + ", in " + days + " day(s)", "reminder:" + o.id + ":DUE_SOON:" + o.dueDate);
                dueSoon++;
            } else {
                long days = ChronoUnit.DAYS.between(o.dueDate, today);
                notifier.notify(o.agency, "OVERDUE", o.id, null, "Quá hạn báo cáo (overdue): " + what + " was due on "
                        + VN.format(o.dueDate) + ", " + days + " day(s) ago", "reminder:" + o.id + ":OVERDUE:" + o.dueDate);
                notifier.notify(o.receivingAgency, "OVERDUE", o.id, null, "Quá hạn báo cáo (overdue): " + o.agency + " has not submitted its "
                        + o.kind + " report " + o.period + " due on " + VN.format(o.dueDate), "reminder:" + o.id + ":OVERDUE-RECEIVER:" + o.dueDate);
                overdue++;
            }
        }
        return new Result(dueSoon, overdue);
    }
}
