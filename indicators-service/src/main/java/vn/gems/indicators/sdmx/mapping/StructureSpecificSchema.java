package vn.gems.indicators.sdmx.mapping;

import vn.gems.indicators.sdmx.service.SdmxStructure;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The DSD-specific XML schema that structure-specific data is typed by (SDMX REST {@code /schema/…}): concrete
 * DataSet, Series and Obs types restricting the abstract ones of {@code SDMXDataStructureSpecific.xsd}, with one XML
 * attribute per dimension and attribute, coded ones as enumerations of their code list. Relative imports: kept beside
 * the official SDMX-ML 2.1 schemas.
 */
public final class StructureSpecificSchema {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";

    private StructureSpecificSchema() {
    }

    public static void write(SdmxStructure dsd, boolean series, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = SdmxXml.open(out);
            String ns = SdmxXml.dataNamespace(series);
            w.setPrefix("xs", XS);
            w.writeStartElement(XS, "schema");
            w.writeNamespace("xs", XS);
            w.writeNamespace("common", SdmxXml.COM);
            w.writeNamespace("dsd", SdmxXml.SS);
            w.writeDefaultNamespace(ns);
            w.writeAttribute("targetNamespace", ns);
            w.writeAttribute("elementFormDefault", "qualified");
            w.writeAttribute("attributeFormDefault", "unqualified");
            importSchema(w, SdmxXml.SS, "SDMXDataStructureSpecific.xsd");
            importSchema(w, SdmxXml.COM, "SDMXCommon.xsd");

            List<String> coded = new ArrayList<>();
            dsd.dimensions.forEach(d -> coded.add(d.codelist()));
            dsd.attributes.stream().filter(a -> a.codelist() != null).forEach(a -> coded.add(a.codelist()));
            for (String id : coded) {
                w.writeStartElement(XS, "simpleType");
                w.writeAttribute("name", id);
                w.writeStartElement(XS, "restriction");
                w.writeAttribute("base", "common:IDType");
                for (SdmxStructure.Code c : dsd.codelists.get(id).codes()) {
                    w.writeEmptyElement(XS, "enumeration");
                    w.writeAttribute("value", c.id());
                }
                w.writeEndElement();
                w.writeEndElement();
            }

            complexStart(w, "DataSetType", "dsd:DataSetType");
            w.writeStartElement(XS, "sequence");
            annotations(w);
            w.writeEmptyElement(XS, "element");
            w.writeAttribute("name", "DataProvider");
            w.writeAttribute("type", "common:DataProviderReferenceType");
            w.writeAttribute("form", "unqualified");
            w.writeAttribute("minOccurs", "0");
            w.writeStartElement(XS, "choice");
            w.writeAttribute("minOccurs", "0");
            w.writeEmptyElement(XS, "element");
            w.writeAttribute("name", series ? "Series" : "Obs");
            w.writeAttribute("type", series ? "SeriesType" : "ObsType");
            w.writeAttribute("form", "unqualified");
            w.writeAttribute("maxOccurs", "unbounded");
            w.writeEndElement();
            w.writeEndElement();
            complexEnd(w);

            if (series) {
                complexStart(w, "SeriesType", "dsd:SeriesType");
                w.writeStartElement(XS, "sequence");
                annotations(w);
                w.writeEmptyElement(XS, "element");
                w.writeAttribute("name", "Obs");
                w.writeAttribute("type", "ObsType");
                w.writeAttribute("form", "unqualified");
                w.writeAttribute("minOccurs", "0");
                w.writeAttribute("maxOccurs", "unbounded");
                w.writeEndElement();
                for (SdmxStructure.Component d : dsd.dimensions) {
                    attribute(w, d.id(), d.codelist(), "required");
                }
                prohibit(w, "TIME_PERIOD");
                complexEnd(w);
            }

            complexStart(w, "ObsType", "dsd:ObsType");
            w.writeStartElement(XS, "sequence");
            annotations(w);
            w.writeEndElement();
            prohibit(w, "type");
            if (!series) {
                for (SdmxStructure.Component d : dsd.dimensions) {
                    attribute(w, d.id(), d.codelist(), "required");
                }
            }
            attribute(w, "TIME_PERIOD", "common:ObservationalTimePeriodType", "required");
            attribute(w, "OBS_VALUE", "xs:decimal", "optional");
            for (SdmxStructure.Component a : dsd.attributes) {
                attribute(w, a.id(), a.codelist() != null ? a.codelist() : "Decimal".equals(a.textType()) ? "xs:decimal" : "xs:string", "optional");
            }
            complexEnd(w);

            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void importSchema(XMLStreamWriter w, String ns, String location) throws XMLStreamException {
        w.writeEmptyElement(XS, "import");
        w.writeAttribute("namespace", ns);
        w.writeAttribute("schemaLocation", location);
    }

    private static void complexStart(XMLStreamWriter w, String name, String base) throws XMLStreamException {
        w.writeStartElement(XS, "complexType");
        w.writeAttribute("name", name);
        w.writeStartElement(XS, "complexContent");
        w.writeStartElement(XS, "restriction");
        w.writeAttribute("base", base);
    }

    private static void complexEnd(XMLStreamWriter w) throws XMLStreamException {
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void annotations(XMLStreamWriter w) throws XMLStreamException {
        w.writeEmptyElement(XS, "element");
        w.writeAttribute("ref", "common:Annotations");
        w.writeAttribute("minOccurs", "0");
    }

    private static void attribute(XMLStreamWriter w, String name, String type, String use) throws XMLStreamException {
        w.writeEmptyElement(XS, "attribute");
        w.writeAttribute("name", name);
        w.writeAttribute("type", type);
        w.writeAttribute("use", use);
    }

    private static void prohibit(XMLStreamWriter w, String name) throws XMLStreamException {
        w.writeEmptyElement(XS, "attribute");
        w.writeAttribute("name", name);
        w.writeAttribute("use", "prohibited");
    }
}
