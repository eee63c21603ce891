package vn.gems.indicators.sdmx.mapping;

import vn.gems.indicators.sdmx.service.SdmxStructure;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Shared bits of the SDMX-ML 2.1 writers: namespaces, the message header, references. */
final class SdmxXml {

    static final String MES = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    static final String STR = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    static final String COM = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    static final String SS = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SdmxXml() {
    }

    static XMLStreamWriter open(OutputStream out) throws XMLStreamException {
        XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        return w;
    }

    /** ID, Test, Prepared, Sender — the part every 2.1 header starts with. */
    static void headerStart(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement(MES, "Header");
        text(w, MES, "ID", "GEMS_" + UUID.randomUUID().toString().replace("-", ""));
        text(w, MES, "Test", "false");
        text(w, MES, "Prepared", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        w.writeEmptyElement(MES, "Sender");
        w.writeAttribute("id", SdmxStructure.AGENCY);
    }

    static void text(XMLStreamWriter w, String ns, String name, String text) throws XMLStreamException {
        w.writeStartElement(ns, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    static void name(XMLStreamWriter w, String lang, String text) throws XMLStreamException {
        w.writeStartElement(COM, "Name");
        w.writeAttribute("xml", XML, "lang", lang);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** {@code <Ref agencyID id version/>} to a maintainable of this agency (Ref is unqualified in 2.1). */
    static void ref(XMLStreamWriter w, String id, String cls, String pkg) throws XMLStreamException {
        w.writeEmptyElement("Ref");
        w.writeAttribute("agencyID", SdmxStructure.AGENCY);
        w.writeAttribute("id", id);
        w.writeAttribute("version", SdmxStructure.VERSION);
        if (cls != null) {
            w.writeAttribute("class", cls);
            w.writeAttribute("package", pkg);
        }
    }

    static String urn(String pkgClass, String id) {
        return "urn:sdmx:org.sdmx.infomodel." + pkgClass + "=" + SdmxStructure.AGENCY + ":" + id + "(" + SdmxStructure.VERSION + ")";
    }

    /** The structure-specific namespace of the DSD for an observation dimension (TIME_PERIOD or AllDimensions). */
    static String dataNamespace(boolean series) {
        return urn("datastructure.DataStructure", SdmxStructure.DSD_ID) + ":ObsLevelDim:" + (series ? "TIME_PERIOD" : "AllDimensions");
    }

    static String structureId() {
        return SdmxStructure.AGENCY + "_" + SdmxStructure.DSD_ID + "_" + SdmxStructure.VERSION.replace('.', '_');
    }
}
