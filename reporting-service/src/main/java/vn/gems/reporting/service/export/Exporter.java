package vn.gems.reporting.service.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;

/** Renders a document in the asked format; JSON is the API's own view of the thing exported. */
@ApplicationScoped
public class Exporter {

    /** A rendered file. */
    public record File(byte[] bytes, String mediaType, String filename) {
    }

    private final ObjectMapper json;
    private final PdfRenderer pdf;

    public Exporter(ObjectMapper json, PdfRenderer pdf) {
        this.json = json;
        this.pdf = pdf;
    }

    public File render(Object view, ExportDocument doc, Format format) {
        byte[] bytes = switch (format) {
            case JSON -> json(view);
            case CSV -> CsvRenderer.render(doc);
            case XLSX -> XlsxRenderer.render(doc);
            case DOCX -> DocxRenderer.render(doc);
            case PDF -> pdf.render(doc);
        };
        return new File(bytes, format.mediaType, doc.fileBase() + "." + format.extension);
    }

    private byte[] json(Object view) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
