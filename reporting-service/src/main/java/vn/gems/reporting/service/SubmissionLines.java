package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.Report;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ConsolidationView.AgencyLine;
import vn.gems.reporting.rest.ConsolidationView.Completeness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The obligations that do not count on their own because the territory changed before their due date: one
     * assigned to a body retired before it fell due (a commune merged into another, a department into another) and
     * held by the successor, which owes the same rule and period itself or through another such obligation. The
     * successor's own obligation counts; without one, the first submitted (else the first made) stands for them all.
     */
    static Set<Long> mergedAway(List<Obligation> obligations) {
        Set<String> handedOver = new HashSet<>();
        for (Obligation o : obligations) {
            if (!o.agency.equals(o.assignedAgency)) {
                handedOver.add(o.assignedAgency);
            }
        }
        if (handedOver.isEmpty()) {
            return Set.of();
        }
        Map<String, LocalDate> retiredOn = new HashMap<>();
        for (AgencyRef a : AgencyRef.<AgencyRef>list("code in ?1", handedOver)) {
            if (a.validTo != null) {
                retiredOn.put(a.code, a.validTo);
            }
        }
        Map<String, List<Obligation>> bySuccessor = new LinkedHashMap<>();
        for (Obligation o : obligations) {
            LocalDate retired = retiredOn.get(o.assignedAgency);
            boolean mergedBeforeDue = !o.agency.equals(o.assignedAgency) && retired != null && retired.isBefore(o.dueDate);
            if (mergedBeforeDue || o.agency.equals(o.assignedAgency)) {
                bySuccessor.computeIfAbsent(o.ruleKey + "|" + o.period + "|" + o.agency, k -> new ArrayList<>()).add(o);
            }
        }
        Set<Long> away = new HashSet<>();
        for (List<Obligation> group : bySuccessor.values()) {
            if (group.size() < 2) {
                continue;
            }
            Obligation counted = group.stream().filter(o -> o.agency.equals(o.assignedAgency)).findFirst()
                    .orElseGet(() -> group.stream().min(Comparator.comparing((Obligation o) -> o.firstSubmittedAt == null)
                            .thenComparing(o -> o.firstSubmittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(o -> o.id)).orElseThrow());
            group.stream().filter(o -> o != counted).forEach(o -> away.add(o.id));
        }
        return away;
    }

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
