package vn.gems.indicators.dhis2.input;

import vn.gems.indicators.dhis2.rest.Dhis2MappingInput;
import vn.gems.indicators.dhis2.service.Compiled;
import vn.gems.indicators.push.input.RawRow;
import vn.gems.indicators.push.input.RowSource;
import vn.gems.indicators.push.rules.RowError;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * An ADX document (IHE QRPH ADX, as DHIS2 imports and exports it), streamed with StAX: {@code <group orgUnit period
 * dataSet>} elements holding {@code <dataValue dataElement value CATEGORY="option" …/>}. The categories of a value
 * (its attributes other than dataElement and value) select the mapping's element by its {@code categoryOptions}.
 * Data value n of the document is line n; a rejection names the attribute at fault as an XPath
 * ({@code /adx/group[2]/dataValue[3]/@orgUnit}). DTDs and external entities are refused.
 */
final class Dhis2AdxRows implements RowSource {

    private static final Set<String> VALUE_ATTRIBUTES = Set.of("dataElement", "value");

    private final XMLStreamReader xml;
    private final Compiled mapping;
    private String groupOrgUnit;
    private String groupPeriod;
    private String groupDataSet;
    private int group;
    private int inGroup;
    private long n;
    private RowError malformed;

    private Dhis2AdxRows(XMLStreamReader xml, Compiled mapping) {
        this.xml = xml;
        this.mapping = mapping;
    }

    static Dhis2AdxRows open(InputStream body, BiFunction<String, String, Optional<Compiled>> choose, String mappingCode) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try {
            XMLStreamReader x = f.createXMLStreamReader(body, "UTF-8");
            if (x.nextTag() != XMLStreamConstants.START_ELEMENT || !"adx".equals(x.getLocalName())) {
                throw new InvalidInput("MALFORMED_ADX", "/adx", "An ADX document's root element is adx");
            }
            // The first group's data set may choose the mapping: read up to it.
            int e = x.nextTag();
            if (e != XMLStreamConstants.START_ELEMENT || !"group".equals(x.getLocalName())) {
                throw new InvalidInput("ADX_NO_GROUPS", "/adx/group", "The document has no group of data values");
            }
            String dataSet = x.getAttributeValue(null, "dataSet");
            Optional<Compiled> chosen = choose.apply(mappingCode, dataSet);
            if (chosen.isEmpty()) {
                throw mappingCode != null ? new InvalidInput("DHIS2_MAPPING_NOT_FOUND", "mapping", "No DHIS2 mapping " + mappingCode)
                        : new InvalidInput("DHIS2_MAPPING_REQUIRED", "mapping", "Name the DHIS2 mapping (?mapping=)");
            }
            Dhis2AdxRows rows = new Dhis2AdxRows(x, chosen.get());
            rows.enterGroup();
            return rows;
        } catch (XMLStreamException ex) {
            throw new InvalidInput("MALFORMED_ADX", "(body)", "not well-formed XML (DTDs are not accepted): " + ex.getMessage());
        }
    }

    private void enterGroup() {
        group++;
        inGroup = 0;
        groupOrgUnit = xml.getAttributeValue(null, "orgUnit");
        groupPeriod = xml.getAttributeValue(null, "period");
        groupDataSet = xml.getAttributeValue(null, "dataSet");
    }

    @Override
    public RowError malformed() {
        return malformed;
    }

    @Override
    public boolean next(RawRow row) throws IOException {
        malformed = null;
        try {
            while (xml.hasNext()) {
                int e = xml.next();
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "group" -> enterGroup();
                    case "dataValue" -> {
                        n++;
                        inGroup++;
                        row.clear(n);
                        place(row);
                        return true;
                    }
                    default -> {
                        // annotations and anything else inside a data value carry nothing GEMS keeps
                    }
                }
            }
            return false;
        } catch (XMLStreamException ex) {
            throw new InvalidInput("MALFORMED_ADX", "/adx/group[" + group + "]", "not well-formed XML: " + ex.getMessage());
        }
    }

    private void place(RawRow row) {
        String at = "/adx/group[" + group + "]/dataValue[" + inGroup + "]";
        String dataElement = xml.getAttributeValue(null, "dataElement");
        String value = xml.getAttributeValue(null, "value");
        TreeMap<String, String> categories = new TreeMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String name = xml.getAttributeLocalName(i);
            if (!VALUE_ATTRIBUTES.contains(name)) {
                categories.put(name, xml.getAttributeValue(i));
            }
        }
        if (groupDataSet != null && mapping.dataSet() != null && !mapping.dataSet().equals(groupDataSet)) {
            malformed = new RowError(n, "/adx/group[" + group + "]/@dataSet", "DHIS2_DATA_SET_MISMATCH",
                    "mapping " + mapping.code() + " is for data set " + mapping.dataSet() + ", not " + groupDataSet);
            return;
        }
        if (dataElement == null || dataElement.isBlank()) {
            malformed = new RowError(n, at + "/@dataElement", "DHIS2_DATA_ELEMENT_REQUIRED", "a data value needs its dataElement");
            return;
        }
        Dhis2MappingInput.Element e = mapping.adxElement(dataElement, categories);
        if (e == null) {
            boolean known = mapping.adxElement(dataElement, null) != null || mapping.knowsDataElement(dataElement);
            malformed = known
                    ? new RowError(n, at + "/@" + (categories.isEmpty() ? "dataElement" : categories.firstKey()), "DHIS2_UNMAPPED_COMBO",
                    "categories " + categories + " of data element " + dataElement + " are not in mapping " + mapping.code())
                    : new RowError(n, at + "/@dataElement", "DHIS2_UNMAPPED_DATA_ELEMENT", "data element " + dataElement + " is not in mapping " + mapping.code());
            return;
        }
        String unit = groupOrgUnit == null ? null : mapping.unitByOrgUnit().get(groupOrgUnit);
        if (unit == null) {
            malformed = new RowError(n, "/adx/group[" + group + "]/@orgUnit", "DHIS2_UNMAPPED_ORG_UNIT", "org unit " + groupOrgUnit
                    + " is not in mapping " + mapping.code());
            return;
        }
        String period = period(groupPeriod);
        if (period == null) {
            malformed = new RowError(n, "/adx/group[" + group + "]/@period", "DHIS2_PERIOD_UNSUPPORTED", "period " + groupPeriod
                    + " is not a year (2025-01-01/P1Y), half-year (P6M), quarter (P3M) or month (P1M)");
            return;
        }
        Dhis2JsonRows.fill(row, e, unit, period, value);
    }

    /** ADX periods are ISO 8601 start/duration: 2025-01-01/P1Y, 2025-07-01/P6M, 2025-04-01/P3M, 2025-07-01/P1M. */
    static String period(String p) {
        if (p == null) {
            return null;
        }
        int slash = p.indexOf('/');
        if (slash < 0) {
            return Dhis2Periods.toGems(p);
        }
        LocalDate start;
        try {
            start = LocalDate.parse(p.substring(0, slash).trim());
        } catch (DateTimeParseException e) {
            return null;
        }
        String d = p.substring(slash + 1).trim().toUpperCase(Locale.ROOT);
        int m = start.getMonthValue();
        if (start.getDayOfMonth() != 1) {
            return null;
        }
        return switch (d) {
            case "P1Y", "P12M" -> m == 1 ? String.valueOf(start.getYear()) : null;
            case "P6M" -> m == 1 || m == 7 ? start.getYear() + "S" + (m == 1 ? 1 : 2) : null;
            case "P3M" -> (m - 1) % 3 == 0 ? start.getYear() + "Q" + ((m - 1) / 3 + 1) : null;
            case "P1M" -> start.getYear() + "-" + (m < 10 ? "0" : "") + m;
            default -> null;
        };
    }
}
