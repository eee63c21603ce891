package vn.gems.reporting.mapping;

import vn.gems.reporting.rest.DiffView;
import vn.gems.reporting.rest.ReportContent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Field-by-field differences between two report contents. Sections are matched by kind and objective, activities
 * by position, values by measure key, so reordering values is not a change but editing one number is.
 */
public final class ContentDiff {

    private ContentDiff() {
    }

    public static List<DiffView.Change> diff(ReportContent a, ReportContent b) {
        List<DiffView.Change> changes = new ArrayList<>();
        Map<String, String> sa = sections(a);
        Map<String, String> sb = sections(b);
        for (String k : union(sa.keySet(), sb.keySet())) {
            add(changes, "sections[" + k + "]", sa.get(k), sb.get(k));
        }
        int n = Math.max(a.activities().size(), b.activities().size());
        for (int i = 0; i < n; i++) {
            ReportContent.Activity x = i < a.activities().size() ? a.activities().get(i) : null;
            ReportContent.Activity y = i < b.activities().size() ? b.activities().get(i) : null;
            String p = "activities[" + i + "]";
            if (x == null || y == null) {
                add(changes, p, x == null ? null : x.title(), y == null ? null : y.title());
                continue;
            }
            add(changes, p + ".objectiveKey", x.objectiveKey(), y.objectiveKey());
            add(changes, p + ".title", x.title(), y.title());
            add(changes, p + ".count", x.count(), y.count());
            add(changes, p + ".participantsFemale", x.participantsFemale(), y.participantsFemale());
            add(changes, p + ".participantsMale", x.participantsMale(), y.participantsMale());
            add(changes, p + ".participantsTotal", x.participantsTotal(), y.participantsTotal());
        }
        Map<String, ReportContent.Value> va = values(a);
        Map<String, ReportContent.Value> vb = values(b);
        for (String k : union(va.keySet(), vb.keySet())) {
            ReportContent.Value x = va.get(k);
            ReportContent.Value y = vb.get(k);
            String p = "values[" + k + "]";
            if (x == null || y == null) {
                add(changes, p, x == null ? null : "reported", y == null ? null : "reported");
                continue;
            }
            field(changes, p + ".female", x, y, ReportContent.Value::female);
            field(changes, p + ".male", x, y, ReportContent.Value::male);
            field(changes, p + ".total", x, y, ReportContent.Value::total);
            field(changes, p + ".value", x, y, ReportContent.Value::value);
            field(changes, p + ".numerator", x, y, ReportContent.Value::numerator);
            field(changes, p + ".denominator", x, y, ReportContent.Value::denominator);
            add(changes, p + ".comment", x.comment(), y.comment());
            add(changes, p + ".attachmentId", x.attachmentId(), y.attachmentId());
        }
        return changes;
    }

    private static void field(List<DiffView.Change> changes, String path, ReportContent.Value x, ReportContent.Value y,
                              Function<ReportContent.Value, BigDecimal> f) {
        BigDecimal p = f.apply(x);
        BigDecimal q = f.apply(y);
        boolean same = p == null ? q == null : q != null && p.compareTo(q) == 0;
        if (!same) {
            changes.add(new DiffView.Change(path, p == null ? null : p.toPlainString(), q == null ? null : q.toPlainString()));
        }
    }

    private static void add(List<DiffView.Change> changes, String path, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            changes.add(new DiffView.Change(path, from == null ? null : from.toString(), to == null ? null : to.toString()));
        }
    }

    private static Map<String, String> sections(ReportContent c) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ReportContent.Section s : c.sections()) {
            String key = s.kind() + "/" + (s.objectiveKey() == null ? "-" : s.objectiveKey());
            m.merge(key, s.text(), (x, y) -> x + "\n" + y);
        }
        return m;
    }

    private static Map<String, ReportContent.Value> values(ReportContent c) {
        Map<String, ReportContent.Value> m = new LinkedHashMap<>();
        c.values().forEach(v -> m.put(v.measureKey(), v));
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }
}
