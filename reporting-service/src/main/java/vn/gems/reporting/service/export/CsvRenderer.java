package vn.gems.reporting.service.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV that opens correctly in Excel: UTF-8 with a byte-order mark, CRLF rows, every table of the document one
 * after the other (a caption row, a header row, the rows, an empty row). Text cells that a spreadsheet would
 * run as a formula (starting with = + - @, a tab or a carriage return) get a leading apostrophe.
 */
public final class CsvRenderer {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvRenderer() {
    }

    public static byte[] render(ExportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL)) {
            w.write('\uFEFF');
            csv.printRecord(cell(doc.title()), cell(doc.subtitle()));
            csv.printRecord(cell(doc.header().agency()), cell(doc.header().number()), cell(doc.header().placeAndDate()));
            csv.println();
            for (ExportDocument.Section s : doc.sections()) {
                for (ExportDocument.Block b : s.blocks()) {
                    if (b instanceof ExportDocument.Table t && t.medium().tabulated()) {
                        csv.printRecord(cell(s.number() + ". " + s.title()), cell(t.caption()));
                        csv.printRecord(t.headers().stream().map(CsvRenderer::cell).toList());
                        for (List<Object> row : t.rows()) {
                            List<String> cells = new ArrayList<>();
                            row.forEach(c -> cells.add(cell(c)));
                            csv.printRecord(cells);
                        }
                        csv.println();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Numbers as plain digits; text neutralised against formula injection. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        String s = value.toString();
        if (s.isEmpty() || NUMBER.matcher(s).matches()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
