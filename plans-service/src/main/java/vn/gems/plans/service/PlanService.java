package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.gems.common.http.ETags;
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
import vn.gems.plans.mapping.PlanMapper;
import vn.gems.plans.rest.Amendment;
import vn.gems.plans.rest.ClosePlan;
import vn.gems.plans.rest.IssuePlan;
import vn.gems.plans.rest.PlanDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plans: finding one, and the lifecycle (draft → issued → closed, amendments as new versions). Each write is one
 * transaction: the plan, its version, its indexes, its history and its outbox event commit together or not at all.
 * Reading lives in {@link PlanViews}, {@link PlanSearch} and {@link TargetDuties}; checks in {@link PlanValidator}
 * and {@link PlanReferenceCheck}.
 */
@ApplicationScoped
@Transactional
public class PlanService {

    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");

    private final PlanAccess access;
    private final PlanValidator validator;
    private final PlanMapper mapper;
    private final Caller caller;
    private final PlanReferenceCheck references;
    private final EntityManager em;

    public PlanService(PlanAccess access, PlanValidator validator, PlanMapper mapper, PlanReferenceCheck references,
                       Caller caller, EntityManager em) {
        this.access = access;
        this.validator = validator;
        this.mapper = mapper;
        this.references = references;
        this.caller = caller;
        this.em = em;
    }

    /** A plan by numeric id or code, if it exists and the caller may read it. */
    public Optional<Plan> find(String ref) {
        return resolve(ref).filter(access::canRead);
    }

    /** An issued or closed plan by id or code, for anyone. */
    public Optional<Plan> findPublished(String ref) {
        return resolve(ref).filter(Plan::published);
    }

    // ================================================================ writes

    public Plan create(PlanDocument doc) {
        requireOwns(doc);
        if (doc.code() != null && Plan.count("code", doc.code()) > 0) {
            throw ProblemException.conflict("PLAN_EXISTS", "A plan with code " + doc.code() + " already exists");
        }
        List<FieldError> errors = new ArrayList<>();
        PlanDocument checked = validator.structure(doc, Set.of(), errors);
        Long parentId = references.check(checked, null, errors);
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
            mapper.applyHeader(checked, p, references.parentIdOf(checked));
            p.updatedAt = Instant.now();
            PlanVersion.current(p).document = mapper.write(checked);
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
            PlanVersion v = PlanVersion.current(p);
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
        mapper.applyHeader(checked, p, references.parentIdOf(checked));
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

    private PlanDocument checkWhole(Plan p, PlanDocument doc, Set<String> earlierKeys) {
        List<FieldError> errors = new ArrayList<>();
        PlanDocument checked = validator.structure(doc, earlierKeys, errors);
        if (checked.code() != null && !checked.code().equals(p.code)) {
            errors.add(new FieldError("code", "CODE_IMMUTABLE", "a plan's code never changes (it is " + p.code + ")"));
        }
        references.check(checked, p, errors);
        validator.remote(checked, !Objects.equals(checked.unitCode(), p.unitCode), errors);
        if (!errors.isEmpty()) {
            throw PlanValidator.invalid(errors);
        }
        return checked;
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
