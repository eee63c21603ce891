package vn.gems.reporting.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import vn.gems.reporting.Comparator;
import vn.gems.reporting.Coverage;
import vn.gems.reporting.Figure;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.RuleKind;
import vn.gems.reporting.SubmitterMode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads plans-service's plan document (README "Service-to-service contracts") into a {@link PlanModel}.
 * It reads only the fields the contract names and ignores the rest, so plans-service may add fields freely.
 */
public final class PlanReader {

    private PlanReader() {
    }

    public static PlanModel read(JsonNode doc, long fallbackId, int fallbackVersion) {
        long id = doc.hasNonNull("id") ? doc.get("id").asLong() : fallbackId;
        int version = doc.hasNonNull("version") ? doc.get("version").asInt() : fallbackVersion;
        List<PlanModel.Objective> objectives = new ArrayList<>();
        int oi = 0;
        for (JsonNode o : doc.path("objectives")) {
            oi++;
            objectives.add(objective(o, oi));
        }
        List<PlanModel.Rule> rules = new ArrayList<>();
        JsonNode ruleNodes = first(doc, "reportingRules", "reportingRegime", "rules");
        if (ruleNodes != null && ruleNodes.isObject()) {
            ruleNodes = first(ruleNodes, "rules", "reportingRules");
        }
        int ri = 0;
        if (ruleNodes != null) {
            for (JsonNode r : ruleNodes) {
                ri++;
                rules.add(rule(r, ri));
            }
        }
        JsonNode period = doc.path("period");
        Integer start = intOf(first(doc, "startYear", "fromYear", "periodFrom", "yearFrom"));
        Integer end = intOf(first(doc, "endYear", "toYear", "periodTo", "yearTo"));
        if (start == null && period.isObject()) {
            start = intOf(first(period, "from", "fromYear", "start", "startYear"));
            end = intOf(first(period, "to", "toYear", "end", "endYear"));
        }
        List<String> assigned = new ArrayList<>();
        for (JsonNode a : doc.path("assignedAgencies")) {
            String code = agencyOf(a);
            if (code != null) {
                assigned.add(code);
            }
        }
        for (JsonNode a : doc.path("assignments")) {
            for (JsonNode code : a.path("agencies")) {
                String c = agencyOf(code);
                if (c != null && !assigned.contains(c)) {
                    assigned.add(c);
                }
            }
        }
        List<PlanModel.ChildPlan> children = new ArrayList<>();
        for (JsonNode c : doc.path("childPlans")) {
            if (c.hasNonNull("id")) {
                children.add(new PlanModel.ChildPlan(c.get("id").asLong(), text(c, "code"), text(c, "status"),
                        text(c, "issuingAgency"), text(c, "leadAgency"), text(c, "unitCode")));
            }
        }
        return new PlanModel(id, version, text(doc, "status"), text(doc, "code"), text(doc, "documentNumber", "number", "code", "symbol"),
                text(doc, "title", "titleVi", "name", "nameVi"),
                agencyOf(first(doc, "issuingAgency", "issuer", "issuingAgencyCode", "agency", "agencyCode", "issuedBy")),
                agencyOf(first(doc, "leadAgency", "lead")),
                text(doc, "unitCode", "unit", "administrativeUnit"), parentOf(doc), start, end, objectives, rules, assigned, children);
    }

    private static PlanModel.Objective objective(JsonNode o, int index) {
        String key = text(o, "key");
        List<PlanModel.Target> targets = new ArrayList<>();
        int ti = 0;
        for (JsonNode t : o.path("targets")) {
            ti++;
            targets.add(target(t, key == null ? "O" + index : key, ti));
        }
        return new PlanModel.Objective(key == null ? "O" + index : key, text(o, "label", "letter", "number", "ordinal"),
                text(o, "title", "titleVi", "name", "nameVi", "text", "area"), targets);
    }

    private static PlanModel.Target target(JsonNode t, String objectiveKey, int index) {
        String key = text(t, "key");
        if (key == null) {
            key = objectiveKey + "-T" + index;
        }
        List<PlanModel.Responsible> inherited = responsible(first(t, "responsibleAgencies", "responsible"));
        List<PlanModel.Measure> measures = new ArrayList<>();
        int mi = 0;
        for (JsonNode m : t.path("measures")) {
            mi++;
            measures.add(measure(m, key, mi, inherited));
        }
        return new PlanModel.Target(key, text(t, "label", "number", "ordinal"),
                text(t, "text", "textVi", "title", "titleVi", "description", "name"), measures);
    }

    private static PlanModel.Measure measure(JsonNode m, String targetKey, int index, List<PlanModel.Responsible> inherited) {
        String key = text(m, "key");
        List<PlanModel.Responsible> resp = responsible(first(m, "responsibleAgencies", "responsible"));
        Map<String, String> dims = new LinkedHashMap<>();
        m.path("dimensions").fields().forEachRemaining(e -> dims.put(e.getKey(), e.getValue().asText()));
        return new PlanModel.Measure(key == null ? targetKey + "-M" + index : key, text(m, "indicatorCode", "indicator"),
                enumOf(Figure.class, text(m, "figure"), Figure.VALUE), enumOf(Comparator.class, text(m, "comparator"), null),
                decimal(m.get("baselineValue")), intOf(m.get("baselineYear")), decimal(m.get("targetValue")),
                intOf(m.get("targetYear")), intOf(m.get("fromYear")), dims, resp.isEmpty() ? inherited : resp);
    }

    private static PlanModel.Rule rule(JsonNode r, int index) {
        JsonNode submitters = r.path("submitters");
        List<String> agencies = new ArrayList<>();
        SubmitterMode mode = SubmitterMode.EXPLICIT;
        if (submitters.isObject()) {
            mode = enumOf(SubmitterMode.class, text(submitters, "mode"), SubmitterMode.EXPLICIT);
            for (JsonNode a : submitters.path("agencies")) {
                String code = agencyOf(a);
                if (code != null) {
                    agencies.add(code);
                }
            }
        } else if (submitters.isArray()) {
            for (JsonNode a : submitters) {
                String code = agencyOf(a);
                if (code != null) {
                    agencies.add(code);
                }
            }
        }
        String key = text(r, "key");
        return new PlanModel.Rule(key == null ? "R" + index : key, enumOf(RuleKind.class, text(r, "kind"), RuleKind.AD_HOC),
                intOf(r.get("dueDay")), intOf(r.get("dueMonth")), intOf(r.get("dueYear")), intOf(r.get("fromYear")),
                intOf(r.get("toYear")), mode, agencies, agencyOf(r.get("receivingAgency")),
                enumOf(Coverage.class, text(r, "coverage"), Coverage.RESPONSIBLE_TARGETS), text(r, "consolidates"),
                text(r, "title", "titleVi", "description", "name"));
    }

    private static List<PlanModel.Responsible> responsible(JsonNode node) {
        List<PlanModel.Responsible> list = new ArrayList<>();
        if (node == null) {
            return list;
        }
        for (JsonNode r : node) {
            String code = agencyOf(r);
            if (code != null) {
                list.add(new PlanModel.Responsible(code, r.isObject() ? text(r, "scope") : null));
            }
        }
        return list;
    }

    private static Long parentOf(JsonNode doc) {
        JsonNode p = first(doc, "parentPlanId", "parentId", "parentPlan", "parent");
        if (p == null) {
            return null;
        }
        if (p.isObject()) {
            p = p.get("id");
        }
        return p != null && p.canConvertToLong() ? p.asLong() : null;
    }

    private static String agencyOf(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            return text(n, "agency", "code", "agencyCode");
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static JsonNode first(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode n, String... names) {
        JsonNode v = first(n, names);
        if (v == null || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static Integer intOf(JsonNode n) {
        return n == null || n.isNull() || !n.canConvertToInt() && !n.isTextual() ? null
                : n.isTextual() ? parseInt(n.asText()) : Integer.valueOf(n.asInt());
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        try {
            return new BigDecimal(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
