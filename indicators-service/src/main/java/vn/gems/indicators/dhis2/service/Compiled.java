package vn.gems.indicators.dhis2.service;

import vn.gems.indicators.dhis2.rest.Dhis2MappingInput;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A mapping ready for lookups both ways: DHIS2 keys to GEMS targets (push) and back (export). */
public record Compiled(String code, String dataSet, Map<String, Dhis2MappingInput.Element> byKey, Map<String, Dhis2MappingInput.Element> byAdx,
                       Map<String, Dhis2MappingInput.Element> byTarget, Map<String, String> unitByOrgUnit, Map<String, String> orgUnitByUnit) {

    static Compiled of(String code, Dhis2MappingInput in) {
        Map<String, Dhis2MappingInput.Element> byKey = new HashMap<>();
        Map<String, Dhis2MappingInput.Element> byAdx = new HashMap<>();
        Map<String, Dhis2MappingInput.Element> byTarget = new HashMap<>();
        for (Dhis2MappingInput.Element e : in.dataElements()) {
            if (forJson(e)) {
                byKey.put(key(e.dataElement(), e.categoryOptionCombo()), e);
            }
            if (forAdx(e)) {
                byAdx.put(adxKey(e.dataElement(), e.categoryOptions()), e);
            }
            byTarget.put(target(e.indicator(), e.sex(), e.dimensions()), e);
        }
        Map<String, String> units = new HashMap<>();
        Map<String, String> orgUnits = new HashMap<>();
        for (Dhis2MappingInput.OrgUnit o : in.orgUnits()) {
            units.put(o.orgUnit(), o.unit());
            orgUnits.put(o.unit(), o.orgUnit());
        }
        return new Compiled(code, in.dataSet(), byKey, byAdx, byTarget, units, orgUnits);
    }

    /** The element for a data element and combo: the exact combo first, then the one mapped for any combo. */
    public Dhis2MappingInput.Element element(String dataElement, String combo) {
        Dhis2MappingInput.Element exact = combo == null ? null : byKey.get(key(dataElement, combo));
        return exact != null ? exact : byKey.get(key(dataElement, null));
    }

    /** The element for an ADX data value's data element and categories: exactly those, else the data element without categories. */
    public Dhis2MappingInput.Element adxElement(String dataElement, Map<String, String> categories) {
        Dhis2MappingInput.Element exact = categories == null || categories.isEmpty() ? null : byAdx.get(adxKey(dataElement, categories));
        return exact != null ? exact : byAdx.get(adxKey(dataElement, null));
    }

    /** Whether the data element is mapped with any combo or categories. */
    public boolean knowsDataElement(String dataElement) {
        return byKey.keySet().stream().anyMatch(k -> k.startsWith(dataElement + "|")) || byAdx.keySet().stream().anyMatch(k -> k.startsWith(dataElement + "|"));
    }

    /** An element with ADX categories and no combo is for ADX only; one with a combo and no categories for JSON only; one with neither for both. */
    static boolean forJson(Dhis2MappingInput.Element e) {
        return e.categoryOptionCombo() != null || e.categoryOptions() == null || e.categoryOptions().isEmpty();
    }

    static boolean forAdx(Dhis2MappingInput.Element e) {
        return (e.categoryOptions() != null && !e.categoryOptions().isEmpty()) || e.categoryOptionCombo() == null;
    }

    /** The element a stored value (indicator, sex name or null, dimensions) goes out as, or null. */
    public Dhis2MappingInput.Element elementFor(String indicator, String sex, Map<String, String> dims) {
        return byTarget.get(target(indicator, sex, dims));
    }

    static String key(String dataElement, String combo) {
        return dataElement + "|" + (combo == null || combo.isBlank() ? "" : combo);
    }

    static String adxKey(String dataElement, Map<String, String> categories) {
        StringBuilder sb = new StringBuilder(dataElement).append('|');
        new TreeMap<>(categories == null ? Map.<String, String>of() : categories).forEach((k, v) -> sb.append(k).append('=').append(v).append(';'));
        return sb.toString();
    }

    static String target(String indicator, String sex, Map<String, String> dims) {
        StringBuilder sb = new StringBuilder(indicator).append('|').append(sex == null ? "" : sex).append('|');
        new TreeMap<>(dims == null ? Map.<String, String>of() : dims).forEach((k, v) -> sb.append(k).append(':').append(v).append(','));
        return sb.toString();
    }
}
