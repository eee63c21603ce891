package vn.gems.indicators.sdmx.mapping;

import vn.gems.indicators.sdmx.service.Observation;
import vn.gems.indicators.sdmx.service.SdmxStructure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * SDMX-CSV, one observation per line: version 1.0 ({@code DATAFLOW} column first) or 2.0 ({@code STRUCTURE,
 * STRUCTURE_ID, ACTION}); then the key dimensions, TIME_PERIOD, OBS_VALUE and the attributes. The same layout is read
 * back by the push endpoint ({@code SdmxCsvFormat}).
 */
public final class SdmxCsvWriter implements DataWriter {

    private final SdmxStructure dsd;
    private final boolean v2;
    private final Writer out;
    private final String prefix;

    public SdmxCsvWriter(SdmxStructure dsd, boolean v2, OutputStream out) {
        this.dsd = dsd;
        this.v2 = v2;
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.prefix = v2 ? "dataflow," + SdmxStructure.flowRef() + ",I," : SdmxStructure.flowRef() + ",";
    }

    @Override
    public void begin() throws IOException {
        out.write(v2 ? "STRUCTURE,STRUCTURE_ID,ACTION" : "DATAFLOW");
        for (SdmxStructure.Component d : dsd.dimensions) {
            out.write(',');
            out.write(d.id());
        }
        out.write(",TIME_PERIOD,OBS_VALUE");
        for (SdmxStructure.Component a : dsd.attributes) {
            out.write(',');
            out.write(a.id());
        }
        out.write('\n');
    }

    @Override
    public void observation(Observation o) throws IOException {
        out.write(prefix);
        field(o.indicator);
        out.write(',');
        field(o.unit);
        out.write(',');
        out.write(o.sex);
        for (String e : o.extra) {
            out.write(',');
            field(e);
        }
        out.write(',');
        out.write(o.period);
        out.write(',');
        out.write(o.value);
        out.write(',');
        out.write(o.status);
        out.write(',');
        out.write(o.unitMeasure);
        out.write(',');
        field(o.source);
        out.write(',');
        field(o.numerator);
        out.write(',');
        field(o.denominator);
        out.write('\n');
    }

    /** Codes cannot hold separators; free text (SOURCE) is quoted when it does. */
    private void field(String s) throws IOException {
        if (s == null) {
            return;
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }
}
