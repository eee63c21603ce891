package vn.gems.reporting.service.export;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A printable DOCX laid out per Decree 30/2020/NĐ-CP (A4, the decree's margins, Times New Roman): the two-column
 * header block (authority and agency on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh
 * phúc" on the right), number and date, the title, numbered sections with the tables, one female-vs-male bar
 * chart per target measure, then "Nơi nhận" and the signature block. Written with Apache POI.
 */
public final class DocxRenderer {

    private static final String FONT = "Times New Roman";
    static final int MARGIN_TOP_MM = 20;
    static final int MARGIN_BOTTOM_MM = 20;
    static final int MARGIN_LEFT_MM = 30;
    static final int MARGIN_RIGHT_MM = 15;

    private DocxRenderer() {
    }

    public static byte[] render(ExportDocument doc) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(d);
            header(d, doc.header());
            paragraph(d, doc.title(), true, 14, ParagraphAlignment.CENTER);
            paragraph(d, doc.subtitle(), true, 13, ParagraphAlignment.CENTER);
            if (doc.addressee() != null) {
                paragraph(d, doc.addressee(), false, 13, ParagraphAlignment.CENTER);
            }
            for (ExportDocument.Section s : doc.sections()) {
                paragraph(d, s.number() + ". " + s.title(), true, 13, ParagraphAlignment.LEFT);
                for (ExportDocument.Block b : s.blocks()) {
                    switch (b) {
                        case ExportDocument.Paragraph p -> paragraph(d, p.text(), p.bold(), 13, ParagraphAlignment.BOTH);
                        case ExportDocument.Table t -> {
                            if (t.medium().printed()) {
                                table(d, t);
                            }
                        }
                        case ExportDocument.Chart c -> chart(d, c);
                    }
                }
            }
            closing(d, doc);
            d.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * A4 portrait with Decree 30/2020's margins (Appendix I): top and bottom 20 mm, left 30 mm, right 15 mm
     * (the decree allows 20–25, 30–35 and 15–20), Times New Roman as the document's default font.
     */
    private static void page(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().isSetSectPr() ? d.getDocument().getBody().getSectPr() : d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(210)));
        size.setH(BigInteger.valueOf(twips(297)));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(twips(MARGIN_TOP_MM)));
        mar.setBottom(BigInteger.valueOf(twips(MARGIN_BOTTOM_MM)));
        mar.setLeft(BigInteger.valueOf(twips(MARGIN_LEFT_MM)));
        mar.setRight(BigInteger.valueOf(twips(MARGIN_RIGHT_MM)));
        mar.setHeader(BigInteger.valueOf(twips(10)));
        mar.setFooter(BigInteger.valueOf(twips(10)));
        XWPFStyles styles = d.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        styles.setDefaultFonts(fonts);
    }

    /** Millimetres to twentieths of a point, Word's page unit. */
    static long twips(double mm) {
        return Math.round(mm / 25.4 * 1440);
    }

    private static void header(XWPFDocument d, ExportDocument.Header h) {
        XWPFTable t = d.createTable(1, 2);
        t.setTableAlignment(TableRowAlign.CENTER);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        cellLine(left, h.authority(), false, true);
        cellLine(left, h.agency(), true, false);
        cellLine(left, h.number(), false, false);
        cellLine(right, h.nation(), true, true);
        cellLine(right, h.motto(), true, false);
        XWPFParagraph date = cellLine(right, h.placeAndDate(), false, false);
        date.getRuns().forEach(r -> r.setItalic(true));
    }

    private static XWPFParagraph cellLine(XWPFTableCell cell, String text, boolean bold, boolean first) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setBold(bold);
        r.setFontFamily(FONT);
        r.setFontSize(12);
        return p;
    }

    private static void paragraph(XWPFDocument d, String text, boolean bold, int size, ParagraphAlignment align) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(120);
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setBold(bold);
        r.setFontFamily(FONT);
        r.setFontSize(size);
    }

    private static void table(XWPFDocument d, ExportDocument.Table t) {
        paragraph(d, t.caption(), false, 12, ParagraphAlignment.LEFT);
        XWPFTable table = d.createTable(t.rows().size() + 1, t.headers().size());
        table.setWidth("100%");
        XWPFTableRow head = table.getRow(0);
        for (int c = 0; c < t.headers().size(); c++) {
            fill(head.getCell(c), t.headers().get(c), true);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<Object> row = t.rows().get(r);
            XWPFTableRow x = table.getRow(r + 1);
            for (int c = 0; c < row.size() && c < t.headers().size(); c++) {
                Object v = row.get(c);
                fill(x.getCell(c), v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v), false);
            }
        }
        d.createParagraph();
    }

    private static void fill(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontFamily(FONT);
        r.setFontSize(10);
    }

    /** A two-bar chart, female and male, with its data embedded so Word can edit it. */
    private static void chart(XWPFDocument d, ExportDocument.Chart c) throws IOException, InvalidFormatException {
        XWPFChart chart = d.createChart(Units.toEMU(360), Units.toEMU(180));
        chart.setTitleText(c.title());
        chart.setTitleOverlay(false);
        String[] categories = {c.femaleLabel(), c.maleLabel()};
        Double[] values = {c.female().doubleValue(), c.male().doubleValue()};
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(categories, chart.formatRange(new CellRangeAddress(1, 2, 0, 0)), 0);
        XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(values, chart.formatRange(new CellRangeAddress(1, 2, 1, 1)), 1);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(true);
        XDDFChartData.Series series = data.addSeries(cats, vals);
        series.setTitle(c.femaleLabel() + " / " + c.maleLabel(), chart.setSheetTitle(c.femaleLabel() + " / " + c.maleLabel(), 1));
        chart.plot(data);
    }

    private static void closing(XWPFDocument d, ExportDocument doc) {
        XWPFTable t = d.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        XWPFParagraph first = left.getParagraphs().get(0);
        XWPFRun r = first.createRun();
        r.setText(doc.closing().recipientsLabel());
        r.setBold(true);
        r.setItalic(true);
        r.setFontFamily(FONT);
        r.setFontSize(12);
        for (String line : doc.closing().recipients()) {
            XWPFRun x = left.addParagraph().createRun();
            x.setText("- " + line);
            x.setFontFamily(FONT);
            x.setFontSize(11);
        }
        boolean top = true;
        for (String line : doc.closing().signature()) {
            cellLine(right, line, true, top);
            top = false;
        }
        cellLine(right, doc.closing().signNote(), false, false).getRuns().forEach(x -> x.setItalic(true));
    }
}
