package vn.gems.indicators.dhis2.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import vn.gems.indicators.dhis2.rest.Dhis2MappingInput;
import vn.gems.indicators.dhis2.service.Compiled;
import vn.gems.indicators.push.input.RawRow;
import vn.gems.indicators.push.input.RowSource;
import vn.gems.indicators.push.rules.RowError;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A DHIS2 {@code dataValueSets} JSON document, streamed: the set's own fields (dataSet, period, orgUnit) are read
 * up to {@code dataValues}, then each data value becomes one row through the mapping. Data value n is reported as
 * line n (from 1), and a value the mapping cannot place is rejected with the JSON pointer of the field at fault
 * ({@code /dataValues/4/categoryOptionCombo}). DHIS2 writes the set's fields before its values; set fields after
 * {@code dataValues} are not applied.
 */
final class Dhis2JsonRows implements RowSource {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(100_000).maxNumberLength(1000).maxNestingDepth(50).build()).build();

    private final JsonParser p;
    private final Compiled mapping;
    private final String setPeriod;
    private final String setOrgUnit;
    private final String setCombo;
    private long n;
    private RowError malformed;

    private Dhis2JsonRows(JsonParser p, Compiled mapping, String setPeriod, String setOrgUnit, String setCombo) {
        this.p = p;
        this.mapping = mapping;
        this.setPeriod = setPeriod;
        this.setOrgUnit = setOrgUnit;
        this.setCombo = setCombo;
    }

    /** Reads the set's header and picks the mapping ({@code choose}: the set's dataSet → mapping). */
    static Dhis2JsonRows open(InputStream body, BiFunction<String, String, Optional<Compiled>> choose, String mappingCode) throws IOException {
        JsonParser p = FACTORY.createParser(body);
        String dataSet = null;
        String period = null;
        String orgUnit = null;
        String combo = null;
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInput("MALFORMED_DHIS2", "(body)", "A DHIS2 dataValueSets document is one JSON object with dataValues");
            }
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_OBJECT || t == null) {
                    throw new InvalidInput("DHIS2_NO_DATA_VALUES", "/dataValues", "The document has no dataValues array");
                }
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if ("dataValues".equals(field)) {
                    if (v != JsonToken.START_ARRAY) {
                        throw new InvalidInput("MALFORMED_DHIS2", "/dataValues", "dataValues must be an array");
                    }
                    break;
                }
                if (v.isScalarValue()) {
                    switch (field) {
                        case "dataSet" -> dataSet = p.getValueAsString();
                        case "period" -> period = p.getValueAsString();
                        case "orgUnit" -> orgUnit = p.getValueAsString();
                        case "attributeOptionCombo" -> combo = p.getValueAsString();
                        default -> {
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInput("MALFORMED_DHIS2", "(body)", "not valid JSON: " + e.getOriginalMessage());
        }
        Optional<Compiled> chosen = choose.apply(mappingCode, dataSet);
        if (chosen.isEmpty()) {
            throw mappingCode != null
                    ? new InvalidInput("DHIS2_MAPPING_NOT_FOUND", "mapping", "No DHIS2 mapping " + mappingCode)
                    : new InvalidInput("DHIS2_MAPPING_REQUIRED", "mapping", "Name the DHIS2 mapping (?mapping=): none is for data set " + dataSet
                    + " and there is not exactly one");
        }
        Compiled m = chosen.get();
        if (dataSet != null && m.dataSet() != null && !m.dataSet().equals(dataSet)) {
            throw new InvalidInput("DHIS2_DATA_SET_MISMATCH", "/dataSet", "Mapping " + m.code() + " is for data set " + m.dataSet() + ", not " + dataSet);
        }
        return new Dhis2JsonRows(p, m, period, orgUnit, combo);
    }

    @Override
    public RowError malformed() {
        return malformed;
    }

    @Override
    public boolean next(RawRow row) throws IOException {
        malformed = null;
        try {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                return false;
            }
            n++;
            row.clear(n);
            String at = "/dataValues/" + (n - 1);
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                malformed = new RowError(n, at, "MALFORMED_ROW", "each data value must be a JSON object");
                return true;
            }
            String dataElement = null;
            String combo = null;
            String period = setPeriod;
            String orgUnit = setOrgUnit;
            String value = null;
            boolean deleted = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!v.isScalarValue()) {
                    p.skipChildren();
                    continue;
                }
                String text = v == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                switch (field) {
                    case "dataElement" -> dataElement = text;
                    case "categoryOptionCombo" -> combo = text;
                    case "period" -> period = text;
                    case "orgUnit" -> orgUnit = text;
                    case "value" -> value = text;
                    case "deleted" -> deleted = v == JsonToken.VALUE_TRUE;
                    default -> {
                        // storedBy, created, lastUpdated, comment, followup, attributeOptionCombo: not part of a GEMS value
                    }
                }
            }
            place(row, at, dataElement, combo, period, orgUnit, value, deleted);
            return true;
        } catch (JsonProcessingException e) {
            throw new InvalidInput("MALFORMED_DHIS2", "/dataValues/" + n, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void place(RawRow row, String at, String dataElement, String combo, String period, String orgUnit, String value, boolean deleted) {
        if (deleted) {
            malformed = new RowError(n, at + "/deleted", "DHIS2_DELETION_NOT_SUPPORTED", "deleted values are not imported; retire them in GEMS");
            return;
        }
        if (dataElement == null || dataElement.isBlank()) {
            malformed = new RowError(n, at + "/dataElement", "DHIS2_DATA_ELEMENT_REQUIRED", "a data value needs its dataElement");
            return;
        }
        Dhis2MappingInput.Element e = mapping.element(dataElement, combo);
        if (e == null) {
            boolean known = mapping.knowsDataElement(dataElement);
            malformed = known
                    ? new RowError(n, at + "/categoryOptionCombo", "DHIS2_UNMAPPED_COMBO", "combo " + show(combo) + " of data element " + dataElement
                    + " is not in mapping " + mapping.code())
                    : new RowError(n, at + "/dataElement", "DHIS2_UNMAPPED_DATA_ELEMENT", "data element " + dataElement + " is not in mapping " + mapping.code());
            return;
        }
        String unit = orgUnit == null ? null : mapping.unitByOrgUnit().get(orgUnit);
        if (unit == null) {
            malformed = new RowError(n, at + "/orgUnit", "DHIS2_UNMAPPED_ORG_UNIT", "org unit " + show(orgUnit) + " is not in mapping " + mapping.code());
            return;
        }
        String gemsPeriod = Dhis2Periods.toGems(period);
        if (gemsPeriod == null) {
            malformed = new RowError(n, at + "/period", "DHIS2_PERIOD_UNSUPPORTED", "period " + show(period)
                    + " is not a year, half-year (2025S1), quarter (2025Q3) or month (202507)");
            return;
        }
        fill(row, e, unit, gemsPeriod, value);
    }

    /** A placed DHIS2 value as a GEMS row: the mapped indicator, sex and dimensions, the mapped unit, the period, the value. */
    static void fill(RawRow row, Dhis2MappingInput.Element e, String unit, String period, String value) {
        row.indicator = e.indicator();
        row.unit = unit;
        row.period = period;
        row.sex = e.sex();
        if (e.dimensions() != null) {
            row.dims.putAll(e.dimensions());
        }
        row.value = value;
    }

    private static String show(String s) {
        return s == null ? "(none)" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
