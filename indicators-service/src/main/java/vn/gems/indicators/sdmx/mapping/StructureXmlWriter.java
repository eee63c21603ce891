package vn.gems.indicators.sdmx.mapping;

import vn.gems.indicators.sdmx.service.SdmxStructure;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Collection;

import static vn.gems.indicators.sdmx.mapping.SdmxXml.COM;
import static vn.gems.indicators.sdmx.mapping.SdmxXml.MES;
import static vn.gems.indicators.sdmx.mapping.SdmxXml.STR;

/** An SDMX-ML 2.1 structure message ({@code application/vnd.sdmx.structure+xml;version=2.1}) of the generated structure. */
public final class StructureXmlWriter {

    /** What a structure query asks for: the dataflow, the DSD, the concept scheme and which codelists. */
    public record Parts(boolean dataflow, boolean dataStructure, boolean concepts, Collection<String> codelists) {
    }

    private StructureXmlWriter() {
    }

    public static void write(SdmxStructure dsd, Parts parts, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = SdmxXml.open(out);
            w.setPrefix("mes", MES);
            w.setPrefix("str", STR);
            w.setPrefix("com", COM);
            w.writeStartElement(MES, "Structure");
            w.writeNamespace("mes", MES);
            w.writeNamespace("str", STR);
            w.writeNamespace("com", COM);
            SdmxXml.headerStart(w);
            w.writeEndElement();
            w.writeStartElement(MES, "Structures");
            if (parts.dataflow()) {
                w.writeStartElement(STR, "Dataflows");
                w.writeStartElement(STR, "Dataflow");
                maintainable(w, SdmxStructure.FLOW_ID, SdmxXml.urn("datastructure.Dataflow", SdmxStructure.FLOW_ID));
                SdmxXml.name(w, "en", "GEMS sex-disaggregated gender-equality indicators (published final values)");
                SdmxXml.name(w, "vi", "Chỉ số bình đẳng giới phân tách theo giới tính (số liệu chính thức đã công bố)");
                w.writeStartElement(STR, "Structure");
                SdmxXml.ref(w, SdmxStructure.DSD_ID, "DataStructure", "datastructure");
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            if (!parts.codelists().isEmpty()) {
                w.writeStartElement(STR, "Codelists");
                for (String id : parts.codelists()) {
                    codelist(w, dsd.codelists.get(id));
                }
                w.writeEndElement();
            }
            if (parts.concepts()) {
                w.writeStartElement(STR, "Concepts");
                w.writeStartElement(STR, "ConceptScheme");
                maintainable(w, SdmxStructure.CONCEPTS_ID, SdmxXml.urn("conceptscheme.ConceptScheme", SdmxStructure.CONCEPTS_ID));
                SdmxXml.name(w, "en", "GEMS concepts");
                for (SdmxStructure.Component c : dsd.concepts()) {
                    w.writeStartElement(STR, "Concept");
                    w.writeAttribute("id", c.id());
                    SdmxXml.name(w, "en", c.nameEn());
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            if (parts.dataStructure()) {
                dataStructure(w, dsd);
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

    private static void maintainable(XMLStreamWriter w, String id, String urn) throws XMLStreamException {
        w.writeAttribute("id", id);
        w.writeAttribute("urn", urn);
        w.writeAttribute("agencyID", SdmxStructure.AGENCY);
        w.writeAttribute("version", SdmxStructure.VERSION);
        w.writeAttribute("isFinal", "false");
    }

    private static void codelist(XMLStreamWriter w, SdmxStructure.Codelist cl) throws XMLStreamException {
        w.writeStartElement(STR, "Codelist");
        maintainable(w, cl.id(), SdmxXml.urn("codelist.Codelist", cl.id()));
        SdmxXml.name(w, "en", cl.nameEn());
        for (SdmxStructure.Code c : cl.codes()) {
            w.writeStartElement(STR, "Code");
            w.writeAttribute("id", c.id());
            if (c.validFrom() != null || c.validTo() != null) {
                // SDMX 2.1 codes have no validity of their own: a unit's life is carried as annotations.
                w.writeStartElement(COM, "Annotations");
                annotation(w, "VALID_FROM", c.validFrom());
                annotation(w, "VALID_TO", c.validTo());
                w.writeEndElement();
            }
            SdmxXml.name(w, "en", c.nameEn());
            if (c.nameVi() != null) {
                SdmxXml.name(w, "vi", c.nameVi());
            }
            if (c.parent() != null) {
                w.writeStartElement(STR, "Parent");
                w.writeEmptyElement("Ref");
                w.writeAttribute("id", c.parent());
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void annotation(XMLStreamWriter w, String type, LocalDate day) throws XMLStreamException {
        if (day == null) {
            return;
        }
        w.writeStartElement(COM, "Annotation");
        SdmxXml.text(w, COM, "AnnotationTitle", day.toString());
        SdmxXml.text(w, COM, "AnnotationType", type);
        w.writeEndElement();
    }

    private static void dataStructure(XMLStreamWriter w, SdmxStructure dsd) throws XMLStreamException {
        w.writeStartElement(STR, "DataStructures");
        w.writeStartElement(STR, "DataStructure");
        maintainable(w, SdmxStructure.DSD_ID, SdmxXml.urn("datastructure.DataStructure", SdmxStructure.DSD_ID));
        SdmxXml.name(w, "en", "GEMS indicator values by unit, period, sex and dimension");
        w.writeStartElement(STR, "DataStructureComponents");
        w.writeStartElement(STR, "DimensionList");
        w.writeAttribute("id", "DimensionDescriptor");
        int position = 1;
        for (SdmxStructure.Component d : dsd.dimensions) {
            w.writeStartElement(STR, "Dimension");
            w.writeAttribute("id", d.id());
            w.writeAttribute("position", String.valueOf(position++));
            conceptIdentity(w, d);
            representation(w, d);
            w.writeEndElement();
        }
        w.writeStartElement(STR, "TimeDimension");
        w.writeAttribute("id", dsd.time.id());
        w.writeAttribute("position", String.valueOf(position));
        conceptIdentity(w, dsd.time);
        representation(w, dsd.time);
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement(STR, "AttributeList");
        w.writeAttribute("id", "AttributeDescriptor");
        for (SdmxStructure.Component a : dsd.attributes) {
            w.writeStartElement(STR, "Attribute");
            w.writeAttribute("id", a.id());
            w.writeAttribute("assignmentStatus", a.id().equals("OBS_STATUS") || a.id().equals("UNIT_MEASURE") ? "Mandatory" : "Conditional");
            conceptIdentity(w, a);
            representation(w, a);
            w.writeStartElement(STR, "AttributeRelationship");
            w.writeStartElement(STR, "PrimaryMeasure");
            w.writeEmptyElement("Ref");
            w.writeAttribute("id", dsd.measure.id());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement(STR, "MeasureList");
        w.writeAttribute("id", "MeasureDescriptor");
        w.writeStartElement(STR, "PrimaryMeasure");
        w.writeAttribute("id", dsd.measure.id());
        conceptIdentity(w, dsd.measure);
        representation(w, dsd.measure);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void conceptIdentity(XMLStreamWriter w, SdmxStructure.Component c) throws XMLStreamException {
        w.writeStartElement(STR, "ConceptIdentity");
        w.writeEmptyElement("Ref");
        w.writeAttribute("agencyID", SdmxStructure.AGENCY);
        w.writeAttribute("maintainableParentID", SdmxStructure.CONCEPTS_ID);
        w.writeAttribute("maintainableParentVersion", SdmxStructure.VERSION);
        w.writeAttribute("id", c.id());
        w.writeEndElement();
    }

    private static void representation(XMLStreamWriter w, SdmxStructure.Component c) throws XMLStreamException {
        w.writeStartElement(STR, "LocalRepresentation");
        if (c.codelist() != null) {
            w.writeStartElement(STR, "Enumeration");
            SdmxXml.ref(w, c.codelist(), "Codelist", "codelist");
            w.writeEndElement();
        } else {
            w.writeEmptyElement(STR, "TextFormat");
            w.writeAttribute("textType", c.textType());
        }
        w.writeEndElement();
    }
}
