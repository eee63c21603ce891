package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import vn.gems.common.http.ETags;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.plans.Plan;
import vn.gems.plans.PlanEventType;
import vn.gems.plans.PlanHistory;
import vn.gems.plans.PlanOutboxEvent;
import vn.gems.plans.PlanParty;
import vn.gems.plans.PlanResponsibility;
import vn.gems.plans.PlanStatus;
import vn.gems.plans.PlanVersion;
import vn.gems.plans.SearchText;
import vn.gems.plans.mapping.PlanMapper;
import vn.gems.plans.rest.Amendment;
import vn.gems.plans.rest.ClosePlan;
import vn.gems.plans.rest.IssuePlan;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.Objective;
import vn.gems.plans.rest.PlanDiff;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.PlanEventView;
import vn.gems.plans.rest.PlanHistoryEntry;
import vn.gems.plans.rest.PlanSummary;
import vn.gems.plans.rest.PlanTree;
import vn.gems.plans.rest.PlanView;
import vn.gems.plans.rest.PublicPlanView;
import vn.gems.plans.rest.Target;
import vn.gems.plans.rest.TargetDuty;
import vn.gems.plans.rest.VersionInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans: search, the whole structure, versions and their differences, the plan tree, the lifecycle
 * (draft → issued → closed, amendments as new versions) and every agency's targets. Each write is one
 * transaction: the plan, its version, its indexes, its history and its outbox event commit together or not at all.
 */
@ApplicationScoped
@Transactional
public class PlanService {

    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final int MAX_DEPTH = 50;

    private final PlanAccess access;
    private final PlanValidator validator;
    private final PlanMapper mapper;
    private final AgencyService agencies;
    private final Caller caller;
    private final EntityManager em;

    public PlanService(PlanAccess access, PlanValidator validator, PlanMapper mapper, AgencyService agencies, Caller caller,
                       EntityManager em) {
        this.access = access;
        this.validator = validator;
        this.mapper = mapper;
        this.agencies = agencies;
        this.caller = caller;
        this.em = em;
    }

    // ================================================================ reads

    /** A plan by numeric id or code, if it exists and the caller may read it. */
    public Optional<Plan> find(String ref) {
        return resolve(ref).filter(access::canRead);
    }

    /** An issued or closed plan by id or code, for anyone. */
    public Optional<Plan> findPublished(String ref) {
        return resolve(ref).filter(Plan::published);
    }

    public PageView<PlanSummary> search(PlanQuery q, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        return search(q, paging, access.readableFilter(params), params);
    }

    public PageView<PlanSummary> searchPublished(PlanQuery q, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        params.put("published", List.of(PlanStatus.ISSUED, PlanStatus.CLOSED));
        return search(q, paging, "p.status in :published", params);
    }

    private PageView<PlanSummary> search(PlanQuery q, Paging paging, String visible, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(visible);
        if (q.unit() != null && !q.unit().isBlank()) {
            where.append(" and p.unitCode = :unit");
            params.put("unit", q.unit());
        }
        if (q.agency() != null && !q.agency().isBlank()) {
            where.append(" and exists (select 1 from PlanParty pa where pa.planId = p.id and pa.agencyCode = :agency)");
            params.put("agency", q.agency());
        }
        if (q.year() != null) {
            where.append(" and p.periodFrom <= :year and p.periodTo >= :year");
            params.put("year", q.year());
        }
        if (q.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", q.kind());
        }
        if (q.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", q.status());
        }
        if (q.parent() != null) {
            where.append(" and p.parentId = :parent");
            params.put("parent", q.parent());
        }
        List<String> terms = SearchText.terms(q.text());
        for (int i = 0; i < terms.size(); i++) {
            where.append(" and p.searchText like :t").append(i);
            params.put("t" + i, "%" + terms.get(i) + "%");
        }
        TypedQuery<Long> count = em.createQuery("select count(p) from Plan p" + where, Long.class);
        TypedQuery<Plan> list = em.createQuery("select p from Plan p" + where + " order by p.periodFrom desc, p.id desc", Plan.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        long offset = (long) paging.page() * paging.size();
        List<PlanSummary> items = offset > Integer.MAX_VALUE ? List.of()
                : list.setFirstResult((int) offset).setMaxResults(paging.size()).getResultList().stream()
                .map(p -> mapper.summary(p, null)).toList();
        return new PageView<>(items, count.getSingleResult(), paging.page(), paging.size());
    }

    public PlanView view(Plan p) {
        PlanVersion v = current(p);
        return mapper.view(p, v, mapper.read(v.document), children(p).stream().map(PlanMapper::child).toList());
    }

    public Optional<PlanView> version(Plan p, int number) {
        return PlanVersion.of(p.id, number)
                .map(v -> mapper.view(p, v, mapper.read(v.document), children(p).stream().map(PlanMapper::child).toList()));
    }

    public PlanSummary summary(Plan p) {
        return mapper.summary(p, PlanMapper.counts(mapper.read(current(p).document)));
    }

    public PublicPlanView publicView(Plan p) {
        return mapper.publicView(p, mapper.read(current(p).document));
    }

    public PlanDocument document(Plan p) {
        return mapper.read(current(p).document);
    }

    public List<VersionInfo> versions(Plan p) {
        return PlanVersion.<PlanVersion>list("planId = ?1 order by number", p.id).stream()
                .map(v -> PlanMapper.versionInfo(p, v)).toList();
    }

    public PlanDiff diff(Plan p, Integer from, Integer to) {
        int t = to == null ? p.currentVersion : to;
        int f = from == null ? Math.max(1, t - 1) : from;
        PlanVersion a = PlanVersion.of(p.id, f).orElseThrow(() -> ProblemException.notFound("Version", f + " of plan " + p.id));
        PlanVersion b = PlanVersion.of(p.id, t).orElseThrow(() -> ProblemException.notFound("Version", t + " of plan " + p.id));
        return new PlanDiff(p.id, f, t, PlanDiffer.diff(mapper.tree(mapper.read(a.document)), mapper.tree(mapper.read(b.document))));
    }

    public PlanTree tree(Plan p) {
        List<PlanSummary> ancestors = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(p.id));
        Long up = p.parentId;
        while (up != null && seen.add(up) && ancestors.size() < MAX_DEPTH) {
            Plan parent = Plan.findById(up);
            if (parent == null || !visible(parent)) {
                break;
            }
            ancestors.add(mapper.summary(parent, null));
            up = parent.parentId;
        }
        Collections.reverse(ancestors);
        return new PlanTree(ancestors, mapper.summary(p, null), children(p).stream().map(c -> mapper.summary(c, null)).toList());
    }

    public List<PlanHistoryEntry> history(Plan p) {
        return PlanHistory.<PlanHistory>list("planId = ?1 order by id", p.id).stream().map(PlanMapper::historyEntry).toList();
    }

    public List<PlanEventView> events(Plan p) {
        return PlanOutboxEvent.<PlanOutboxEvent>list("planId = ?1 order by id", p.id).stream().map(PlanMapper::eventView).toList();
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
            PlanDocument doc = docs.computeIfAbsent(first.planId, id -> mapper.read(current(p).document));
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

    // ================================================================ writes

    public Plan create(PlanDocument doc) {
        requireOwns(doc);
        if (doc.code() != null && Plan.count("code", doc.code()) > 0) {
            throw ProblemException.conflict("PLAN_EXISTS", "A plan with code " + doc.code() + " already exists");
        }
        List<FieldError> errors = new ArrayList<>();
        PlanDocument checked = validator.structure(doc, Set.of(), errors);
        Long parentId = checkReferences(checked, null, errors);
        validator.remote(checked, true, errors);
        if (!errors.isEmpty()) {
            throw PlanValidator.invalid(errors);
        }
        Plan p = new Plan();
        mapper.applyHeader(checked, p, parentId);
        p.status = PlanStatus.DRAFT;
        p.currentVersion = 1;
        p.createdBy = caller.username();
        p.persist();
        PlanVersion v = new PlanVersion();
        v.planId = p.id;
        v.number = 1;
        v.document = mapper.write(checked);
        v.createdAt = Instant.now();
        v.createdBy = p.createdBy;
        v.persist();
        reindex(p, checked);
        record(p, "CREATED", null);
        return p;
    }

    public Optional<Plan> update(String ref, String ifMatch, PlanDocument doc) {
        Optional<Plan> found = find(ref);
        found.ifPresent(p -> {
            access.requireEdit(p);
            ETags.requireMatch(ifMatch, p.revision);
            if (p.status != PlanStatus.DRAFT) {
                throw ProblemException.conflict("PLAN_NOT_DRAFT",
                        "Plan " + p.code + " is " + p.status + "; it changes only through an amendment (POST /api/plans/" + p.id + "/amendments)");
            }
            requireOwns(doc);
            PlanDocument checked = checkWhole(p, doc, Set.of());
            mapper.applyHeader(checked, p, parentIdOf(checked));
            p.updatedAt = Instant.now();
            current(p).document = mapper.write(checked);
            reindex(p, checked);
            record(p, "UPDATED", null);
        });
        return found;
    }

    public boolean delete(String ref, String ifMatch) {
        Optional<Plan> found = find(ref);
        if (found.isEmpty()) {
            return false;
        }
        Plan p = found.get();
        access.requireEdit(p);
        ETags.requireMatch(ifMatch, p.revision);
        if (p.status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("PLAN_NOT_DRAFT", "Only drafts can be deleted; close an issued plan instead");
        }
        if (Plan.count("parentId", p.id) > 0) {
            throw ProblemException.conflict("PLAN_HAS_CHILDREN", "Other plans implement " + p.code + "; remove or relink them first");
        }
        PlanParty.delete("planId", p.id);
        PlanResponsibility.delete("planId", p.id);
        PlanHistory.delete("planId", p.id);
        PlanVersion.delete("planId", p.id);
        p.delete();
        return true;
    }

    public Optional<Plan> issue(String ref, String ifMatch, IssuePlan in) {
        Optional<Plan> found = find(ref);
        found.ifPresent(p -> {
            access.requireEdit(p);
            ETags.requireMatch(ifMatch, p.revision);
            if (p.status != PlanStatus.DRAFT) {
                throw ProblemException.conflict("PLAN_NOT_DRAFT", "Plan " + p.code + " is already " + p.status);
            }
            if (p.parentId != null) {
                Plan parent = Plan.findById(p.parentId);
                if (parent != null && parent.status == PlanStatus.DRAFT) {
                    throw ProblemException.conflict("PARENT_NOT_ISSUED", "The plan this one implements (" + parent.code + ") is still a draft; issue it first");
                }
            }
            PlanVersion v = current(p);
            if (in != null && (in.documentNumber() != null || in.issueDate() != null)) {
                PlanDocument doc = mapper.read(v.document);
                doc = doc.withIssue(in.documentNumber() != null ? in.documentNumber() : doc.documentNumber(),
                        in.issueDate() != null ? in.issueDate() : doc.issueDate());
                if (doc.issueDate() != null && doc.issueDate().getYear() > doc.periodTo()) {
                    throw PlanValidator.invalid(List.of(new FieldError("issueDate", "YEAR_OUTSIDE_PERIOD",
                            "a plan cannot be issued after its period ends")));
                }
                v.document = mapper.write(doc);
                mapper.applyHeader(doc, p, p.parentId);
            }
            Instant now = Instant.now();
            p.status = PlanStatus.ISSUED;
            p.issuedAt = now;
            p.issuedBy = caller.username();
            p.updatedAt = now;
            v.issuedAt = now;
            v.issuedBy = p.issuedBy;
            record(p, "ISSUED", null);
            announce(p, PlanEventType.ISSUED);
        });
        return found;
    }

    /** Adds a version to an issued plan (it becomes the current one); the amended document is checked like a new one. */
    public Optional<Plan> amend(String ref, String ifMatch, Amendment in) {
        Optional<Plan> found = find(ref);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Plan p = found.get();
        access.requireEdit(p);
        ETags.requireMatch(ifMatch, p.revision);
        if (p.status == PlanStatus.DRAFT) {
            throw ProblemException.conflict("PLAN_NOT_ISSUED", "Plan " + p.code + " is a draft: edit it with PUT instead");
        }
        if (p.status == PlanStatus.CLOSED) {
            throw ProblemException.conflict("PLAN_CLOSED", "Plan " + p.code + " is closed and cannot be amended");
        }
        requireOwns(in.document());
        Set<String> earlierKeys = new HashSet<>();
        List<PlanVersion> all = PlanVersion.list("planId = ?1 order by number", p.id);
        all.forEach(v -> earlierKeys.addAll(PlanMapper.keys(mapper.read(v.document))));
        PlanDocument checked = checkWhole(p, in.document(), earlierKeys);
        PlanDocument before = mapper.read(all.get(all.size() - 1).document);
        if (mapper.tree(before).equals(mapper.tree(checked))) {
            throw ProblemException.unprocessable("NOTHING_CHANGED", "document", "The amended document is identical to version " + p.currentVersion);
        }
        Instant now = Instant.now();
        PlanVersion v = new PlanVersion();
        v.planId = p.id;
        v.number = p.currentVersion + 1;
        v.document = mapper.write(checked);
        v.createdAt = now;
        v.createdBy = caller.username();
        v.issuedAt = now;
        v.issuedBy = v.createdBy;
        v.reason = in.reason();
        v.reference = in.reference();
        v.persist();
        p.currentVersion = v.number;
        mapper.applyHeader(checked, p, parentIdOf(checked));
        p.updatedAt = now;
        reindex(p, checked);
        record(p, "AMENDED", in.reason());
        announce(p, PlanEventType.AMENDED);
        return Optional.of(p);
    }

    public Optional<Plan> close(String ref, String ifMatch, ClosePlan in) {
        Optional<Plan> found = find(ref);
        found.ifPresent(p -> {
            access.requireEdit(p);
            ETags.requireMatch(ifMatch, p.revision);
            if (p.status != PlanStatus.ISSUED) {
                throw ProblemException.conflict(p.status == PlanStatus.DRAFT ? "PLAN_NOT_ISSUED" : "PLAN_CLOSED",
                        "Only issued plans can be closed; plan " + p.code + " is " + p.status);
            }
            Instant now = Instant.now();
            p.status = PlanStatus.CLOSED;
            p.closedAt = now;
            p.closedBy = caller.username();
            p.updatedAt = now;
            record(p, "CLOSED", in == null ? null : in.reason());
            announce(p, PlanEventType.CLOSED);
        });
        return found;
    }

    // ================================================================ helpers

    /** A plan manager keeps plans within its own agency; a document naming neither agency fails validation instead. */
    private void requireOwns(PlanDocument doc) {
        if (doc.issuingAgency() != null || doc.leadAgency() != null) {
            access.requireOwns(doc);
        }
    }

    private Optional<Plan> resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        if (NUMERIC_ID.matcher(ref).matches()) {
            return Plan.findByIdOptional(Long.parseLong(ref));
        }
        return Plan.find("code", ref).firstResultOptional();
    }

    private PlanVersion current(Plan p) {
        return PlanVersion.of(p.id, p.currentVersion)
                .orElseThrow(() -> new IllegalStateException("plan " + p.id + " lacks its version " + p.currentVersion));
    }

    /** The plans that implement {@code p} that the caller may see. */
    private List<Plan> children(Plan p) {
        return Plan.<Plan>list("parentId = ?1 order by id", p.id).stream().filter(this::visible).toList();
    }

    /** Issued and closed plans are public; drafts are seen by whoever may read them. A plan may link to either. */
    private boolean visible(Plan p) {
        return p.published() || access.canRead(p);
    }

    private PlanDocument checkWhole(Plan p, PlanDocument doc, Set<String> earlierKeys) {
        List<FieldError> errors = new ArrayList<>();
        PlanDocument checked = validator.structure(doc, earlierKeys, errors);
        if (checked.code() != null && !checked.code().equals(p.code)) {
            errors.add(new FieldError("code", "CODE_IMMUTABLE", "a plan's code never changes (it is " + p.code + ")"));
        }
        checkReferences(checked, p, errors);
        validator.remote(checked, !Objects.equals(checked.unitCode(), p.unitCode), errors);
        if (!errors.isEmpty()) {
            throw PlanValidator.invalid(errors);
        }
        return checked;
    }

    /** Agencies and linked plans must exist (plans: and be visible); the parent must not make a loop. */
    private Long checkReferences(PlanDocument doc, Plan self, List<FieldError> errors) {
        Map<String, String> refs = PlanValidator.agencyReferences(doc);
        Set<String> known = agencies.existing(new LinkedHashSet<>(refs.values()));
        refs.forEach((path, code) -> {
            if (!known.contains(code)) {
                errors.add(new FieldError(path, "UNKNOWN_AGENCY", "agency " + code + " is not registered"));
            }
        });
        Long parentId = null;
        for (Map.Entry<String, String> ref : PlanValidator.planReferences(doc).entrySet()) {
            if (self != null && ref.getValue().equals(self.code)) {
                if (!ref.getKey().equals("parentPlan")) {
                    errors.add(new FieldError(ref.getKey(), "PARENT_IS_SELF", "a plan cannot rest on itself"));
                }
                continue;
            }
            Optional<Plan> target = Plan.<Plan>find("code", ref.getValue()).firstResultOptional().filter(this::visible);
            if (target.isEmpty()) {
                errors.add(new FieldError(ref.getKey(), "UNKNOWN_PLAN", "no plan with code " + ref.getValue() + " is known"));
                continue;
            }
            if (!ref.getKey().equals("parentPlan")) {
                continue;
            }
            Plan parent = target.get();
            parentId = parent.id;
            if (self != null && descendsFrom(parent, self.id)) {
                errors.add(new FieldError("parentPlan", "PARENT_CYCLE", "plan " + parent.code + " already implements this plan"));
            }
            if (doc.periodFrom() != null && doc.periodTo() != null
                    && (doc.periodFrom() < parent.periodFrom || doc.periodTo() > parent.periodTo)) {
                errors.add(new FieldError("parentPlan", "PERIOD_OUTSIDE_PARENT", "the period " + doc.periodFrom() + "-" + doc.periodTo()
                        + " is not within the parent plan's " + parent.periodFrom + "-" + parent.periodTo));
            }
        }
        return parentId;
    }

    private Long parentIdOf(PlanDocument doc) {
        return doc.parentPlan() == null ? null : Plan.<Plan>find("code", doc.parentPlan()).firstResultOptional().map(x -> x.id).orElse(null);
    }

    /** Whether {@code planId} is {@code start} or one of its ancestors. */
    private static boolean descendsFrom(Plan start, long planId) {
        Plan p = start;
        for (int depth = 0; p != null && depth < MAX_DEPTH; depth++) {
            if (p.id == planId) {
                return true;
            }
            p = p.parentId == null ? null : Plan.findById(p.parentId);
        }
        return false;
    }

    private void reindex(Plan p, PlanDocument doc) {
        PlanParty.delete("planId", p.id);
        PlanResponsibility.delete("planId", p.id);
        em.flush();
        PlanMapper.parties(doc).forEach((agency, roles) -> roles.forEach(r -> new PlanParty(p.id, agency, r).persist()));
        PlanMapper.responsibilities(p.id, doc).forEach(r -> r.persist());
    }

    private void record(Plan p, String action, String detail) {
        em.flush();
        PlanHistory h = new PlanHistory();
        h.planId = p.id;
        h.at = Instant.now();
        h.actor = caller.username();
        h.action = action;
        h.version = p.currentVersion;
        h.revision = p.revision;
        h.detail = detail;
        h.persist();
    }

    /** Queues the event for reporting-service in this transaction (the outbox relay delivers it). */
    private void announce(Plan p, PlanEventType event) {
        PlanOutboxEvent e = new PlanOutboxEvent();
        e.planId = p.id;
        e.planVersion = p.currentVersion;
        e.event = event;
        e.idemKey = PlanOutboxEvent.keyOf(p.id, p.currentVersion, event);
        e.occurredAt = Instant.now();
        e.nextAttemptAt = e.occurredAt;
        e.persist();
    }
}
