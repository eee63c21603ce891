package vn.gems.indicators.dhis2.service;

import vn.gems.indicators.dhis2.rest.Dhis2MappingInput;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A mapping ready for lookups both ways: DHIS2 keys to GEMS targets (push) and back (export). */
public record Compiled(String code, String dataSet, Map<String, Dhis2MappingInput.Element> byKey,
                       Map<String, Dhis2MappingInput.Element> byTarget, Map<String, String> unitByOrgUnit, Map<String, String> orgUnitByUnit) {

    static Compiled of(String code, Dhis2MappingInput in) {
        Map<String, Dhis2MappingInput.Element> byKey = new HashMap<>();
        Map<String, Dhis2MappingInput.Element> byTarget = new HashMap<>();
        for (Dhis2MappingInput.Element e : in.dataElements()) {
            byKey.put(key(e.dataElement(), e.categoryOptionCombo()), e);
            byTarget.put(target(e.indicator(), e.sex(), e.dimensions()), e);
        }
        Map<String, String> units = new HashMap<>();
        Map<String, String> orgUnits = new HashMap<>();
        for (Dhis2MappingInput.OrgUnit o : in.orgUnits()) {
            units.put(o.orgUnit(), o.unit());
            orgUnits.put(o.unit(), o.orgUnit());
        }
        return new Compiled(code, in.dataSet(), byKey, byTarget, units, orgUnits);
    }

    /** The element for a data element and combo: the exact combo first, then the one mapped for any combo. */
    public Dhis2MappingInput.Element element(String dataElement, String combo) {
        Dhis2MappingInput.Element exact = combo == null ? null : byKey.get(key(dataElement, combo));
        return exact != null ? exact : byKey.get(key(dataElement, null));
    }

    /** The element a stored value (indicator, sex name or null, dimensions) goes out as, or null. */
    public Dhis2MappingInput.Element elementFor(String indicator, String sex, Map<String, String> dims) {
        return byTarget.get(target(indicator, sex, dims));
    }

    static String key(String dataElement, String combo) {
        return dataElement + "|" + (combo == null || combo.isBlank() ? "" : combo);
    }

    static String target(String indicator, String sex, Map<String, String> dims) {
        StringBuilder sb = new StringBuilder(indicator).append('|').append(sex == null ? "" : sex).append('|');
        new TreeMap<>(dims == null ? Map.<String, String>of() : dims).forEach((k, v) -> sb.append(k).append(':').append(v).append(','));
        return sb.toString();
    }
}
