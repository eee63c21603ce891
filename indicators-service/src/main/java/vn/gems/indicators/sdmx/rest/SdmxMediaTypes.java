package vn.gems.indicators.sdmx.rest;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The SDMX formats GEMS writes, chosen from {@code Accept} (by quality, then order) or the {@code format} parameter. */
public enum SdmxMediaTypes {
    STRUCTURE_XML("application/vnd.sdmx.structure+xml;version=2.1"),
    STRUCTURE_SPECIFIC_XML("application/vnd.sdmx.structurespecificdata+xml;version=2.1"),
    CSV_1("application/vnd.sdmx.data+csv;version=1.0.0"),
    CSV_2("application/vnd.sdmx.data+csv;version=2.0.0"),
    JSON_1("application/vnd.sdmx.data+json;version=1.0.0"),
    SCHEMA("application/xml");

    public final String type;

    SdmxMediaTypes(String type) {
        this.type = type;
    }

    public static final String DATA_TYPES = "application/vnd.sdmx.structurespecificdata+xml;version=2.1, application/vnd.sdmx.data+csv;version=1.0.0, "
            + "application/vnd.sdmx.data+csv;version=2.0.0, application/vnd.sdmx.data+json;version=1.0.0";

    /** The data format asked for; structure-specific XML when nothing (or any type) is asked; 406 when none fits. */
    public static SdmxMediaTypes data(String accept, String format) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv", "csvfile", "sdmx-csv", "sdmx-csv-1.0.0" -> CSV_1;
                case "sdmx-csv-2.0.0", "csv2" -> CSV_2;
                case "json", "jsondata", "sdmx-json" -> JSON_1;
                case "structurespecificdata", "xml", "sdmx-ml" -> STRUCTURE_SPECIFIC_XML;
                default -> throw ProblemException.badRequest("INVALID_FORMAT", "format is csv, sdmx-csv-2.0.0, jsondata or structurespecificdata",
                        new FieldError("format", "INVALID_FORMAT", "csv, sdmx-csv-2.0.0, jsondata or structurespecificdata"));
            };
        }
        for (Range r : ranges(accept)) {
            String t = r.type;
            String v = r.version;
            SdmxMediaTypes m = switch (t) {
                case "application/vnd.sdmx.structurespecificdata+xml" -> v == null || v.equals("2.1") ? STRUCTURE_SPECIFIC_XML : null;
                case "application/vnd.sdmx.data+csv" -> v == null || v.startsWith("1.") ? CSV_1 : v.startsWith("2.") ? CSV_2 : null;
                case "text/csv" -> CSV_1;
                case "application/vnd.sdmx.data+json" -> v == null || v.startsWith("1.") ? JSON_1 : null;
                case "application/json" -> JSON_1;
                case "application/xml", "text/xml", "*/*", "application/*" -> STRUCTURE_SPECIFIC_XML;
                default -> null;
            };
            if (m != null) {
                return m;
            }
        }
        throw notAcceptable(accept, DATA_TYPES);
    }

    /** Structures: SDMX-ML 2.1 only. */
    public static SdmxMediaTypes structure(String accept) {
        for (Range r : ranges(accept)) {
            if ((r.type.equals("application/vnd.sdmx.structure+xml") && (r.version == null || r.version.equals("2.1")))
                    || r.type.equals("application/xml") || r.type.equals("text/xml") || r.type.equals("*/*") || r.type.equals("application/*")) {
                return STRUCTURE_XML;
            }
        }
        throw notAcceptable(accept, STRUCTURE_XML.type);
    }

    private static ProblemException notAcceptable(String accept, String offered) {
        return new ProblemException(406, "NOT_ACCEPTABLE", "Not acceptable", "Accept: " + accept + " names no format served here; ask for one of " + offered);
    }

    private record Range(String type, String version, double q, int order) {
    }

    private static List<Range> ranges(String accept) {
        List<Range> out = new ArrayList<>();
        if (accept == null || accept.isBlank()) {
            out.add(new Range("*/*", null, 1, 0));
            return out;
        }
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] p = parts[i].split(";");
            String type = p[0].trim().toLowerCase(Locale.ROOT);
            String version = null;
            double q = 1;
            for (int k = 1; k < p.length; k++) {
                String[] kv = p[k].split("=", 2);
                if (kv.length != 2) {
                    continue;
                }
                String name = kv[0].trim().toLowerCase(Locale.ROOT);
                String value = kv[1].trim().replace("\"", "");
                if (name.equals("version")) {
                    version = value;
                } else if (name.equals("q")) {
                    try {
                        q = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0) {
                out.add(new Range(type, version, q, i));
            }
        }
        out.sort(Comparator.comparingDouble((Range r) -> -r.q).thenComparingInt(r -> r.order));
        return out;
    }
}
