package vn.gems.plans.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gems.common.http.ETags;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.plans.Agency;
import vn.gems.plans.AgencyHistory;
import vn.gems.plans.AgencyKind;
import vn.gems.plans.SearchText;
import vn.gems.plans.client.IndicatorsClient;
import vn.gems.plans.config.PlansConfig;
import vn.gems.plans.mapping.AgencyMapper;
import vn.gems.plans.rest.AgencyHistoryEntry;
import vn.gems.plans.rest.AgencyInput;
import vn.gems.plans.rest.AgencyView;
import vn.gems.plans.rest.Membership;
import vn.gems.plans.rest.RetireAgency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agency registry: who exists, who may edit whom, who holds a retired agency's duties now, and what every
 * agency looked like after each change.
 */
@ApplicationScoped
@Transactional
public class AgencyService {

    private final Caller caller;
    private final IndicatorsClient indicators;
    private final PlansConfig config;
    private final ObjectMapper json;
    private final EntityManager em;

    public AgencyService(Caller caller, IndicatorsClient indicators, PlansConfig config, ObjectMapper json, EntityManager em) {
        this.caller = caller;
        this.indicators = indicators;
        this.config = config;
        this.json = json;
        this.em = em;
    }

    /** Rows written before the search column existed get it at start-up (the migration cannot fold text). */
    void onStart(@Observes StartupEvent event) {
        backfillSearchText();
    }

    /** Folds the search text of agencies that have none; returns how many. */
    public int backfillSearchText() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Agency> missing = Agency.list("searchText is null");
            missing.forEach(Agency::refreshSearchText);
            return missing.size();
        });
    }

    public Optional<Agency> find(String code) {
        return Optional.ofNullable(Agency.findById(code));
    }

    /** The agencies among {@code codes} that exist, by code. */
    public List<Agency> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        // successors fetched in the same statement (the eager collection would otherwise cost a select per agency)
        return em.createQuery("select distinct a from Agency a left join fetch a.successorCodes where a.code in :codes order by a.code",
                Agency.class).setParameter("codes", codes).getResultList();
    }

    /** The agencies among {@code codes} that exist. */
    public Set<String> existing(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(em.createQuery("select a.code from Agency a where a.code in :codes", String.class)
                .setParameter("codes", codes).getResultList());
    }

    public PageView<Agency> list(String unitCode, AgencyKind kind, Boolean active, String parent, String text, Paging paging) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (unitCode != null && !unitCode.isBlank()) {
            q.append(" and unitCode = :unit");
            p.put("unit", unitCode);
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            p.put("kind", kind);
        }
        if (active != null) {
            q.append(active ? " and validFrom <= :today and (validTo is null or validTo >= :today)"
                    : " and (validTo < :today or validFrom > :today)");
            p.put("today", LocalDate.now());
        }
        if (parent != null && !parent.isBlank()) {
            q.append(" and parentCode = :parent");
            p.put("parent", parent);
        }
        List<String> terms = SearchText.terms(text);
        for (int i = 0; i < terms.size(); i++) {
            q.append(" and searchText like :t").append(i);
            p.put("t" + i, "%" + terms.get(i) + "%");
        }
        var query = Agency.<Agency>find(q.toString(), Sort.by("code"), p);
        long total = query.count();
        // A page beyond any possible row (page × size past int range) is simply empty.
        List<Agency> items = (long) paging.page() * paging.size() > Integer.MAX_VALUE ? List.of()
                : query.page(Page.of(paging.page(), paging.size())).list();
        return new PageView<>(items, total, paging.page(), paging.size());
    }

    public Agency create(@Valid @NotNull AgencyInput in) {
        requireManages(in.unitCode());
        if (Agency.findById(in.code()) != null) {
            throw ProblemException.conflict("AGENCY_EXISTS", "Agency " + in.code() + " already exists");
        }
        Agency a = new Agency();
        a.code = in.code();
        AgencyMapper.apply(in, a);
        checkParent(a);
        checkUnit(a.unitCode);
        inheritUnitEnd(a);
        a.persist();
        record(a, "CREATED");
        return a;
    }

    public Optional<Agency> update(String code, String ifMatch, @Valid @NotNull AgencyInput in) {
        Optional<Agency> found = find(code);
        found.ifPresent(a -> {
            requireManages(a.unitCode);
            requireManages(in.unitCode());
            ETags.requireMatch(ifMatch, a.version);
            String unitBefore = a.unitCode;
            AgencyMapper.apply(in, a);
            checkParent(a);
            if (a.validTo != null && a.validTo.isBefore(a.validFrom)) {
                throw ProblemException.unprocessable("INVALID_VALIDITY", "validFrom", "validFrom must not be after validTo " + a.validTo);
            }
            if (!a.unitCode.equals(unitBefore)) {
                checkUnit(a.unitCode);
            }
            record(a, "UPDATED");
        });
        return found;
    }

    public Optional<Agency> retire(String code, String ifMatch, @Valid @NotNull RetireAgency in) {
        Optional<Agency> found = find(code);
        found.ifPresent(a -> {
            requireManages(a.unitCode);
            ETags.requireMatch(ifMatch, a.version);
            if (in.validTo().isBefore(a.validFrom)) {
                throw ProblemException.unprocessable("INVALID_VALIDITY", "validTo", "validTo must not be before validFrom " + a.validFrom);
            }
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < in.successors().size(); i++) {
                String s = in.successors().get(i);
                Agency successor = Agency.findById(s);
                if (successor == null) {
                    errors.add(new FieldError("successors[" + i + "]", "UNKNOWN_AGENCY", "agency " + s + " does not exist"));
                } else if (s.equals(code) || successorChainContains(s, code)) {
                    errors.add(new FieldError("successors[" + i + "]", "SUCCESSOR_CYCLE", "agency " + s + " would succeed itself"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.unprocessable("INVALID_SUCCESSORS", "Successors must be other existing agencies", errors);
            }
            a.validTo = in.validTo();
            a.successorCodes = new LinkedHashSet<>(in.successors());
            a.retiredNote = in.note();
            record(a, "RETIRED");
        });
        return found;
    }

    /** What the agency looked like after each change, oldest first. */
    public List<AgencyHistoryEntry> history(String code) {
        List<AgencyHistory> rows = AgencyHistory.list("agencyCode = ?1", Sort.by("id"), code);
        List<AgencyHistoryEntry> out = new ArrayList<>();
        for (AgencyHistory h : rows) {
            try {
                out.add(new AgencyHistoryEntry(h.revision, h.action, h.actor, h.at, json.readValue(h.snapshot, AgencyView.class),
                        h.members == null ? null : List.of(json.readValue(h.members, Membership[].class))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("agency history " + h.id + " is unreadable", e);
            }
        }
        return out;
    }

    /**
     * The agencies active today that hold {@code code}'s duties: itself if active, else its successors' holders,
     * followed transitively (a ministry merged into another that was later renamed still resolves).
     */
    public List<Agency> holders(String code) {
        LocalDate today = LocalDate.now();
        List<Agency> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            Agency a = Agency.findById(c);
            if (a == null) {
                continue;
            }
            if (a.activeOn(today)) {
                result.add(a);
            } else {
                todo.addAll(a.successorCodes);
            }
        }
        return result;
    }

    /**
     * The retired agencies whose duties {@code code} holds today (the reverse of {@link #holders}): VN-MOHA holds
     * VN-MOLISA's. Followed transitively; agencies still active are not predecessors yet.
     */
    public List<String> predecessors(String code) {
        LocalDate today = LocalDate.now();
        Set<String> seen = new LinkedHashSet<>(List.of(code));
        List<String> result = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.poll();
            @SuppressWarnings("unchecked")
            List<String> before = em.createNativeQuery("select agency_code from agency_successor where successor_code = ?1 order by agency_code")
                    .setParameter(1, c).getResultList();
            for (String b : before) {
                Agency a = Agency.findById(b);
                if (a != null && !a.activeOn(today) && seen.add(b)) {
                    result.add(b);
                    todo.add(b);
                }
            }
        }
        return result;
    }

    /**
     * A People's Committee registered by hand for a unit whose committee the unit registry has already retired (the
     * unit was merged or abolished) is born retired the same day with the same holders, whatever order the two
     * arrive in: the demo's TTH-HUE-PC for VN-46-HUE, abolished on 2025-07-01.
     */
    private static void inheritUnitEnd(Agency a) {
        if (a.kind != AgencyKind.PEOPLES_COMMITTEE || a.code.equals(CommitteeService.codeOf(a.unitCode))) {
            return;
        }
        Agency generated = Agency.findById(CommitteeService.codeOf(a.unitCode));
        if (generated != null && generated.validTo != null && a.validTo == null && !a.validFrom.isAfter(generated.validTo)) {
            a.validTo = generated.validTo;
            a.successorCodes = new LinkedHashSet<>(generated.successorCodes);
            a.retiredNote = generated.retiredNote;
        }
    }

    private void record(Agency a, String action) {
        record(a, action, caller.username());
    }

    /** Audits a body's new member list in its history (MEMBERS_CHANGED). */
    void recordMembers(Agency a, List<Membership> members) {
        AgencyHistory h = record(a, "MEMBERS_CHANGED", caller.username());
        try {
            h.members = json.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the history row of a change; {@code actor} is the user, or {@code unit-feed} for the registry's changes. */
    AgencyHistory record(Agency a, String action, String actor) {
        em.flush();
        AgencyHistory h = new AgencyHistory();
        h.agencyCode = a.code;
        h.revision = a.version;
        h.action = action;
        h.actor = actor;
        h.at = Instant.now();
        try {
            h.snapshot = json.writeValueAsString(AgencyMapper.toView(a, a.validTo == null ? LocalDate.now() : a.validTo.plusDays(1)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.persist();
        return h;
    }

    private void checkUnit(String unitCode) {
        if (config.validateUnits() && !indicators.unitExists(unitCode)) {
            throw ProblemException.unprocessable("UNKNOWN_UNIT", "unitCode",
                    "administrative unit " + unitCode + " is not known to indicators-service");
        }
    }

    private boolean successorChainContains(String start, String target) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (c.equals(target)) {
                return true;
            }
            if (seen.add(c)) {
                Agency a = Agency.findById(c);
                if (a != null) {
                    todo.addAll(a.successorCodes);
                }
            }
        }
        return false;
    }

    private void checkParent(Agency a) {
        if (a.parentCode == null) {
            return;
        }
        if (a.parentCode.equals(a.code) || Agency.findById(a.parentCode) == null) {
            throw ProblemException.unprocessable("UNKNOWN_PARENT_AGENCY", "parentCode",
                    "parentCode " + a.parentCode + " is not another existing agency");
        }
    }

    /** Admins manage every agency; a plan manager manages the agencies of its own agency's administrative unit. */
    private void requireManages(String unitCode) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        String own = caller.requireAgency();
        Agency mine = Agency.findById(own);
        if (!caller.hasRole(Roles.PLAN_MANAGER) || mine == null || !mine.unitCode.equals(unitCode)) {
            throw ProblemException.forbidden("NOT_YOUR_UNIT",
                    "Plan managers register and edit agencies of their own administrative unit only");
        }
    }
}
