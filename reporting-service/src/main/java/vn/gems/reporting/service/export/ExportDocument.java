package vn.gems.reporting.service.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report laid out once, rendered to CSV, XLSX and DOCX: the administrative header block, the title, numbered
 * sections of paragraphs, tables and female-vs-male charts, and the closing block.
 */
public record ExportDocument(String fileBase, Header header, String title, String subtitle, String addressee,
                             List<Section> sections, List<String> recipients, String signature) {

    /** Left: the authority and the agency (upper case); right: the national motto; then number and date. */
    public record Header(String authority, String agency, String number, String dateLine) {
        public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    }

    /** A numbered section ("I", "II", …). */
    public record Section(String number, String title, List<Block> blocks) {
    }

    public sealed interface Block permits Paragraph, Table, Chart {
    }

    public record Paragraph(String text, boolean bold) implements Block {
    }

    /** A table; {@code sheet} names the XLSX sheet it goes on (tables sharing a sheet are stacked). */
    public record Table(String sheet, String caption, List<String> headers, List<List<Object>> rows) implements Block {
    }

    /** A simple chart of one target measure's female and male values. */
    public record Chart(String title, BigDecimal female, BigDecimal male) implements Block {
    }
}
