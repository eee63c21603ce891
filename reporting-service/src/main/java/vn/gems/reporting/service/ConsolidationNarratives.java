package vn.gems.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportVersion;
import vn.gems.reporting.mapping.ContentCodec;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.ReportContent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The narrative part of a consolidation: the accepted version of every report, its sections and activities grouped
 * by the plan's objectives (the rest under "general"), agency by agency; one query for all versions.
 */
@ApplicationScoped
public class ConsolidationNarratives {

    private final ContentCodec codec;
    private final EntityManager em;

    public ConsolidationNarratives(ContentCodec codec, EntityManager em) {
        this.codec = codec;
        this.em = em;
    }

    List<ConsolidationView.NarrativeBlock> of(PlanModel plan, List<Obligation> obligations, Map<Long, Report> reports,
                                                              Map<String, String> names) {
        Map<Long, Obligation> byReport = new HashMap<>();
        List<Long> accepted = new ArrayList<>();
        for (Obligation o : obligations) {
            Report r = reports.get(o.id);
            if (r != null && r.acceptedVersionNo != null) {
                byReport.put(r.id, o);
                accepted.add(r.id);
            }
        }
        Map<String, Map<String, ConsolidationView.AgencyNarrative>> grouped = new LinkedHashMap<>();
        plan.objectives().forEach(o -> grouped.put(o.key(), new TreeMap<>()));
        grouped.put("", new TreeMap<>());
        if (!accepted.isEmpty()) {
            List<ReportVersion> versions = em.createQuery("select v from ReportVersion v, Report r where r.id = v.reportId "
                    + "and v.number = r.acceptedVersionNo and r.id in :ids order by v.reportId", ReportVersion.class)
                    .setParameter("ids", accepted).getResultList();
            for (ReportVersion v : versions) {
                Obligation o = byReport.get(v.reportId);
                ReportContent content = codec.content(v.content);
                Map<String, List<ReportContent.Section>> sections = new LinkedHashMap<>();
                Map<String, List<ReportContent.Activity>> activities = new LinkedHashMap<>();
                for (ReportContent.Section s : content.sections()) {
                    sections.computeIfAbsent(objectiveOf(grouped, s.objectiveKey()), k -> new ArrayList<>()).add(s);
                }
                for (ReportContent.Activity a : content.activities()) {
                    activities.computeIfAbsent(objectiveOf(grouped, a.objectiveKey()), k -> new ArrayList<>()).add(a);
                }
                Set<String> keys = new LinkedHashSet<>(sections.keySet());
                keys.addAll(activities.keySet());
                for (String k : keys) {
                    grouped.get(k).put(o.agency + "#" + v.reportId, new ConsolidationView.AgencyNarrative(o.agency, names.get(o.agency), v.reportId,
                            v.number, sections.getOrDefault(k, List.of()), activities.getOrDefault(k, List.of())));
                }
            }
        }
        List<ConsolidationView.NarrativeBlock> blocks = new ArrayList<>();
        for (Map.Entry<String, Map<String, ConsolidationView.AgencyNarrative>> e : grouped.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            String title = e.getKey().isEmpty() ? "Chung (general)" : plan.objective(e.getKey()).map(PlanModel.Objective::title).orElse(e.getKey());
            blocks.add(new ConsolidationView.NarrativeBlock(e.getKey().isEmpty() ? null : e.getKey(), title, List.copyOf(e.getValue().values())));
        }
        return blocks;
    }

    private static String objectiveOf(Map<String, ?> known, String key) {
        return key != null && known.containsKey(key) ? key : "";
    }
}
