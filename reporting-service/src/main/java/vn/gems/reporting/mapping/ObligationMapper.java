package vn.gems.reporting.mapping;

import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.rest.ObligationView;
import vn.gems.reporting.service.Timeliness;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Obligation entity → API view, with timeliness as of a day. */
public final class ObligationMapper {

    private ObligationMapper() {
    }

    public static ObligationView toView(Obligation o, Long reportId, LocalDate today, int dueSoonDays, ZoneId zone) {
        String status = Timeliness.status(o, today, dueSoonDays);
        Long daysUntil = null;
        Boolean late = null;
        Long daysLate = null;
        if (o.firstSubmittedAt != null) {
            daysLate = Timeliness.daysLate(o.dueDate, o.firstSubmittedAt, zone);
            late = daysLate > 0;
        } else if (o.state != ObligationState.CANCELLED) {
            long d = ChronoUnit.DAYS.between(today, o.dueDate);
            if (d >= 0) {
                daysUntil = d;
            } else {
                late = true;
                daysLate = -d;
            }
        }
        return new ObligationView(o.id, o.planId, o.planVersion, o.ruleKey, o.kind, o.period, o.dueDate, o.originalDueDate,
                o.extensionReason, o.agency, o.assignedAgency, o.receivingAgency, o.unitCode, o.coverage, o.consolidates, o.state,
                status, daysUntil, late, daysLate, o.firstSubmittedAt, reportId, o.handedOverFrom,
                o.receiverHandedOverFrom);
    }
}
