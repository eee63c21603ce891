package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanRef;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose consolidation it is and who may see it: the receiving agency (asked for, the caller's own, or the plan's
 * lead), the read and publish rules, and the periods a consolidation is asked for.
 */
@ApplicationScoped
public class ConsolidationScope {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(S[12]|Q[1-4]|-(0[1-9]|1[0-2]))?");

    private final Caller caller;
    private final EntityManager em;

    public ConsolidationScope(Caller caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /**
     * The receiving agency asked for, else the caller's own when it receives reports of this plan, else the plan's lead.
     * An agency asked for must receive reports of this plan (or issue or lead it): otherwise any agency could name itself
     * the receiver of another agency's plan, read its consolidation and publish a summary of it (404, as for no plan).
     */
    String receiverFor(PlanRef ref, String period, String requested) {
        if (requested != null && !requested.isBlank()) {
            String asked = requested.trim();
            if (!asked.equals(ref.leadAgency) && !asked.equals(ref.issuingAgency)
                    && Obligation.count("planId = ?1 and receivingAgency = ?2", ref.planId, asked) == 0) {
                throw ProblemException.notFound("Receiving agency", asked + " of plan " + ref.planId);
            }
            return asked;
        }
        Optional<String> mine = caller.agency();
        if (mine.isPresent() && Obligation.count("planId = ?1 and period = ?2 and receivingAgency = ?3", ref.planId, period, mine.get()) > 0) {
            return mine.get();
        }
        List<?> lead = em.createQuery("select o.receivingAgency from Obligation o where o.planId = :p and o.period = :period "
                        + "and o.consolidates is null group by o.receivingAgency order by count(o) desc, o.receivingAgency")
                .setParameter("p", ref.planId).setParameter("period", period).setMaxResults(1).getResultList();
        if (lead.isEmpty()) {
            return ref.leadAgency != null ? ref.leadAgency : ref.issuingAgency;
        }
        return (String) lead.get(0);
    }

    void requireRead(PlanRef ref, String receiver) {
        if (caller.hasAnyRole(Roles.AUDITOR, Roles.ADMIN)) {
            return;
        }
        String mine = caller.requireAgency();
        boolean receivingStaff = mine.equals(receiver) || successorOf(receiver, mine);
        boolean issuingManager = caller.hasRole(Roles.PLAN_MANAGER) && (mine.equals(ref.issuingAgency) || mine.equals(ref.leadAgency));
        if (!receivingStaff && !issuingManager) {
            throw ProblemException.forbidden("NOT_YOUR_CONSOLIDATION",
                    "Consolidated reports are read by the receiving agency, the issuing agency's plan managers and auditors");
        }
    }

    /** The holder of a retired receiving agency's duties reads what it received (history stays attributed to it). */
    private static boolean successorOf(String retired, String agency) {
        AgencyRef r = AgencyRef.findById(retired);
        return r != null && r.validTo != null && r.successorList().contains(agency);
    }

    /** A reviewer of the receiving agency (or an admin) publishes its consolidated report. */
    void requirePublish(String receiver) {
        boolean reviewerOfReceiver = caller.hasRole(Roles.REVIEWER) && caller.agency().map(receiver::equals).orElse(false);
        if (!reviewerOfReceiver && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("NOT_YOUR_CONSOLIDATION", "Only reviewers of " + receiver + " publish its consolidated report");
        }
    }

    static void checkPeriod(String period) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw ProblemException.badRequest("INVALID_PERIOD", "period must look like 2024, 2024S1, 2024Q3 or 2024-07",
                    new FieldError("period", "INVALID_VALUE", "must look like 2024, 2024S1, 2024Q3 or 2024-07"));
        }
    }

    /** The same period a year earlier. */
    static String previous(String period) {
        return (Integer.parseInt(period.substring(0, 4)) - 1) + period.substring(4);
    }
}
