package vn.gems.reporting.service;

import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Lateness is counted in whole days in Vietnam's time zone: a report submitted on its due date is on time.
 * A report's timeliness is that of its first submission; resubmitting after a return does not make it late.
 */
public final class Timeliness {

    private Timeliness() {
    }

    public static long daysLate(LocalDate due, Instant submittedAt, ZoneId zone) {
        return Math.max(0, ChronoUnit.DAYS.between(due, submittedAt.atZone(zone).toLocalDate()));
    }

    /** UPCOMING, DUE_SOON, OVERDUE for obligations awaiting a first submission; otherwise the state itself. */
    public static String status(Obligation o, LocalDate today, int dueSoonDays) {
        if (o.state != ObligationState.OPEN) {
            return o.state.name();
        }
        if (today.isAfter(o.dueDate)) {
            return "OVERDUE";
        }
        return ChronoUnit.DAYS.between(today, o.dueDate) <= dueSoonDays ? "DUE_SOON" : "UPCOMING";
    }
}
