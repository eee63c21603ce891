package vn.gems.reporting.service.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The printed report as PDF/A-2u, in-process (openhtmltopdf on Apache PDFBox; no office suite): the document is
 * written as XHTML with print CSS laid out per Decree 30/2020/NĐ-CP — A4, margins top and bottom 20 mm, left
 * 30 mm, right 15 mm, page numbers centred in the top margin from page 2 — and set in Liberation Serif (SIL OFL
 * 1.1, metric-compatible with Times New Roman, full Vietnamese coverage), embedded, since Times New Roman
 * cannot be shipped. Charts are drawn as plain bars (PDF/A forbids transparency; nothing here uses it).
 */
@ApplicationScoped
public class PdfRenderer {

    static final String FONT = "Liberation Serif";
    private static final Pattern UNBROKEN = Pattern.compile("[A-Z0-9][A-Za-z0-9./-]{0,23}");
    private static final String[][] FACES = {
            {"LiberationSerif-Regular.ttf", "400", "NORMAL"}, {"LiberationSerif-Bold.ttf", "700", "NORMAL"},
            {"LiberationSerif-Italic.ttf", "400", "ITALIC"}, {"LiberationSerif-BoldItalic.ttf", "700", "ITALIC"}};

    private final byte[][] fonts = new byte[FACES.length][];
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public PdfRenderer() {
        for (int i = 0; i < FACES.length; i++) {
            try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + FACES[i][0])) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: /fonts/" + FACES[i][0]);
                }
                fonts[i] = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public byte[] render(ExportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
            b.useColorProfile(srgb);
            for (int i = 0; i < FACES.length; i++) {
                byte[] face = fonts[i];
                b.useFont(() -> new ByteArrayInputStream(face), FONT, Integer.valueOf(FACES[i][1]), FontStyle.valueOf(FACES[i][2]), true);
            }
            b.withProducer("GEMS reporting-service");
            b.withHtmlContent(html(doc), null);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String html(ExportDocument doc) {
        ExportDocument.Header h = doc.header();
        StringBuilder s = new StringBuilder(16_384);
        s.append("<!DOCTYPE html><html lang=\"").append(doc.lang() == Lang.EN ? "en" : "vi").append("\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(esc(doc.title() + " — " + doc.subtitle())).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(esc(doc.subtitle())).append("\"/>")
                .append("<meta name=\"author\" content=\"").append(esc(h.agency())).append("\"/>")
                .append("<style>").append(CSS).append("</style></head><body>");
        // Decree 30 parts 1–4: national name and motto; issuing body; number and symbol; place and date.
        s.append("<table class=\"head\"><tr><td class=\"left\">")
                .append("<div class=\"authority\">").append(esc(h.authority())).append("</div>")
                .append("<div class=\"agency\">").append(esc(h.agency())).append("</div><div class=\"rule\"></div>")
                .append("<div class=\"number\">").append(esc(h.number())).append("</div>")
                .append("</td><td class=\"right\">")
                .append("<div class=\"nation\">").append(esc(h.nation())).append("</div>")
                .append("<div class=\"motto\">").append(esc(h.motto())).append("</div><div class=\"rule long\"></div>")
                .append("<div class=\"date\">").append(esc(h.placeAndDate())).append("</div>")
                .append("</td></tr></table>");
        // Parts 5–6: type and summary, the addressee, then the body.
        s.append("<div class=\"type\">").append(esc(doc.title())).append("</div>");
        s.append("<div class=\"summary\">").append(esc(doc.subtitle())).append("</div><div class=\"rule short\"></div>");
        if (doc.addressee() != null) {
            s.append("<div class=\"to\">").append(esc(doc.addressee())).append("</div>");
        }
        for (ExportDocument.Section sec : doc.sections()) {
            s.append("<h2>").append(esc(sec.number() + ". " + sec.title())).append("</h2>");
            for (ExportDocument.Block block : sec.blocks()) {
                switch (block) {
                    case ExportDocument.Paragraph p -> s.append(p.bold() ? "<p class=\"b\">" : "<p>").append(esc(p.text())).append("</p>");
                    case ExportDocument.Table t -> {
                        if (t.medium().printed()) {
                            table(s, t);
                        }
                    }
                    case ExportDocument.Chart c -> chart(s, c);
                }
            }
        }
        // Parts 7–8: recipients beside the signature block.
        ExportDocument.Closing c = doc.closing();
        s.append("<table class=\"closing\"><tr><td class=\"left\"><div class=\"recipients\">").append(esc(c.recipientsLabel())).append("</div>");
        for (String r : c.recipients()) {
            s.append("<div class=\"recipient\">- ").append(esc(r)).append("</div>");
        }
        s.append("</td><td class=\"right\">");
        for (String line : c.signature()) {
            s.append("<div class=\"signer\">").append(esc(line)).append("</div>");
        }
        if (c.signNote() != null) {
            s.append("<div class=\"note\">").append(esc(c.signNote())).append("</div>");
        }
        s.append("</td></tr></table></body></html>");
        return s.toString();
    }

    private static void table(StringBuilder s, ExportDocument.Table t) {
        s.append("<p class=\"caption\">").append(esc(t.caption())).append("</p><table class=\"grid\"><thead><tr>");
        for (String head : t.headers()) {
            s.append("<th>").append(esc(head)).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (List<Object> row : t.rows()) {
            s.append("<tr>");
            for (int i = 0; i < row.size() && i < t.headers().size(); i++) {
                Object v = row.get(i);
                String text = v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
                // Numbers right-aligned; codes, dates and numbers never broken across lines.
                s.append(v instanceof Number ? "<td class=\"n\">" : UNBROKEN.matcher(text).matches() ? "<td class=\"nw\">" : "<td>").append(esc(text)).append("</td>");
            }
            s.append("</tr>");
        }
        if (t.rows().isEmpty()) {
            s.append("<tr><td colspan=\"").append(t.headers().size()).append("\">—</td></tr>");
        }
        s.append("</tbody></table>");
    }

    /** Two horizontal bars, female and male, scaled to the larger value. */
    private static void chart(StringBuilder s, ExportDocument.Chart c) {
        BigDecimal max = c.female().max(c.male());
        s.append("<table class=\"chart\"><tr><td colspan=\"3\" class=\"ct\">").append(esc(c.title())).append("</td></tr>");
        bar(s, c.femaleLabel(), c.female(), max, "f");
        bar(s, c.maleLabel(), c.male(), max, "m");
        s.append("</table>");
    }

    private static void bar(StringBuilder s, String label, BigDecimal value, BigDecimal max, String kind) {
        int pct = max.signum() <= 0 ? 0 : value.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
        s.append("<tr><td class=\"cl\">").append(esc(label)).append("</td><td class=\"cb\"><div class=\"bar ").append(kind)
                .append("\" style=\"width:").append(Math.max(pct, 1)).append("%\"></div></td><td class=\"cv\">")
                .append(esc(value.stripTrailingZeros().toPlainString())).append("</td></tr>");
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // XML 1.0 has no place for most control characters; a report text must not break the document.
                    if (ch >= 0x20 || ch == '\n' || ch == '\t') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;
              @top-center { content: counter(page); font-family: 'Liberation Serif'; font-size: 13pt; } }
            @page :first { @top-center { content: none; } }
            * { font-family: 'Liberation Serif'; }
            body { font-size: 13pt; line-height: 1.25; }
            table.head, table.closing { width: 100%; border-collapse: collapse; }
            table.head td { vertical-align: top; text-align: center; padding: 0; }
            table.head td.left { width: 45%; } table.head td.right { width: 55%; }
            .authority { font-size: 12pt; } .agency { font-size: 12pt; font-weight: bold; }
            .nation { font-size: 12pt; font-weight: bold; } .motto { font-size: 13pt; font-weight: bold; }
            .rule { border-top: 0.6pt solid #000; width: 30%; margin: 1pt auto 6pt auto; height: 0; }
            .rule.long { width: 62%; } .rule.short { width: 20%; margin-top: 2pt; }
            .number { font-size: 13pt; white-space: pre; } .date { font-size: 13pt; font-style: italic; }
            .type { text-align: center; font-weight: bold; font-size: 14pt; margin-top: 18pt; }
            .summary { text-align: center; font-weight: bold; font-size: 14pt; }
            .to { text-align: center; margin: 6pt 0 10pt 0; }
            h2 { font-size: 13pt; font-weight: bold; margin: 10pt 0 4pt 0; page-break-after: avoid; }
            p { text-align: justify; text-indent: 10mm; margin: 0 0 6pt 0; }
            p.b { font-weight: bold; } p.caption { font-weight: bold; text-indent: 0; margin-top: 8pt; page-break-after: avoid; }
            table.grid { width: 100%; border-collapse: collapse; -fs-table-paginate: paginate; margin-bottom: 8pt; }
            table.grid th, table.grid td { border: 0.6pt solid #000; padding: 2pt 3pt; font-size: 10.5pt; vertical-align: top; }
            table.grid th { font-weight: bold; text-align: center; }
            table.grid tr { page-break-inside: avoid; }
            td.n { text-align: right; white-space: nowrap; } td.nw { white-space: nowrap; }
            table.chart { width: 80%; margin: 4pt 0 8pt 10mm; border-collapse: collapse; page-break-inside: avoid; }
            table.chart td { font-size: 10.5pt; padding: 1pt 3pt; }
            td.ct { font-style: italic; } td.cl { width: 12%; } td.cb { width: 73%; } td.cv { width: 15%; text-align: right; }
            div.bar { height: 9pt; } div.bar.f { background-color: #8e3a59; } div.bar.m { background-color: #2f5d8a; }
            table.closing { margin-top: 14pt; page-break-inside: avoid; }
            table.closing td { vertical-align: top; }
            table.closing td.left { width: 45%; } table.closing td.right { width: 55%; text-align: center; }
            .recipients { font-size: 12pt; font-weight: bold; font-style: italic; } .recipient { font-size: 11pt; }
            .signer { font-size: 13pt; font-weight: bold; } .note { font-style: italic; font-size: 13pt; margin-bottom: 60pt; }
            """;
}
