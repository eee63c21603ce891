package vn.gems.plans.service;

import vn.gems.common.problem.FieldError;
import vn.gems.plans.rest.Assignment;
import vn.gems.plans.rest.ContentArea;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.Objective;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ReportingRule;
import vn.gems.plans.rest.Target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Key assignment and defaults: every item of a stored plan has a key (given ones kept, duplicates flagged, the
 * next free one handed out otherwise, never one an earlier version used) and its years filled from the period.
 */
final class PlanKeys {

    private PlanKeys() {
    }

    /**
     * Keeps every given key, flags duplicates, and gives keyless items the next free key of their kind:
     * O{n}; {objective}-T{n}; {target}-M{n}; C{n}; A{n}; R{n}.
     */
    static PlanDocument withKeys(PlanDocument doc, Set<String> earlierKeys, List<FieldError> errors) {
        Map<String, String> firstUse = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(earlierKeys);
        PlanWalk.walk(doc, new PlanWalk.Visitor() {
            @Override
            public void objective(String at, Objective o) {
                claim(o.key(), at + ".key", firstUse, used, errors);
            }

            @Override
            public void target(String at, Target t) {
                claim(t.key(), at + ".key", firstUse, used, errors);
            }

            @Override
            public void measure(String at, Measure m) {
                claim(m.key(), at + ".key", firstUse, used, errors);
            }
        });
        for (int i = 0; i < doc.contentAreas().size(); i++) {
            ContentArea c = doc.contentAreas().get(i);
            if (c != null) {
                claim(c.key(), "contentAreas[" + i + "].key", firstUse, used, errors);
            }
        }
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            if (a != null) {
                claim(a.key(), "assignments[" + i + "].key", firstUse, used, errors);
            }
        }
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            if (r != null) {
                claim(r.key(), "reportingRules[" + i + "].key", firstUse, used, errors);
            }
        }

        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < doc.objectives().size(); i++) {
            Objective o = doc.objectives().get(i);
            if (o == null) {
                objectives.add(null);
                continue;
            }
            String ok = o.key() != null ? o.key() : next("O", i + 1, used);
            List<Target> targets = new ArrayList<>();
            for (int j = 0; j < o.targets().size(); j++) {
                Target t = o.targets().get(j);
                if (t == null) {
                    targets.add(null);
                    continue;
                }
                String tk = t.key() != null ? t.key() : next(ok + "-T", j + 1, used);
                List<Measure> measures = null;
                if (t.measures() != null) {
                    measures = new ArrayList<>();
                    for (int k = 0; k < t.measures().size(); k++) {
                        Measure m = t.measures().get(k);
                        measures.add(m == null || m.key() != null ? m : m.withKey(next(tk + "-M", k + 1, used)));
                    }
                }
                targets.add(t.withKeys(tk, measures));
            }
            objectives.add(o.withKeys(ok, targets));
        }
        List<ContentArea> areas = new ArrayList<>();
        for (int i = 0; i < doc.contentAreas().size(); i++) {
            ContentArea c = doc.contentAreas().get(i);
            areas.add(c == null || c.key() != null ? c : c.withKey(next("C", i + 1, used)));
        }
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            assignments.add(a == null || a.key() != null ? a : a.withKey(next("A", i + 1, used)));
        }
        List<ReportingRule> rules = new ArrayList<>();
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            rules.add(r == null || r.key() != null ? r : r.withKey(next("R", i + 1, used)));
        }
        return doc.withStructure(objectives, areas, assignments, rules);
    }

    private static void claim(String key, String at, Map<String, String> firstUse, Set<String> used, List<FieldError> errors) {
        if (key == null) {
            return;
        }
        String earlier = firstUse.putIfAbsent(key, at);
        if (earlier != null) {
            errors.add(new FieldError(at, "DUPLICATE_KEY", "key " + key + " is already used at " + earlier.replace(".key", "")));
        }
        used.add(key);
    }

    private static String next(String prefix, int from, Set<String> used) {
        int n = from;
        while (used.contains(prefix + n)) {
            n++;
        }
        String key = prefix + n;
        used.add(key);
        return key;
    }

    /** A measure without a year targets the end of the period; a recurring rule without years runs the whole period. */
    static PlanDocument withDefaults(PlanDocument doc) {
        if (doc.periodFrom() == null || doc.periodTo() == null) {
            return doc;
        }
        List<Objective> objectives = new ArrayList<>();
        for (Objective o : doc.objectives()) {
            if (o == null) {
                objectives.add(null);
                continue;
            }
            List<Target> targets = new ArrayList<>();
            for (Target t : o.targets()) {
                if (t == null || t.measures() == null) {
                    targets.add(t);
                    continue;
                }
                List<Measure> measures = new ArrayList<>();
                for (Measure m : t.measures()) {
                    measures.add(m == null || m.targetYear() != null || m.fromYear() != null ? m : m.withTargetYear(doc.periodTo()));
                }
                targets.add(t.withKeys(t.key(), measures));
            }
            objectives.add(o.withKeys(o.key(), targets));
        }
        List<ReportingRule> rules = new ArrayList<>();
        for (ReportingRule r : doc.reportingRules()) {
            boolean ranged = r != null && r.kind() != null && !r.kind().oneOff() && r.dueYear() == null;
            rules.add(!ranged || (r.fromYear() != null && r.toYear() != null) ? r
                    : r.withYears(r.fromYear() != null ? r.fromYear() : doc.periodFrom(), r.toYear() != null ? r.toYear() : doc.periodTo()));
        }
        return doc.withStructure(objectives, doc.contentAreas(), doc.assignments(), rules);
    }

}
