package vn.gems.reporting.rest;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.security.Caller;
import vn.gems.reporting.Notification;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.config.ReportingConfig;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/reports}: where my agency stands, in one glance. */
@Path("/api/reports")
@Tag(name = "Obligations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class OverviewResource {

    /** Counts by status of what my agency owes, what it has to review, and its latest notices. */
    public record Overview(String agency, Map<String, Long> owed, long toReview, long notifications) {
    }

    private final Caller caller;
    private final ReportingConfig config;

    public OverviewResource(Caller caller, ReportingConfig config) {
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Transactional
    @Operation(operationId = "getReportingOverview", summary = "My agency's obligations by status, reports waiting for its review, and its notices")
    public Overview overview() {
        String agency = caller.requireAgency();
        LocalDate today = LocalDate.now(config.zone());
        Map<String, Long> owed = new TreeMap<>();
        LocalDate soon = today.plusDays(config.dueSoonDays());
        owed.put("OVERDUE", Obligation.count("agency = ?1 and state = ?2 and dueDate < ?3", agency, ObligationState.OPEN, today));
        owed.put("DUE_SOON", Obligation.count("agency = ?1 and state = ?2 and dueDate >= ?3 and dueDate <= ?4", agency, ObligationState.OPEN, today, soon));
        owed.put("UPCOMING", Obligation.count("agency = ?1 and state = ?2 and dueDate > ?3", agency, ObligationState.OPEN, soon));
        for (ObligationState s : List.of(ObligationState.SUBMITTED, ObligationState.RETURNED, ObligationState.ACCEPTED)) {
            owed.put(s.name(), Obligation.count("agency = ?1 and state = ?2", agency, s));
        }
        long toReview = Obligation.count("receivingAgency = ?1 and state = ?2", agency, ObligationState.SUBMITTED);
        return new Overview(agency, owed, toReview, Notification.count("agency", agency));
    }
}
