package vn.gems.plans.service;

import jakarta.enterprise.context.RequestScoped;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.plans.Agency;
import vn.gems.plans.Plan;
import vn.gems.plans.PlanParty;
import vn.gems.plans.PlanStatus;
import vn.gems.plans.rest.PlanDocument;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read and edit which plan, for the current caller:
 * <ul>
 *   <li>auditors, admins and the GEMS services (role {@code gems-service}) read every plan and version;</li>
 *   <li>plan managers read and edit the plans their agency issues or leads, drafts included (admins edit any);</li>
 *   <li>reporters, reviewers, plan managers and stats pushers read issued and closed plans that name their agency
 *       (or a retired agency whose duties it holds) or that cover their agency's administrative unit;</li>
 *   <li>other government systems ({@code gov-system}) read issued and closed plans.</li>
 * </ul>
 * A plan the caller may not read is answered 404, as if it did not exist; one it may read but not edit, 403.
 */
@RequestScoped
public class PlanAccess {

    private static final String[] READER_ROLES = {Roles.REPORTER, Roles.REVIEWER, Roles.PLAN_MANAGER, Roles.STATS_PUSHER};

    private final Caller caller;
    private final AgencyService agencies;
    private Set<String> heldAgencies;
    private Optional<String> unit;

    public PlanAccess(Caller caller, AgencyService agencies) {
        this.caller = caller;
        this.agencies = agencies;
    }

    public boolean readsEverything() {
        return caller.hasAnyRole(Roles.AUDITOR, Roles.ADMIN, Roles.SERVICE);
    }

    /** Issued and closed plans are public; drafts are seen by whoever may read them. A plan may link to either. */
    public boolean canSee(Plan p) {
        return p.published() || canRead(p);
    }

    public boolean canRead(Plan p) {
        if (readsEverything() || canEdit(p)) {
            return true;
        }
        if (!p.published()) {
            return false;
        }
        if (caller.hasRole(Roles.GOV_SYSTEM)) {
            return true;
        }
        if (!caller.hasAnyRole(READER_ROLES) || heldAgencies().isEmpty()) {
            return false;
        }
        return unit().map(u -> u.equals(p.unitCode)).orElse(false)
                || PlanParty.count("planId = ?1 and agencyCode in ?2", p.id, heldAgencies()) > 0;
    }

    public boolean canEdit(Plan p) {
        return caller.hasRole(Roles.ADMIN)
                || (caller.hasRole(Roles.PLAN_MANAGER) && caller.agency().map(p::ownedBy).orElse(false));
    }

    public void requireEdit(Plan p) {
        if (!canEdit(p)) {
            throw ProblemException.forbidden("NOT_YOUR_PLAN",
                    "Only plan managers of the issuing or lead agency (" + p.issuingAgency
                            + (p.leadAgency == null ? "" : ", " + p.leadAgency) + ") may change this plan");
        }
    }

    /** A plan manager may only create or keep a plan its own agency issues or leads. */
    public void requireOwns(PlanDocument doc) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        String own = caller.requireAgency();
        if (!own.equals(doc.issuingAgency()) && !own.equals(doc.leadAgency())) {
            throw ProblemException.forbidden("NOT_YOUR_PLAN",
                    "Plan managers author plans their own agency (" + own + ") issues or leads");
        }
    }

    /**
     * The HQL condition on plan alias {@code p} that keeps the plans the caller may read; fills {@code params}.
     */
    public String readableFilter(Map<String, Object> params) {
        if (readsEverything()) {
            return "1 = 1";
        }
        StringBuilder q = new StringBuilder("(1 = 0");
        Optional<String> own = caller.agency();
        if ((caller.hasRole(Roles.PLAN_MANAGER)) && own.isPresent()) {
            q.append(" or p.issuingAgency = :own or p.leadAgency = :own");
            params.put("own", own.get());
        }
        if (caller.hasRole(Roles.GOV_SYSTEM)) {
            q.append(" or p.status in :published");
            params.put("published", List.of(PlanStatus.ISSUED, PlanStatus.CLOSED));
        } else if (caller.hasAnyRole(READER_ROLES) && !heldAgencies().isEmpty()) {
            q.append(" or (p.status in :published and (exists (select 1 from PlanParty pp where pp.planId = p.id and pp.agencyCode in :held)");
            params.put("published", List.of(PlanStatus.ISSUED, PlanStatus.CLOSED));
            params.put("held", heldAgencies());
            if (unit().isPresent()) {
                q.append(" or p.unitCode = :myUnit");
                params.put("myUnit", unit().get());
            }
            q.append("))");
        }
        return q.append(")").toString();
    }

    /** The caller's agency and the retired agencies whose duties it holds. */
    public Set<String> heldAgencies() {
        if (heldAgencies == null) {
            Set<String> held = new LinkedHashSet<>();
            caller.agency().ifPresent(a -> {
                held.add(a);
                held.addAll(agencies.predecessors(a));
            });
            heldAgencies = held;
        }
        return heldAgencies;
    }

    private Optional<String> unit() {
        if (unit == null) {
            unit = caller.agency().flatMap(agencies::find).map((Agency a) -> a.unitCode);
        }
        return unit;
    }
}
