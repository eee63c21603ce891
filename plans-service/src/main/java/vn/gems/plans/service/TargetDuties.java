package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.plans.Plan;
import vn.gems.plans.PlanResponsibility;
import vn.gems.plans.PlanStatus;
import vn.gems.plans.PlanVersion;
import vn.gems.plans.mapping.PlanMapper;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.Objective;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.Target;
import vn.gems.plans.rest.TargetDuty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets an agency answers for in issued plans, its own and those it holds for agencies it succeeded. */
@ApplicationScoped
@Transactional
public class TargetDuties {

    private final PlanAccess access;
    private final PlanMapper mapper;
    private final AgencyService agencies;
    private final Caller caller;
    private final EntityManager em;

    public TargetDuties(PlanAccess access, PlanMapper mapper, AgencyService agencies, Caller caller, EntityManager em) {
        this.access = access;
        this.mapper = mapper;
        this.agencies = agencies;
        this.caller = caller;
        this.em = em;
    }

    /**
     * Every target {@code agency} (the caller's own when null) is responsible for in issued plans, including those
     * it holds for retired agencies it succeeded; optionally only plans whose period covers {@code year}.
     */
    public List<TargetDuty> targets(String agency, Integer year) {
        String own = caller.agency().orElse(null);
        String who = agency == null || agency.isBlank() ? caller.requireAgency() : agency;
        if (!who.equals(own) && !access.readsEverything()) {
            throw ProblemException.forbidden("NOT_YOUR_AGENCY", "You may list the targets of your own agency only");
        }
        agencies.find(who).orElseThrow(() -> ProblemException.notFound("Agency", who));
        List<String> held = new ArrayList<>(List.of(who));
        held.addAll(agencies.predecessors(who));
        String jpql = "select r from PlanResponsibility r, Plan p where r.planId = p.id and p.status = :issued and r.agencyCode in :held"
                + (year == null ? "" : " and p.periodFrom <= :year and p.periodTo >= :year") + " order by p.id, r.id";
        TypedQuery<PlanResponsibility> q = em.createQuery(jpql, PlanResponsibility.class)
                .setParameter("issued", PlanStatus.ISSUED).setParameter("held", held);
        if (year != null) {
            q.setParameter("year", year);
        }
        Map<String, List<PlanResponsibility>> groups = new LinkedHashMap<>();
        for (PlanResponsibility r : q.getResultList()) {
            groups.computeIfAbsent(r.planId + "|" + r.targetKey + "|" + r.agencyCode, k -> new ArrayList<>()).add(r);
        }
        Map<Long, Plan> plans = new HashMap<>();
        Map<Long, PlanDocument> docs = new HashMap<>();
        List<TargetDuty> out = new ArrayList<>();
        for (List<PlanResponsibility> group : groups.values()) {
            PlanResponsibility first = group.get(0);
            Plan p = plans.computeIfAbsent(first.planId, id -> Plan.findById(id));
            PlanDocument doc = docs.computeIfAbsent(first.planId, id -> mapper.read(PlanVersion.current(p).document));
            for (Objective o : doc.objectives()) {
                for (Target t : o.targets()) {
                    if (!t.key().equals(first.targetKey)) {
                        continue;
                    }
                    List<Measure> mine = t.measures().stream()
                            .filter(m -> m.responsibleAgencies().stream().anyMatch(r -> r.agency().equals(first.agencyCode)))
                            .toList();
                    out.add(new TargetDuty(p.id, p.code, p.currentVersion, p.documentNumber, p.title, p.issuingAgency,
                            o.key(), o.label(), o.title(), t.key(), t.label(), t.text(), first.agencyCode,
                            first.agencyCode.equals(who) ? null : first.agencyCode, first.scope, mine));
                }
            }
        }
        return out;
    }
}
