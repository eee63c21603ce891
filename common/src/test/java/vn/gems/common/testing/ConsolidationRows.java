package vn.gems.common.testing;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

/** Reads a consolidated report (reporting-service's consolidation view): one measure's row and its sources. */
public final class ConsolidationRows {

    private ConsolidationRows() {
    }

    /** The row of {@code measure} in any objective, or an assertion error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> row(JsonPath consolidation, String measure) {
        for (Map<String, Object> o : consolidation.<Map<String, Object>>getList("objectives")) {
            for (Map<String, Object> r : (List<Map<String, Object>>) o.get("rows")) {
                if (measure.equals(r.get("measureKey"))) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row " + measure);
    }

    /** One field of each of the row's sources, in order. */
    @SuppressWarnings("unchecked")
    public static List<Object> sources(Map<String, Object> row, String field) {
        return ((List<Map<String, Object>>) row.get("sources")).stream().map(s -> s.get(field)).toList();
    }
}
