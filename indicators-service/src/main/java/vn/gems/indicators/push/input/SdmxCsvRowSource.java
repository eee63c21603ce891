package vn.gems.indicators.push.input;

import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.sdmx.service.SdmxStructure;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * SDMX-CSV rows mapped by the GEMS data structure ({@link SdmxStructure}) onto push rows: INDICATOR, REF_AREA (unit),
 * TIME_PERIOD (2024-Q3 → 2024Q3), SEX (F, M, _T total, _Z none), one column per catalogue dimension (_T and _Z: the
 * all-groups figure), OBS_VALUE, OBS_STATUS (A final, P provisional), NUMERATOR, DENOMINATOR. DATAFLOW (1.0) or
 * STRUCTURE/STRUCTURE_ID/ACTION (2.0) must name the GEMS dataflow; UNIT_MEASURE and SOURCE are informative. Header
 * names may carry labels ({@code REF_AREA: Reference area}). Everything else — line numbers, malformed rows, the
 * checks of each value — is the CSV reader's and the push pipeline's.
 */
public final class SdmxCsvRowSource implements RowSource {

    private static final CsvRowSource.Header SDMX = name -> {
        int colon = name.indexOf(':');
        String id = colon > 0 ? name.substring(0, colon).strip() : name;
        return switch (id) {
            case "indicator" -> CsvRowSource.INDICATOR;
            case "ref_area" -> CsvRowSource.UNIT;
            case "time_period" -> CsvRowSource.PERIOD;
            case "sex" -> CsvRowSource.SEX;
            case "obs_value" -> CsvRowSource.VALUE;
            case "numerator" -> CsvRowSource.NUMERATOR;
            case "denominator" -> CsvRowSource.DENOMINATOR;
            case "obs_status" -> CsvRowSource.STATUS;
            case "dataflow", "structure", "structure_id", "action", "unit_measure", "source" -> CsvRowSource.META;
            default -> CsvRowSource.DIMENSION;
        };
    };

    private final CsvRowSource csv;
    private RowError malformed;

    public SdmxCsvRowSource(InputStream body, Set<String> dimensionCodes) throws IOException {
        this.csv = new CsvRowSource(body, dimensionCodes, SDMX,
                "DATAFLOW (or STRUCTURE, STRUCTURE_ID, ACTION), INDICATOR, REF_AREA, SEX, TIME_PERIOD, OBS_VALUE, OBS_STATUS, UNIT_MEASURE, SOURCE, NUMERATOR, DENOMINATOR");
    }

    @Override
    public boolean next(RawRow row) throws IOException {
        if (!csv.next(row)) {
            return false;
        }
        malformed = csv.malformed();
        if (malformed != null) {
            return true;
        }
        String flow = meta(row, "dataflow", "structure_id");
        if (flow != null && !flow.isBlank() && !isGemsFlow(flow.strip())) {
            malformed = new RowError(row.line, "DATAFLOW", "UNKNOWN_DATAFLOW", "the row belongs to " + flow.strip() + ", not " + SdmxStructure.flowRef());
            return true;
        }
        String action = meta(row, "action");
        if (action != null && action.strip().equalsIgnoreCase("D")) {
            malformed = new RowError(row.line, "ACTION", "UNSUPPORTED_ACTION", "deleting values (ACTION D) is not supported; push REPLACE instead");
            return true;
        }
        row.period = row.period == null ? null : SdmxStructure.gemsPeriod(row.period);
        row.sex = sex(row.sex);
        row.status = status(row.status);
        for (Iterator<Map.Entry<String, String>> it = row.dims.entrySet().iterator(); it.hasNext(); ) {
            String v = it.next().getValue().strip();
            if (v.equals(SdmxStructure.TOTAL) || v.equals(SdmxStructure.NOT_APPLICABLE)) {
                it.remove();
            }
        }
        return true;
    }

    private static String meta(RawRow row, String... names) {
        for (Map.Entry<String, String> e : row.meta.entrySet()) {
            String key = e.getKey();
            int colon = key.indexOf(':');
            String id = colon > 0 ? key.substring(0, colon).strip() : key;
            for (String n : names) {
                if (id.equals(n)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** A dataflow reference of the GEMS flow or its DSD: {@code GEMS:DF_GEMS(1.0)}, with or without agency and version. */
    static boolean isGemsFlow(String ref) {
        String r = ref;
        int colon = r.indexOf(':');
        if (colon >= 0) {
            if (!r.substring(0, colon).equals(SdmxStructure.AGENCY)) {
                return false;
            }
            r = r.substring(colon + 1);
        }
        int paren = r.indexOf('(');
        if (paren >= 0) {
            if (!r.endsWith("(" + SdmxStructure.VERSION + ")")) {
                return false;
            }
            r = r.substring(0, paren);
        }
        return r.equals(SdmxStructure.FLOW_ID) || r.equals(SdmxStructure.DSD_ID);
    }

    private static String sex(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip()) {
            case "F" -> "FEMALE";
            case "M" -> "MALE";
            case SdmxStructure.TOTAL -> "TOTAL";
            case SdmxStructure.NOT_APPLICABLE, "" -> null;
            default -> code;
        };
    }

    private static String status(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip()) {
            case SdmxStructure.STATUS_FINAL -> "FINAL";
            case SdmxStructure.STATUS_PROVISIONAL -> "PROVISIONAL";
            default -> code;
        };
    }

    @Override
    public RowError malformed() {
        return malformed;
    }
}
