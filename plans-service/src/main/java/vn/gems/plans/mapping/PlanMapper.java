package vn.gems.plans.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.contracts.plans.AssignmentRole;
import vn.gems.plans.Plan;
import vn.gems.plans.PlanHistory;
import vn.gems.plans.PlanOutboxEvent;
import vn.gems.plans.PlanParty;
import vn.gems.plans.PlanResponsibility;
import vn.gems.plans.PlanVersion;
import vn.gems.plans.SearchText;
import vn.gems.plans.rest.Assignment;
import vn.gems.plans.rest.ContentArea;
import vn.gems.plans.rest.DeadLetteredPlanEvent;
import vn.gems.plans.rest.Measure;
import vn.gems.plans.rest.Objective;
import vn.gems.plans.rest.PlanDocument;
import vn.gems.plans.rest.PlanEventView;
import vn.gems.plans.rest.PlanHistoryEntry;
import vn.gems.plans.rest.PlanSummary;
import vn.gems.plans.rest.PlanView;
import vn.gems.plans.rest.PublicPlanView;
import vn.gems.plans.rest.ReportingRule;
import vn.gems.plans.rest.ResponsibleAgency;
import vn.gems.plans.rest.Target;
import vn.gems.plans.rest.VersionInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plan entities ⇄ the plan document and API records, and the indexes derived from a document, in one place. */
@ApplicationScoped
public class PlanMapper {

    /** Longest folded search text kept per plan. */
    static final int SEARCH_TEXT_MAX = 60_000;

    private final ObjectMapper json;

    public PlanMapper(ObjectMapper json) {
        this.json = json;
    }

    public String write(PlanDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan document not serialisable", e);
        }
    }

    public PlanDocument read(String document) {
        try {
            return json.readValue(document, PlanDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan document unreadable", e);
        }
    }

    public JsonNode tree(PlanDocument doc) {
        return json.valueToTree(doc);
    }

    /** Copies the header fields the table holds (for lists, search and authorization). */
    public void applyHeader(PlanDocument doc, Plan plan, Long parentId) {
        plan.code = doc.code();
        plan.documentNumber = doc.documentNumber();
        plan.title = doc.title();
        plan.kind = doc.kind();
        plan.issuingAgency = doc.issuingAgency();
        plan.leadAgency = doc.leadAgency();
        plan.unitCode = doc.unitCode();
        plan.issueDate = doc.issueDate();
        plan.periodFrom = doc.periodFrom();
        plan.periodTo = doc.periodTo();
        plan.parentId = parentId;
        plan.searchText = searchText(doc);
    }

    /** What free-text search looks through: number, code, titles, objectives, targets and content areas. */
    public String searchText(PlanDocument doc) {
        List<String> texts = new ArrayList<>();
        texts.add(doc.code());
        texts.add(doc.documentNumber());
        texts.add(doc.title());
        texts.add(doc.titleEn());
        texts.add(doc.generalObjective());
        for (Objective o : doc.objectives()) {
            texts.add(o.title());
            texts.add(o.titleEn());
            for (Target t : o.targets()) {
                texts.add(t.text());
                texts.add(t.textEn());
            }
        }
        doc.contentAreas().forEach(c -> texts.add(c.title()));
        texts.removeIf(t -> t == null);
        return SearchText.fold(texts, SEARCH_TEXT_MAX);
    }

    public PlanSummary summary(Plan p, PlanSummary.Counts counts) {
        return new PlanSummary(p.id, p.code, p.documentNumber, p.title, p.kind, p.status, p.issuingAgency, p.leadAgency,
                p.unitCode, p.issueDate, p.periodFrom, p.periodTo, p.parentId, p.currentVersion, p.issuedAt, counts);
    }

    public static PlanSummary.Counts counts(PlanDocument doc) {
        int targets = 0;
        int measures = 0;
        for (Objective o : doc.objectives()) {
            targets += o.targets().size();
            for (Target t : o.targets()) {
                measures += t.measures().size();
            }
        }
        return new PlanSummary.Counts(doc.objectives().size(), targets, measures, doc.contentAreas().size(),
                doc.assignments().size(), doc.reportingRules().size());
    }

    public PlanView view(Plan p, PlanVersion v, PlanDocument doc, List<PlanView.ChildPlan> children) {
        return new PlanView(p.id, v.number, p.status, v.number == p.currentVersion, p.revision, p.issuedAt, p.closedAt,
                p.parentId, assignedAgencies(doc), children, doc);
    }

    public PublicPlanView publicView(Plan p, PlanDocument doc) {
        return new PublicPlanView(p.id, p.currentVersion, p.status, p.issuedAt, p.closedAt, p.parentId, doc.published());
    }

    public static PlanView.ChildPlan child(Plan c) {
        return new PlanView.ChildPlan(c.id, c.code, c.status, c.issuingAgency, c.leadAgency, c.unitCode, c.periodFrom, c.periodTo);
    }

    public static VersionInfo versionInfo(Plan p, PlanVersion v) {
        return new VersionInfo(v.number, v.number == p.currentVersion, v.createdAt, v.createdBy, v.issuedAt, v.issuedBy,
                v.reason, v.reference);
    }

    public static PlanHistoryEntry historyEntry(PlanHistory h) {
        return new PlanHistoryEntry(h.at, h.actor, h.action, h.version, h.revision, h.detail);
    }

    public static PlanEventView eventView(PlanOutboxEvent e) {
        return new PlanEventView(e.idemKey, e.event, e.planVersion, e.occurredAt, e.status, "DELIVERED".equals(e.status),
                e.deliveredAt, e.attempts, e.lastStatus, e.lastErrorCode, e.lastError);
    }

    public static DeadLetteredPlanEvent deadLettered(PlanOutboxEvent e) {
        return new DeadLetteredPlanEvent(e.id, e.planId, e.idemKey, e.event, e.planVersion, e.occurredAt, e.attempts, e.lastStatus,
                e.lastErrorCode, e.lastError);
    }

    /**
     * Every agency the plan makes responsible (ALL_ASSIGNED): RESPONSIBLE assignments, then every measure's responsible
     * agencies. Requested and co-operating bodies are left out: they are invited or do not report.
     */
    public static List<String> assignedAgencies(PlanDocument doc) {
        Set<String> out = new LinkedHashSet<>();
        doc.assignments().stream().filter(a -> a.role() == null || a.role() == AssignmentRole.RESPONSIBLE).forEach(a -> out.addAll(a.agencies()));
        for (Objective o : doc.objectives()) {
            for (Target t : o.targets()) {
                for (Measure m : t.measures()) {
                    m.responsibleAgencies().forEach(r -> out.add(r.agency()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every agency the document names, with its roles. */
    public static Map<String, Set<PlanParty.Role>> parties(PlanDocument doc) {
        Map<String, Set<PlanParty.Role>> out = new LinkedHashMap<>();
        add(out, doc.issuingAgency(), PlanParty.Role.ISSUER);
        add(out, doc.leadAgency(), PlanParty.Role.LEAD);
        for (Objective o : doc.objectives()) {
            for (Target t : o.targets()) {
                for (Measure m : t.measures()) {
                    for (ResponsibleAgency r : m.responsibleAgencies()) {
                        add(out, r.agency(), PlanParty.Role.RESPONSIBLE);
                    }
                }
            }
        }
        for (Assignment a : doc.assignments()) {
            a.agencies().forEach(c -> add(out, c, PlanParty.Role.ASSIGNED));
        }
        for (ContentArea c : doc.contentAreas()) {
            c.leadAgencies().forEach(x -> add(out, x, PlanParty.Role.CONTENT_LEAD));
            c.cooperatingAgencies().forEach(x -> add(out, x, PlanParty.Role.CONTENT_COOPERATING));
        }
        for (ReportingRule r : doc.reportingRules()) {
            r.submitters().agencies().forEach(x -> add(out, x, PlanParty.Role.SUBMITTER));
            add(out, r.receivingAgency(), PlanParty.Role.RECEIVER);
            r.copyTo().forEach(x -> add(out, x, PlanParty.Role.COPY_TO));
        }
        return out;
    }

    public static List<PlanResponsibility> responsibilities(long planId, PlanDocument doc) {
        List<PlanResponsibility> out = new ArrayList<>();
        for (Objective o : doc.objectives()) {
            for (Target t : o.targets()) {
                for (Measure m : t.measures()) {
                    Set<String> seen = new LinkedHashSet<>();
                    for (ResponsibleAgency r : m.responsibleAgencies()) {
                        if (seen.add(r.agency())) {
                            PlanResponsibility row = new PlanResponsibility();
                            row.planId = planId;
                            row.objectiveKey = o.key();
                            row.targetKey = t.key();
                            row.measureKey = m.key();
                            row.agencyCode = r.agency();
                            row.scope = r.scope();
                            row.indicatorCode = m.indicatorCode();
                            out.add(row);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every structural key the document uses. */
    public static Set<String> keys(PlanDocument doc) {
        Set<String> out = new LinkedHashSet<>();
        for (Objective o : doc.objectives()) {
            out.add(o.key());
            for (Target t : o.targets()) {
                out.add(t.key());
                t.measures().forEach(m -> out.add(m.key()));
            }
        }
        doc.contentAreas().forEach(c -> out.add(c.key()));
        doc.assignments().forEach(a -> out.add(a.key()));
        doc.reportingRules().forEach(r -> out.add(r.key()));
        out.remove(null);
        return out;
    }

    private static void add(Map<String, Set<PlanParty.Role>> out, String agency, PlanParty.Role role) {
        if (agency != null && !agency.isBlank()) {
            out.computeIfAbsent(agency, k -> new LinkedHashSet<>()).add(role);
        }
    }
}
