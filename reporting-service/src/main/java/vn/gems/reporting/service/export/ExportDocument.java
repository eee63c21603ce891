package vn.gems.reporting.service.export;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report laid out once, rendered to CSV, XLSX, DOCX and PDF. The printed forms follow Decree 30/2020/NĐ-CP in
 * this order: national name and motto beside the issuing body (its governing body above it), number and symbol,
 * place and date, the document type and summary, the addressee, the body in numbered sections, then the
 * recipients ("Nơi nhận") beside the signature block.
 */
public record ExportDocument(String fileBase, Lang lang, Header header, String title, String subtitle, String addressee,
                             List<Section> sections, Closing closing) {

    /** Left: the governing body and the issuing body (upper case) with the number; right: the nation, the motto and the place and date. */
    public record Header(String nation, String motto, String authority, String agency, String number, String placeAndDate) {
        public static final String NATION_VI = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        public static final String MOTTO_VI = "Độc lập - Tự do - Hạnh phúc";
        public static final String NATION_EN = "SOCIALIST REPUBLIC OF VIET NAM";
        public static final String MOTTO_EN = "Independence - Freedom - Happiness";
    }

    /** "Nơi nhận" and the signature block: the signer's capacity lines (e.g. "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and a note. */
    public record Closing(String recipientsLabel, List<String> recipients, List<String> signature, String signNote) {
    }

    /** A numbered section ("I", "II", …). */
    public record Section(String number, String title, List<Block> blocks) {
    }

    public sealed interface Block permits Paragraph, Table, Chart {
    }

    public record Paragraph(String text, boolean bold) implements Block {
    }

    /** Where a table appears: everywhere, only in the spreadsheets (CSV, XLSX) or only in the printed documents (DOCX, PDF). */
    public enum Medium {
        ALL, SHEET, PRINT;

        public boolean printed() {
            return this != SHEET;
        }

        public boolean tabulated() {
            return this != PRINT;
        }
    }

    /** A table; {@code sheet} names the XLSX sheet it goes on (tables sharing a sheet are stacked). */
    public record Table(String sheet, String caption, List<String> headers, List<List<Object>> rows, Medium medium) implements Block {
        public Table(String sheet, String caption, List<String> headers, List<List<Object>> rows) {
            this(sheet, caption, headers, rows, Medium.ALL);
        }
    }

    /** A simple chart of one target measure's female and male values, with the two category labels. */
    public record Chart(String title, String femaleLabel, String maleLabel, BigDecimal female, BigDecimal male) implements Block {
    }
}
