package vn.gems.plans.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import vn.gems.plans.rest.PlanDiff;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two plan documents. Lists whose items carry a {@code key} (objectives, targets, measures, content
 * areas, assignments, reporting rules) are matched by key, so a changed figure is reported where it is
 * ({@code objectives[O4].targets[O4-T3].measures[O4-T3-M1].targetValue}) however items were reordered or
 * relabelled; other lists and values are compared whole.
 */
public final class PlanDiffer {

    private PlanDiffer() {
    }

    public static List<PlanDiff.Change> diff(JsonNode before, JsonNode after) {
        List<PlanDiff.Change> out = new ArrayList<>();
        compare("", before, after, out);
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<PlanDiff.Change> out) {
        boolean aAbsent = a == null || a.isNull() || a.isMissingNode();
        boolean bAbsent = b == null || b.isNull() || b.isMissingNode();
        if (aAbsent && bAbsent || !aAbsent && a.equals(b)) {
            return;
        }
        if (!aAbsent && !bAbsent && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                compare(path.isEmpty() ? n : path + "." + n, a.get(n), b.get(n), out);
            }
            return;
        }
        if (!aAbsent && !bAbsent && keyed(a) && keyed(b)) {
            Map<String, JsonNode> left = byKey(a);
            Map<String, JsonNode> right = byKey(b);
            for (Map.Entry<String, JsonNode> e : left.entrySet()) {
                String at = path + "[" + e.getKey() + "]";
                JsonNode other = right.get(e.getKey());
                if (other == null) {
                    out.add(new PlanDiff.Change(at, PlanDiff.Kind.REMOVED, e.getValue(), null));
                } else {
                    compare(at, e.getValue(), other, out);
                }
            }
            for (Map.Entry<String, JsonNode> e : right.entrySet()) {
                if (!left.containsKey(e.getKey())) {
                    out.add(new PlanDiff.Change(path + "[" + e.getKey() + "]", PlanDiff.Kind.ADDED, null, e.getValue()));
                }
            }
            List<String> commonBefore = new ArrayList<>(left.keySet());
            commonBefore.retainAll(right.keySet());
            List<String> commonAfter = new ArrayList<>(right.keySet());
            commonAfter.retainAll(left.keySet());
            if (!commonBefore.equals(commonAfter)) {
                out.add(new PlanDiff.Change(path + ".order", PlanDiff.Kind.CHANGED, keys(commonBefore), keys(commonAfter)));
            }
            return;
        }
        out.add(new PlanDiff.Change(path, PlanDiff.Kind.CHANGED, aAbsent ? null : a, bAbsent ? null : b));
    }

    /** An array whose items are all objects with a textual {@code key}. */
    private static boolean keyed(JsonNode n) {
        if (!n.isArray()) {
            return false;
        }
        for (JsonNode item : n) {
            if (!item.isObject() || !item.path("key").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byKey(JsonNode array) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode item = it.next();
            m.putIfAbsent(item.get("key").asText(), item);
        }
        return m;
    }

    private static JsonNode keys(List<String> keys) {
        var arr = JsonNodeFactory.instance.arrayNode();
        keys.forEach(arr::add);
        return arr;
    }
}
