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
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A printable DOCX laid out like a Vietnamese administrative report (Nghị định 30/2020 style): the two-column
 * header block (authority and agency on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh
 * phúc" on the right), number and date, the title, numbered sections with the tables, one female-vs-male bar
 * chart per target measure, then "Nơi nhận" and the signature block. Written with Apache POI.
 */
public final class DocxRenderer {

    private static final String FONT = "Times New Roman";

    private DocxRenderer() {
    }

    public static byte[] render(ExportDocument doc) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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
                        case ExportDocument.Table t -> table(d, t);
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
        cellLine(right, ExportDocument.Header.NATION, true, true);
        cellLine(right, ExportDocument.Header.MOTTO, true, false);
        XWPFParagraph date = cellLine(right, h.dateLine(), false, false);
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
        String[] categories = {"Nữ (female)", "Nam (male)"};
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
        series.setTitle("Giá trị (value)", chart.setSheetTitle("Giá trị (value)", 1));
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
        r.setText("Nơi nhận:");
        r.setBold(true);
        r.setItalic(true);
        r.setFontFamily(FONT);
        r.setFontSize(12);
        for (String line : doc.recipients()) {
            XWPFRun x = left.addParagraph().createRun();
            x.setText("- " + line);
            x.setFontFamily(FONT);
            x.setFontSize(11);
        }
        cellLine(right, doc.signature(), true, true);
        cellLine(right, "(Ký, ghi rõ họ tên, đóng dấu)", false, false).getRuns().forEach(x -> x.setItalic(true));
    }
}
