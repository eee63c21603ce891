package vn.gems.plans.service;

import vn.gems.plans.rest.Assignment;
import vn.gems.plans.rest.ContentArea;
import vn.gems.plans.rest.LegalBasis;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.ReportingRule;
import vn.gems.plans.rest.ResponsibleAgency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan document refers to in this service's data, by the JSON path that names it: agency codes and plan
 * codes, checked by {@link PlanService} against the registry.
 */
final class PlanReferences {

    private PlanReferences() {
    }

    /** Every agency code the document names, by the path that names it. */
    static Map<String, String> agencies(PlanDocument doc) {
        Map<String, String> refs = new LinkedHashMap<>();
        put(refs, "issuingAgency", doc.issuingAgency());
        put(refs, "leadAgency", doc.leadAgency());
        PlanWalk.measures(doc, (at, m) -> {
            for (int r = 0; m.responsibleAgencies() != null && r < m.responsibleAgencies().size(); r++) {
                ResponsibleAgency ra = m.responsibleAgencies().get(r);
                if (ra != null) {
                    put(refs, at + ".responsibleAgencies[" + r + "].agency", ra.agency());
                }
            }
        });
        for (int i = 0; i < doc.contentAreas().size(); i++) {
            ContentArea c = doc.contentAreas().get(i);
            if (c == null) {
                continue;
            }
            list(refs, "contentAreas[" + i + "].leadAgencies", c.leadAgencies());
            list(refs, "contentAreas[" + i + "].cooperatingAgencies", c.cooperatingAgencies());
        }
        for (int i = 0; i < doc.assignments().size(); i++) {
            Assignment a = doc.assignments().get(i);
            if (a != null) {
                list(refs, "assignments[" + i + "].agencies", a.agencies());
            }
        }
        for (int i = 0; i < doc.reportingRules().size(); i++) {
            ReportingRule r = doc.reportingRules().get(i);
            if (r == null) {
                continue;
            }
            if (r.submitters() != null) {
                list(refs, "reportingRules[" + i + "].submitters.agencies", r.submitters().agencies());
                list(refs, "reportingRules[" + i + "].submitters.invited", r.submitters().invited());
                put(refs, "reportingRules[" + i + "].submitters.body", r.submitters().body());
            }
            put(refs, "reportingRules[" + i + "].receivingAgency", r.receivingAgency());
            list(refs, "reportingRules[" + i + "].copyTo", r.copyTo());
        }
        return refs;
    }

    /** Every plan code the document links to, by path. */
    static Map<String, String> plans(PlanDocument doc) {
        Map<String, String> refs = new LinkedHashMap<>();
        put(refs, "parentPlan", doc.parentPlan());
        for (int i = 0; i < doc.legalBases().size(); i++) {
            LegalBasis b = doc.legalBases().get(i);
            if (b != null) {
                put(refs, "legalBases[" + i + "].planCode", b.planCode());
            }
        }
        return refs;
    }

    private static void put(Map<String, String> refs, String at, String code) {
        if (code != null && !code.isBlank()) {
            refs.put(at, code);
        }
    }

    private static void list(Map<String, String> refs, String at, List<String> codes) {
        for (int i = 0; i < codes.size(); i++) {
            put(refs, at + "[" + i + "]", codes.get(i));
        }
    }

}
