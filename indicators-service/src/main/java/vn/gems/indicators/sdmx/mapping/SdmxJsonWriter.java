package vn.gems.indicators.sdmx.mapping;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import vn.gems.indicators.sdmx.service.Observation;
import vn.gems.indicators.sdmx.service.SdmxStructure;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SDMX-JSON 1.0 data ({@code application/vnd.sdmx.data+json;version=1.0.0}). Observations refer to dimension and
 * attribute values by index; the indexes are handed out as values appear and the {@code structure} that lists them is
 * written after the data set, so the message streams (memory holds only the distinct codes and periods met).
 * Observation attributes: OBS_STATUS, UNIT_MEASURE, SOURCE (numerators and denominators, which would each need a
 * dictionary entry, are in SDMX-CSV and SDMX-ML).
 */
public final class SdmxJsonWriter implements DataWriter {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String[] ATTRIBUTES = {"OBS_STATUS", "UNIT_MEASURE", "SOURCE"};

    private final SdmxStructure dsd;
    private final boolean series;
    private final OutputStream out;
    private JsonGenerator g;
    /** Per dimension (key dimensions, then TIME_PERIOD): value → index, in order of appearance. */
    private final List<Map<String, Integer>> dimValues = new ArrayList<>();
    private final List<Map<String, Integer>> attrValues = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Observation last = new Observation();
    private boolean inSeries;
    private final StringBuilder key = new StringBuilder(32);

    public SdmxJsonWriter(SdmxStructure dsd, boolean series, OutputStream out) {
        this.dsd = dsd;
        this.series = series;
        this.out = out;
        for (int i = 0; i <= dsd.dimensions.size(); i++) {
            dimValues.add(new LinkedHashMap<>());
        }
        for (int i = 0; i < ATTRIBUTES.length; i++) {
            attrValues.add(new LinkedHashMap<>());
        }
        dsd.codelists.values().forEach(cl -> cl.codes().forEach(c -> names.putIfAbsent(cl.id() + "/" + c.id(), c.nameEn())));
    }

    @Override
    public void begin() throws IOException {
        g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeObjectFieldStart("meta");
        g.writeStringField("id", "GEMS_" + UUID.randomUUID().toString().replace("-", ""));
        g.writeBooleanField("test", false);
        g.writeStringField("prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeArrayFieldStart("content-language");
        g.writeString("en");
        g.writeEndArray();
        g.writeObjectFieldStart("sender");
        g.writeStringField("id", SdmxStructure.AGENCY);
        g.writeStringField("name", "GEMS (Gender Equality Monitoring Suite)");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("data");
        g.writeArrayFieldStart("dataSets");
        g.writeStartObject();
        g.writeStringField("action", "Information");
        g.writeObjectFieldStart(series ? "series" : "observations");
    }

    @Override
    public void observation(Observation o) throws IOException {
        int n = dsd.dimensions.size();
        if (series) {
            if (!inSeries || !o.sameSeries(last)) {
                if (inSeries) {
                    g.writeEndObject();
                    g.writeEndObject();
                }
                key.setLength(0);
                keyIndexes(o, n);
                g.writeObjectFieldStart(key.toString());
                g.writeObjectFieldStart("observations");
                inSeries = true;
                last.copyFrom(o);
            }
            g.writeArrayFieldStart(String.valueOf(index(n, o.period)));
        } else {
            key.setLength(0);
            keyIndexes(o, n);
            key.append(':').append(index(n, o.period));
            g.writeArrayFieldStart(key.toString());
        }
        g.writeNumber(o.value);
        attribute(0, o.status);
        attribute(1, o.unitMeasure);
        attribute(2, o.source);
        g.writeEndArray();
    }

    private void keyIndexes(Observation o, int n) {
        key.append(index(0, o.indicator)).append(':').append(index(1, o.unit)).append(':').append(index(2, o.sex));
        for (int i = 0; i < o.extra.length; i++) {
            key.append(':').append(index(3 + i, o.extra[i]));
        }
    }

    private int index(int dimension, String value) {
        Map<String, Integer> m = dimValues.get(dimension);
        Integer i = m.get(value);
        if (i == null) {
            i = m.size();
            m.put(value, i);
        }
        return i;
    }

    private void attribute(int a, String value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        Map<String, Integer> m = attrValues.get(a);
        g.writeNumber(m.computeIfAbsent(value, v -> m.size()));
    }

    @Override
    public void end() throws IOException {
        if (series && inSeries) {
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("structure");
        g.writeArrayFieldStart("links");
        g.writeStartObject();
        g.writeStringField("href", "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + SdmxStructure.flowRef());
        g.writeStringField("rel", "dataflow");
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("href", "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + SdmxStructure.AGENCY + ":"
                + SdmxStructure.DSD_ID + "(" + SdmxStructure.VERSION + ")");
        g.writeStringField("rel", "datastructure");
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("name", "GEMS indicator values");
        g.writeObjectFieldStart("dimensions");
        int n = dsd.dimensions.size();
        g.writeArrayFieldStart(series ? "series" : "observation");
        for (int i = 0; i < n; i++) {
            SdmxStructure.Component d = dsd.dimensions.get(i);
            dimension(d.id(), d.nameEn(), null, i, d.codelist(), dimValues.get(i));
        }
        if (series) {
            g.writeEndArray();
            g.writeArrayFieldStart("observation");
        }
        dimension(dsd.time.id(), dsd.time.nameEn(), "time", n, null, dimValues.get(n));
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("attributes");
        g.writeArrayFieldStart("dataSet");
        g.writeEndArray();
        g.writeArrayFieldStart("series");
        g.writeEndArray();
        g.writeArrayFieldStart("observation");
        for (int a = 0; a < ATTRIBUTES.length; a++) {
            SdmxStructure.Component c = dsd.attributes.get(a);
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("name", c.nameEn());
            g.writeArrayFieldStart("values");
            for (String v : attrValues.get(a).keySet()) {
                g.writeStartObject();
                g.writeStringField("id", c.codelist() == null ? v.replaceAll("[^A-Za-z0-9_@$-]", "_") : v);
                g.writeStringField("name", c.codelist() == null ? v : names.getOrDefault(c.codelist() + "/" + v, v));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
        g.close();
    }

    private void dimension(String id, String name, String role, int position, String codelist, Map<String, Integer> values) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", name);
        if (role != null) {
            g.writeStringField("role", role);
        }
        g.writeNumberField("keyPosition", position);
        g.writeArrayFieldStart("values");
        for (String v : values.keySet()) {
            g.writeStartObject();
            g.writeStringField("id", v);
            g.writeStringField("name", codelist == null ? v : names.getOrDefault(codelist + "/" + v, v));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
