package vn.gems.indicators.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a value's extra disaggregation, as stored and as the API accepts it in query strings:
 * {@code code:VALUE} pairs sorted by code and joined by commas ({@code ethnicity:MINORITY}); empty for the
 * all-groups figure.
 */
public final class Dims {

    private Dims() {
    }

    public static String canonical(Map<String, String> dims) {
        if (dims == null || dims.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        dims.forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                sorted.put(k.trim(), v.trim());
            }
        });
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(k).append(':').append(v);
        });
        return sb.toString();
    }

    /** Parses the canonical text (or a query parameter in that form); null when malformed. */
    public static Map<String, String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int i = pair.indexOf(':');
            if (i <= 0 || i == pair.length() - 1) {
                return null;
            }
            out.put(pair.substring(0, i).trim(), pair.substring(i + 1).trim());
        }
        return out;
    }
}
