package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.Report;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.ConsolidationView.AgencyLine;
import vn.gems.reporting.rest.ConsolidationView.Completeness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Completeness and timeliness: one line per obligation (on time, late, missing or pending as of a date) and the
 * counts over them.
 */
@ApplicationScoped
public class SubmissionLines {

    private final ReportingConfig config;

    public SubmissionLines(ReportingConfig config) {
        this.config = config;
    }

    AgencyLine line(Obligation o, Report r, LocalDate asOf, Map<String, String> names) {
        String timeliness;
        Long daysLate = null;
        if (o.firstSubmittedAt != null) {
            daysLate = Timeliness.daysLate(o.dueDate, o.firstSubmittedAt, config.zone());
            timeliness = daysLate > 0 ? "LATE" : "ON_TIME";
        } else if (asOf.isAfter(o.dueDate)) {
            timeliness = "MISSING";
            daysLate = asOf.toEpochDay() - o.dueDate.toEpochDay();
        } else {
            timeliness = "PENDING";
        }
        return new AgencyLine(o.id, o.agency, names.get(o.agency), o.ruleKey, o.kind, o.dueDate, o.state.name(), timeliness,
                o.firstSubmittedAt, daysLate, r == null ? null : r.id, r == null ? null : r.acceptedVersionNo);
    }

    /** Invited submitters' lines, apart from the completeness they never count in. */
    static ConsolidationView.Invited invited(List<AgencyLine> lines) {
        int submitted = (int) lines.stream().filter(l -> "ON_TIME".equals(l.timeliness()) || "LATE".equals(l.timeliness())).count();
        return new ConsolidationView.Invited(lines.size(), submitted, lines);
    }

    /** Completeness and timeliness over the required submitters' lines (invited ones are never passed here). */
    static Completeness completeness(List<AgencyLine> lines) {
        int onTime = 0;
        int late = 0;
        int missing = 0;
        int pending = 0;
        int accepted = 0;
        int returned = 0;
        for (AgencyLine l : lines) {
            switch (l.timeliness()) {
                case "ON_TIME" -> onTime++;
                case "LATE" -> late++;
                case "MISSING" -> missing++;
                default -> pending++;
            }
            if (ObligationState.ACCEPTED.name().equals(l.state())) {
                accepted++;
            } else if (ObligationState.RETURNED.name().equals(l.state())) {
                returned++;
            }
        }
        int submitted = onTime + late;
        BigDecimal percent = lines.isEmpty() ? null
                : BigDecimal.valueOf(submitted * 100.0 / lines.size()).setScale(1, RoundingMode.HALF_UP);
        return new Completeness(lines.size(), submitted, onTime, late, missing, pending, accepted, returned, percent);
    }
}
