package vn.gems.common.testing;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the official PDF documents (Decree 30/2020 reports) back as text, for reporting-service's tests and the
 * end-to-end tests alike. Needs PDFBox on the caller's test class path.
 */
public final class PdfText {

    private PdfText() {
    }

    /**
     * The text of a PDF in the order it was written (a two-column block: the left cell, then the right; a table
     * row: cell after cell), with runs of white space made one space so that wrapped lines read as written.
     */
    public static String of(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    /** Asserts that the parts occur in this order in the text. */
    public static void assertInOrder(String text, List<String> parts) {
        int at = -1;
        for (String p : parts) {
            int next = text.indexOf(p, at + 1);
            int after = at;
            assertTrue(next > at, () -> "'" + p + "' not found in order after position " + after + "; text:\n" + text);
            at = next;
        }
    }
}
