package vn.gems.indicators.sdmx.mapping;

import vn.gems.indicators.sdmx.service.Observation;
import vn.gems.indicators.sdmx.service.SdmxStructure;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;

import static vn.gems.indicators.sdmx.mapping.SdmxXml.COM;
import static vn.gems.indicators.sdmx.mapping.SdmxXml.MES;
import static vn.gems.indicators.sdmx.mapping.SdmxXml.SS;
import static vn.gems.indicators.sdmx.mapping.SdmxXml.XSI;

/**
 * SDMX-ML 2.1 structure-specific data ({@code application/vnd.sdmx.structurespecificdata+xml;version=2.1}): series
 * of observations by TIME_PERIOD, or flat observations (AllDimensions). Its types are those of the schema
 * {@link StructureSpecificSchema} generates for the DSD.
 */
public final class StructureSpecificWriter implements DataWriter {

    private static final String DSD_NS_PREFIX = "ns1";

    private final SdmxStructure dsd;
    private final boolean series;
    private final OutputStream out;
    private XMLStreamWriter w;
    private final Observation last = new Observation();
    private boolean inSeries;

    public StructureSpecificWriter(SdmxStructure dsd, boolean series, OutputStream out) {
        this.dsd = dsd;
        this.series = series;
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        try {
            w = SdmxXml.open(out);
            String ns = SdmxXml.dataNamespace(series);
            w.setPrefix("mes", MES);
            w.setPrefix("com", COM);
            w.setPrefix("ss", SS);
            w.setPrefix("xsi", XSI);
            w.setPrefix(DSD_NS_PREFIX, ns);
            w.writeStartElement(MES, "StructureSpecificData");
            w.writeNamespace("mes", MES);
            w.writeNamespace("com", COM);
            w.writeNamespace("ss", SS);
            w.writeNamespace("xsi", XSI);
            w.writeNamespace(DSD_NS_PREFIX, ns);
            SdmxXml.headerStart(w);
            w.writeStartElement(MES, "Structure");
            w.writeAttribute("structureID", SdmxXml.structureId());
            w.writeAttribute("namespace", ns);
            w.writeAttribute("dimensionAtObservation", series ? "TIME_PERIOD" : "AllDimensions");
            w.writeStartElement(COM, "Structure");
            SdmxXml.ref(w, SdmxStructure.DSD_ID, null, null);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement(MES, "DataSet");
            w.writeAttribute(SS, "structureRef", SdmxXml.structureId());
            w.writeAttribute(SS, "dataScope", "DataStructure");
            w.writeAttribute(XSI, "type", DSD_NS_PREFIX + ":DataSetType");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void observation(Observation o) throws IOException {
        try {
            if (series) {
                if (!inSeries || !o.sameSeries(last)) {
                    if (inSeries) {
                        w.writeEndElement();
                    }
                    w.writeStartElement("Series");
                    keyAttributes(o);
                    inSeries = true;
                    last.copyFrom(o);
                }
                w.writeEmptyElement("Obs");
            } else {
                w.writeEmptyElement("Obs");
                keyAttributes(o);
            }
            w.writeAttribute("TIME_PERIOD", o.period);
            w.writeAttribute("OBS_VALUE", o.value);
            w.writeAttribute("OBS_STATUS", o.status);
            w.writeAttribute("UNIT_MEASURE", o.unitMeasure);
            if (o.source != null) {
                w.writeAttribute("SOURCE", o.source);
            }
            if (o.numerator != null) {
                w.writeAttribute("NUMERATOR", o.numerator);
            }
            if (o.denominator != null) {
                w.writeAttribute("DENOMINATOR", o.denominator);
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private void keyAttributes(Observation o) throws XMLStreamException {
        w.writeAttribute("INDICATOR", o.indicator);
        w.writeAttribute("REF_AREA", o.unit);
        w.writeAttribute("SEX", o.sex);
        for (int i = 0; i < o.extra.length; i++) {
            w.writeAttribute(dsd.dimensions.get(3 + i).id(), o.extra[i]);
        }
    }

    @Override
    public void end() throws IOException {
        try {
            if (inSeries) {
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
