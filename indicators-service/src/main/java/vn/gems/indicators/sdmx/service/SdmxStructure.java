package vn.gems.indicators.sdmx.service;

import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;
import vn.gems.indicators.service.IndicatorMeta;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SDMX data structure definition (DSD) of every GEMS value, generated from the catalogue snapshot: one dataflow
 * {@code GEMS:DF_GEMS(1.0)} over the DSD {@code GEMS:DSD_GEMS(1.0)}. Dimensions in key order: INDICATOR, REF_AREA (the
 * administrative unit), SEX, one per declared catalogue dimension (ETHNICITY, AREA, …, sorted by code) and TIME_PERIOD
 * last; observation attributes OBS_STATUS, UNIT_MEASURE, SOURCE, NUMERATOR and DENOMINATOR. {@code _T} stands for the
 * all-groups figure of a dimension, {@code _Z} for "not applicable" (an indicator not collected by sex or by that
 * dimension), as in the SDMX cross-domain code lists.
 */
public final class SdmxStructure {

    public static final String AGENCY = "GEMS";
    public static final String VERSION = "1.0";
    public static final String DSD_ID = "DSD_GEMS";
    public static final String FLOW_ID = "DF_GEMS";
    public static final String CONCEPTS_ID = "CS_GEMS";
    public static final String TOTAL = "_T";
    public static final String NOT_APPLICABLE = "_Z";
    /** OBS_STATUS codes (SDMX CL_OBS_STATUS): A normal (GEMS final), P provisional. */
    public static final String STATUS_FINAL = "A";
    public static final String STATUS_PROVISIONAL = "P";

    /** A code; {@code parent}, validity and the Vietnamese name are optional. */
    public record Code(String id, String nameEn, String nameVi, String parent, LocalDate validFrom, LocalDate validTo) {
    }

    public record Codelist(String id, String nameEn, List<Code> codes) {
    }

    /** A dimension or attribute; {@code codelist} null for an uncoded one of {@code textType}. */
    public record Component(String id, String nameEn, String codelist, String textType) {
    }

    public final long revision;
    /** The key dimensions (without TIME_PERIOD), in key order. */
    public final List<Component> dimensions;
    public final Component time = new Component("TIME_PERIOD", "Time period", null, "ObservationalTimePeriod");
    public final Component measure = new Component("OBS_VALUE", "Observation value", null, "Decimal");
    public final List<Component> attributes;
    /** The catalogue dimension codes (lower case) behind dimensions 3.., in the same order. */
    public final List<String> extraDimensions;
    public final Map<String, Codelist> codelists;

    private SdmxStructure(long revision, List<Component> dimensions, List<Component> attributes, List<String> extraDimensions,
                          Map<String, Codelist> codelists) {
        this.revision = revision;
        this.dimensions = dimensions;
        this.attributes = attributes;
        this.extraDimensions = extraDimensions;
        this.codelists = codelists;
    }

    public static String dimensionId(String catalogueCode) {
        return catalogueCode.toUpperCase(Locale.ROOT);
    }

    /** The URN-style reference text used in SDMX-CSV's DATAFLOW column and in headers. */
    public static String flowRef() {
        return AGENCY + ":" + FLOW_ID + "(" + VERSION + ")";
    }

    public static SdmxStructure of(Catalogue.Snapshot cat) {
        Map<String, Codelist> lists = new LinkedHashMap<>();
        List<Code> indicators = new ArrayList<>();
        Map<String, TreeSet<String>> dimValues = new TreeMap<>();
        for (int id : cat.allIndicatorIds()) {
            IndicatorMeta m = cat.indicator(id);
            indicators.add(new Code(m.code(), m.nameEn(), m.nameVi(), null, null, null));
            m.dimensions().forEach((code, values) -> dimValues.computeIfAbsent(code, k -> new TreeSet<>()).addAll(values));
        }
        indicators.sort(Comparator.comparing(Code::id));
        lists.put("CL_INDICATOR", new Codelist("CL_INDICATOR", "GEMS indicators", indicators));

        LocalDate today = LocalDate.now();
        List<Code> units = new ArrayList<>();
        for (Hierarchy.Node n : cat.hierarchy.all()) {
            LocalDate day = n.clamp(today);
            Hierarchy.Name name = n.nameOn(day).orElse(null);
            String parent = cat.hierarchy.parentOn(n, day).map(p -> p.code).orElse(null);
            units.add(new Code(n.code, name == null ? n.code : name.nameEn(), name == null ? null : name.nameVi(), parent, n.from, n.to));
        }
        units.sort(Comparator.comparing(Code::id));
        lists.put("CL_REF_AREA", new Codelist("CL_REF_AREA", "Administrative units (with their validity)", units));

        lists.put("CL_SEX", new Codelist("CL_SEX", "Sex", List.of(
                new Code("F", "Female", "Nữ", null, null, null), new Code("M", "Male", "Nam", null, null, null),
                new Code(TOTAL, "Total", "Tổng", null, null, null), new Code(NOT_APPLICABLE, "Not applicable", "Không áp dụng", null, null, null))));

        List<Component> dims = new ArrayList<>(List.of(
                new Component("INDICATOR", "Indicator", "CL_INDICATOR", null),
                new Component("REF_AREA", "Reference area (administrative unit)", "CL_REF_AREA", null),
                new Component("SEX", "Sex", "CL_SEX", null)));
        List<String> extra = new ArrayList<>();
        dimValues.forEach((code, values) -> {
            String id = dimensionId(code);
            List<Code> codes = new ArrayList<>();
            values.forEach(v -> codes.add(new Code(v, v, null, null, null, null)));
            codes.add(new Code(TOTAL, "All groups", "Tất cả", null, null, null));
            codes.add(new Code(NOT_APPLICABLE, "Not applicable", "Không áp dụng", null, null, null));
            lists.put("CL_" + id, new Codelist("CL_" + id, code, codes));
            dims.add(new Component(id, code, "CL_" + id, null));
            extra.add(code);
        });

        lists.put("CL_OBS_STATUS", new Codelist("CL_OBS_STATUS", "Observation status", List.of(
                new Code(STATUS_FINAL, "Normal value (final)", "Chính thức", null, null, null),
                new Code(STATUS_PROVISIONAL, "Provisional value", "Sơ bộ", null, null, null))));
        List<Code> measures = new ArrayList<>();
        for (MeasureUnit u : MeasureUnit.values()) {
            measures.add(new Code(u.name(), u.name().toLowerCase(Locale.ROOT).replace('_', ' '), null, null, null, null));
        }
        lists.put("CL_UNIT_MEASURE", new Codelist("CL_UNIT_MEASURE", "Unit of measure", measures));
        List<Component> attrs = List.of(
                new Component("OBS_STATUS", "Observation status", "CL_OBS_STATUS", null),
                new Component("UNIT_MEASURE", "Unit of measure", "CL_UNIT_MEASURE", null),
                new Component("SOURCE", "Source (agency or system that supplied the value)", null, "String"),
                new Component("NUMERATOR", "Numerator of a rate or share", null, "Decimal"),
                new Component("DENOMINATOR", "Denominator of a rate or share", null, "Decimal"));
        return new SdmxStructure(cat.revision, List.copyOf(dims), attrs, List.copyOf(extra), lists);
    }

    /** Every concept the DSD uses: dimensions, time, measure, attributes. */
    public List<Component> concepts() {
        List<Component> all = new ArrayList<>(dimensions);
        all.add(time);
        all.add(measure);
        all.addAll(attributes);
        return all;
    }

    /** The code ids of a codelist (for key checks and schema enumerations). */
    public Set<String> codeIds(String codelist) {
        Set<String> out = new HashSet<>();
        Codelist cl = codelists.get(codelist);
        if (cl != null) {
            cl.codes().forEach(c -> out.add(c.id()));
        }
        return out;
    }

    /** GEMS period text (2024, 2024S1, 2024Q3, 2024-07) as SDMX TIME_PERIOD (2024, 2024-S1, 2024-Q3, 2024-07). */
    public static String sdmxPeriod(String period) {
        if (period.length() == 6) {
            return period.substring(0, 4) + "-" + period.substring(4);
        }
        return period;
    }

    /** SDMX TIME_PERIOD (or GEMS period) as GEMS period text; unknown forms are returned unchanged for the caller to reject. */
    public static String gemsPeriod(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.length() == 7 && s.charAt(4) == '-' && Character.isLetter(s.charAt(5))) {
            char k = Character.toUpperCase(s.charAt(5));
            return s.substring(0, 4) + (k == 'A' ? "" : String.valueOf(k) + s.charAt(6));
        }
        return s;
    }
}
