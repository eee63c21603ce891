package vn.gems.reporting.mapping;

import vn.gems.contracts.plans.Assignment;
import vn.gems.contracts.plans.AssignmentRole;
import vn.gems.contracts.plans.ChildPlan;
import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.Measure;
import vn.gems.contracts.plans.Objective;
import vn.gems.contracts.plans.Plan;
import vn.gems.contracts.plans.ReportingRule;
import vn.gems.contracts.plans.ResponsibleAgency;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.SubmitterMode;
import vn.gems.contracts.plans.Submitters;
import vn.gems.contracts.plans.Target;
import vn.gems.reporting.PlanModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns plans-service's plan document ({@link Plan}, README "Service-to-service contracts") into this service's
 * {@link PlanModel}. Keys plans-service always assigns are derived the same way when absent (O1, O1-T1, O1-T1-M1, R1),
 * and a figure, kind or coverage this service does not know yet falls back to the plainest reading (VALUE, AD_HOC,
 * RESPONSIBLE_TARGETS).
 */
public final class PlanReader {

    private PlanReader() {
    }

    public static PlanModel read(Plan doc, long fallbackId, int fallbackVersion) {
        List<PlanModel.Objective> objectives = new ArrayList<>();
        for (int i = 0; i < doc.objectives().size(); i++) {
            objectives.add(objective(doc.objectives().get(i), i + 1));
        }
        List<PlanModel.Rule> rules = new ArrayList<>();
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            rules.add(rule(doc.reportingRules().get(i), i + 1));
        }
        // Requested bodies (Đề nghị) are invited; co-operating ones (Phối hợp) feed the responsible agency and report to no one.
        Set<String> assigned = new LinkedHashSet<>(codes(doc.assignedAgencies()));
        Set<String> requested = new LinkedHashSet<>();
        for (Assignment a : doc.assignments()) {
            if (a.roleOrDefault() == AssignmentRole.RESPONSIBLE) {
                assigned.addAll(codes(a.agencies()));
            } else if (a.roleOrDefault() == AssignmentRole.REQUESTED) {
                requested.addAll(codes(a.agencies()));
            }
        }
        List<PlanModel.ChildPlan> children = new ArrayList<>();
        for (ChildPlan c : doc.childPlans()) {
            children.add(new PlanModel.ChildPlan(c.id(), c.code(), c.status(), c.issuingAgency(), c.leadAgency(), c.unitCode()));
        }
        return new PlanModel(doc.id() != null ? doc.id() : fallbackId, doc.version() != null ? doc.version() : fallbackVersion,
                blankToNull(doc.status()), blankToNull(doc.code()),
                doc.documentNumber() != null && !doc.documentNumber().isBlank() ? doc.documentNumber() : blankToNull(doc.code()),
                blankToNull(doc.title()), blankToNull(doc.issuingAgency()), blankToNull(doc.leadAgency()),
                blankToNull(doc.unitCode()), doc.parentPlanId(), doc.periodFrom(), doc.periodTo(), objectives, rules,
                List.copyOf(assigned), children, List.copyOf(requested));
    }

    private static PlanModel.Objective objective(Objective o, int index) {
        String key = o.key() != null ? o.key() : "O" + index;
        List<PlanModel.Target> targets = new ArrayList<>();
        for (int i = 0; i < o.targets().size(); i++) {
            targets.add(target(o.targets().get(i), key, i + 1));
        }
        return new PlanModel.Objective(key, blankToNull(o.label()), blankToNull(o.title()), targets);
    }

    private static PlanModel.Target target(Target t, String objectiveKey, int index) {
        String key = t.key() != null ? t.key() : objectiveKey + "-T" + index;
        List<PlanModel.Measure> measures = new ArrayList<>();
        for (int i = 0; i < t.measures().size(); i++) {
            measures.add(measure(t.measures().get(i), key, i + 1));
        }
        return new PlanModel.Target(key, blankToNull(t.label()), blankToNull(t.text()), measures);
    }

    private static PlanModel.Measure measure(Measure m, String targetKey, int index) {
        List<PlanModel.Responsible> responsible = new ArrayList<>();
        for (ResponsibleAgency r : m.responsibleAgencies()) {
            if (r != null && blankToNull(r.agency()) != null) {
                responsible.add(new PlanModel.Responsible(r.agency().trim(), r.scope()));
            }
        }
        return new PlanModel.Measure(m.key() != null ? m.key() : targetKey + "-M" + index, blankToNull(m.indicatorCode()),
                Objects.requireNonNullElse(m.figure(), Figure.VALUE), m.comparator(), m.baselineValue(), m.baselineYear(),
                m.targetValue(), m.targetYear(), m.fromYear(), new LinkedHashMap<>(m.dimensions()), responsible);
    }

    private static PlanModel.Rule rule(ReportingRule r, int index) {
        Submitters submitters = r.submitters();
        SubmitterMode mode = submitters == null || submitters.mode() == null ? SubmitterMode.EXPLICIT : submitters.mode();
        List<String> agencies = submitters == null ? List.of() : codes(submitters.agencies());
        List<String> invited = submitters == null ? List.of() : codes(submitters.invited());
        return new PlanModel.Rule(r.key() != null ? r.key() : "R" + index, Objects.requireNonNullElse(r.kind(), RuleKind.AD_HOC),
                r.dueDay(), r.dueMonth(), r.dueYear(), r.fromYear(), r.toYear(), mode, agencies, blankToNull(r.receivingAgency()),
                Objects.requireNonNullElse(r.coverage(), Coverage.RESPONSIBLE_TARGETS), List.copyOf(new LinkedHashSet<>(codes(r.consolidates()))),
                blankToNull(r.title()), submitters == null ? null : blankToNull(submitters.unit()),
                submitters == null ? null : blankToNull(submitters.level()), submitters == null ? null : blankToNull(submitters.body()), invited);
    }

    /** Agency codes as listed, trimmed, blanks left out. */
    private static List<String> codes(List<String> listed) {
        List<String> codes = new ArrayList<>();
        for (String c : listed) {
            String code = blankToNull(c);
            if (code != null) {
                codes.add(code.trim());
            }
        }
        return codes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
