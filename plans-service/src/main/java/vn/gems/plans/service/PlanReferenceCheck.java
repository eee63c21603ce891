package vn.gems.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.problem.FieldError;
import vn.gems.plans.Agency;
import vn.gems.plans.AgencyKind;
import vn.gems.plans.Plan;
import vn.gems.plans.rest.ReportingRule;
import vn.gems.plans.rest.PlanDocument;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The second layer of plan checks: what a document names in this service's data. Agencies must be registered,
 * linked plans must exist and be visible to the caller, and a parent must not make a loop or lie outside the
 * period of the plan it parents.
 */
@ApplicationScoped
public class PlanReferenceCheck {

    private static final int MAX_DEPTH = 50;

    private final PlanAccess access;
    private final AgencyService agencies;

    public PlanReferenceCheck(PlanAccess access, AgencyService agencies) {
        this.access = access;
        this.agencies = agencies;
    }

    /** Agencies and linked plans must exist (plans: and be visible); the parent must not make a loop. */
    Long check(PlanDocument doc, Plan self, List<FieldError> errors) {
        Map<String, String> refs = PlanReferences.agencies(doc);
        Set<String> known = agencies.existing(new LinkedHashSet<>(refs.values()));
        refs.forEach((path, code) -> {
            if (!known.contains(code)) {
                errors.add(new FieldError(path, "UNKNOWN_AGENCY", "agency " + code + " is not registered"));
            }
        });
        checkBodies(doc, known, errors);
        Long parentId = null;
        for (Map.Entry<String, String> ref : PlanReferences.plans(doc).entrySet()) {
            if (self != null && ref.getValue().equals(self.code)) {
                if (!ref.getKey().equals("parentPlan")) {
                    errors.add(new FieldError(ref.getKey(), "PARENT_IS_SELF", "a plan cannot rest on itself"));
                }
                continue;
            }
            Optional<Plan> target = Plan.<Plan>find("code", ref.getValue()).firstResultOptional().filter(access::canSee);
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

    /** A BODY_MEMBERS rule names a body with dated members: an agency of kind COMMITTEE. */
    private static void checkBodies(PlanDocument doc, Set<String> known, List<FieldError> errors) {
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            String body = r == null || r.submitters() == null ? null : r.submitters().body();
            if (body == null || !known.contains(body)) {
                continue;
            }
            Agency a = Agency.findById(body);
            if (a != null && a.kind != AgencyKind.COMMITTEE) {
                errors.add(new FieldError("reportingRules[" + i + "].submitters.body", "NOT_A_BODY",
                        "agency " + body + " is a " + a.kind + ", not a body with members (kind COMMITTEE)"));
            }
        }
    }

    Long parentIdOf(PlanDocument doc) {
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
}
