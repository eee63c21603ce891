package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.ProblemException;
import vn.gems.plans.Plan;
import vn.gems.plans.PlanHistory;
import vn.gems.plans.PlanOutboxEvent;
import vn.gems.plans.PlanVersion;
import vn.gems.plans.mapping.PlanMapper;
import vn.gems.plans.rest.PlanDiff;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.PlanEventView;
import vn.gems.plans.rest.PlanHistoryEntry;
import vn.gems.plans.rest.PlanSummary;
import vn.gems.plans.rest.PlanTree;
import vn.gems.plans.rest.PlanView;
import vn.gems.plans.rest.PublicPlanView;
import vn.gems.plans.rest.VersionInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan the caller may read looks like: the whole structure, a version, the differences between two, the plan
 * tree (ancestors and the plans implementing it, as far as the caller may see them), its history and its events.
 */
@ApplicationScoped
@Transactional
public class PlanViews {

    private static final int MAX_DEPTH = 50;

    private final PlanAccess access;
    private final PlanMapper mapper;

    public PlanViews(PlanAccess access, PlanMapper mapper) {
        this.access = access;
        this.mapper = mapper;
    }

    public PlanView view(Plan p) {
        PlanVersion v = PlanVersion.current(p);
        return mapper.view(p, v, mapper.read(v.document), children(p).stream().map(PlanMapper::child).toList());
    }

    public Optional<PlanView> version(Plan p, int number) {
        return PlanVersion.of(p.id, number)
                .map(v -> mapper.view(p, v, mapper.read(v.document), children(p).stream().map(PlanMapper::child).toList()));
    }

    public PlanSummary summary(Plan p) {
        return mapper.summary(p, PlanMapper.counts(mapper.read(PlanVersion.current(p).document)));
    }

    public PublicPlanView publicView(Plan p) {
        return mapper.publicView(p, mapper.read(PlanVersion.current(p).document));
    }

    public PlanDocument document(Plan p) {
        return mapper.read(PlanVersion.current(p).document);
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
            if (parent == null || !access.canSee(parent)) {
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

    /** The plans that implement {@code p} that the caller may see. */
    private List<Plan> children(Plan p) {
        return Plan.<Plan>list("parentId = ?1 order by id", p.id).stream().filter(access::canSee).toList();
    }
}
