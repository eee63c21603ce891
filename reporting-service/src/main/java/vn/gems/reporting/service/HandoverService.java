package vn.gems.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportEvent;
import vn.gems.reporting.config.ReportingConfig;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Retired agencies hand their open obligations to whoever holds their duties now (plans-service's registry):
 * reports still to be written move to the successor with their drafts; reports still to be received or reviewed
 * go to the successor of the receiving agency (with the pending reviews). Submitted and accepted work stays where it
 * was done; each move is an event in the obligation's history and the obligation keeps whom it was owed by or to.
 */
@ApplicationScoped
public class HandoverService {

    private static final Logger LOG = Logger.getLogger(HandoverService.class);

    public record Result(int agenciesChecked, int obligationsMoved, int receiversMoved) {
    }

    private record Moved(int obligations, int receivers) {
    }

    private final AgencyDirectory agencies;
    private final Notifier notifier;
    private final ReportingConfig config;
    private final EntityManager em;

    public HandoverService(AgencyDirectory agencies, Notifier notifier, ReportingConfig config, EntityManager em) {
        this.agencies = agencies;
        this.notifier = notifier;
        this.config = config;
        this.em = em;
    }

    /**
     * Checks every agency with open work, or only {@code onlyAgency} when given. plans-service is asked outside any
     * transaction; each retired agency's work moves in its own short transaction (no connection held across the calls).
     */
    public Result run(String onlyAgency) {
        LocalDate today = LocalDate.now(config.zone());
        Set<String> codes = new LinkedHashSet<>();
        if (onlyAgency != null && !onlyAgency.isBlank()) {
            codes.add(onlyAgency.trim());
        } else {
            codes.addAll(QuarkusTransaction.requiringNew().call(this::agenciesWithOpenWork));
        }
        int moved = 0;
        int receivers = 0;
        for (String code : codes) {
            Optional<AgencyRef> a = agencies.refresh(code);
            if (a.isEmpty() || !a.get().retiredBefore(today)) {
                continue;
            }
            String holder = agencies.holderOn(code, today);
            if (holder.equals(code)) {
                continue;
            }
            String unit = agencies.get(holder).map(h -> h.unitCode).orElse(null);
            Moved m = QuarkusTransaction.requiringNew().call(() -> move(code, holder, unit));
            moved += m.obligations();
            receivers += m.receivers();
        }
        if (moved + receivers > 0) {
            LOG.infof("Handover: %d obligation(s) and %d receiving side(s) moved to successors", moved, receivers);
        }
        return new Result(codes.size(), moved, receivers);
    }

    private Set<String> agenciesWithOpenWork() {
        Set<String> codes = new LinkedHashSet<>(em.createQuery("select distinct o.agency from Obligation o where o.state in :s", String.class)
                .setParameter("s", List.of(ObligationState.OPEN, ObligationState.RETURNED)).getResultList());
        codes.addAll(em.createQuery("select distinct o.receivingAgency from Obligation o where o.state in :s", String.class)
                .setParameter("s", List.of(ObligationState.OPEN, ObligationState.RETURNED, ObligationState.SUBMITTED)).getResultList());
        return codes;
    }

    /** Moves {@code code}'s open work to {@code holder}; idempotent (a second run finds nothing left to move). */
    private Moved move(String code, String holder, String unit) {
        int moved = 0;
        for (Obligation o : Obligation.<Obligation>list("agency = ?1 and state in ?2", code,
                List.of(ObligationState.OPEN, ObligationState.RETURNED))) {
            o.handedOverFrom = code;
            o.agency = holder;
            if (unit != null) {
                o.unitCode = unit;
            }
            Report.update("agency = ?1 where obligationId = ?2", holder, o.id);
            ReportEvent.ofObligation(o.id, Report.ofObligation(o.id).map(r -> r.id).orElse(null), "HANDED_OVER", "system",
                    code + " retired; " + holder + " owes this report").persist();
            notifier.notify(holder, "HANDED_OVER", o.id, null, code + " was retired; its " + o.kind + " report " + o.period
                    + " (plan " + o.planId + ") is now yours", "handover:" + o.id + ":" + holder);
            moved++;
        }
        // The receiving role: reports still to come and reviews still pending go to the holder; accepted ones stay
        // attributed to the retired agency that received them.
        int receivers = 0;
        for (Obligation o : Obligation.<Obligation>list("receivingAgency = ?1 and state in ?2", code,
                List.of(ObligationState.OPEN, ObligationState.RETURNED, ObligationState.SUBMITTED))) {
            o.receiverHandedOverFrom = code;
            o.receivingAgency = holder;
            Long reportId = Report.ofObligation(o.id).map(r -> r.id).orElse(null);
            ReportEvent.ofObligation(o.id, reportId, "RECEIVER_HANDED_OVER", "system", code + " retired; " + holder + " receives and reviews").persist();
            if (o.state == ObligationState.SUBMITTED) {
                notifier.notify(holder, "HANDED_OVER", o.id, reportId, code + " was retired; the " + o.kind + " report " + o.period + " of "
                        + o.agency + " (plan " + o.planId + ") awaits your review", "handover-review:" + o.id + ":" + holder);
            }
            receivers++;
        }
        return new Moved(moved, receivers);
    }
}
