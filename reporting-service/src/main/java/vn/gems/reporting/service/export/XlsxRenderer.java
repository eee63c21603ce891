package vn.gems.reporting.service.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XLSX through Apache POI: a cover sheet with the header and the narrative, then one sheet per table sheet name
 * (for a consolidation: completeness, then one sheet per objective with its targets table). Numbers are numeric
 * cells; text is never a formula.
 */
public final class XlsxRenderer {

    private XlsxRenderer() {
    }

    public static byte[] render(ExportDocument doc) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);

            Sheet cover = wb.createSheet("Báo cáo");
            int r = 0;
            r = text(cover, r, bold, doc.header().authority(), doc.header().nation());
            r = text(cover, r, bold, doc.header().agency(), doc.header().motto());
            r = text(cover, r, null, doc.header().number(), doc.header().placeAndDate());
            r++;
            r = text(cover, r, bold, doc.title());
            r = text(cover, r, null, doc.subtitle());
            if (doc.addressee() != null) {
                r = text(cover, r, null, doc.addressee());
            }
            Map<String, Sheet> sheets = new LinkedHashMap<>();
            Map<String, Integer> next = new LinkedHashMap<>();
            for (ExportDocument.Section s : doc.sections()) {
                r++;
                r = text(cover, r, bold, s.number() + ". " + s.title());
                for (ExportDocument.Block b : s.blocks()) {
                    if (b instanceof ExportDocument.Paragraph p) {
                        r = text(cover, r, p.bold() ? bold : null, p.text());
                    } else if (b instanceof ExportDocument.Table t && t.medium().tabulated()) {
                        String name = unique(sheets, t.sheet());
                        Sheet sheet = sheets.computeIfAbsent(name, wb::createSheet);
                        int row = next.getOrDefault(name, 0);
                        row = text(sheet, row, bold, t.caption());
                        Row h = sheet.createRow(row++);
                        for (int c = 0; c < t.headers().size(); c++) {
                            Cell cell = h.createCell(c);
                            cell.setCellValue(t.headers().get(c));
                            cell.setCellStyle(bold);
                        }
                        for (List<Object> values : t.rows()) {
                            Row x = sheet.createRow(row++);
                            for (int c = 0; c < values.size(); c++) {
                                put(x.createCell(c), values.get(c));
                            }
                        }
                        next.put(name, row + 1);
                        for (int c = 0; c < t.headers().size(); c++) {
                            sheet.setColumnWidth(c, Math.min(60, Math.max(12, t.headers().get(c).length() + 2)) * 256);
                        }
                    }
                }
            }
            cover.setColumnWidth(0, 100 * 256);
            cover.setColumnWidth(1, 50 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tables of one sheet name share the sheet; the name is made safe once. */
    private static String unique(Map<String, Sheet> sheets, String wanted) {
        String name = wanted == null || wanted.isBlank() ? "Bảng" : wanted;
        name = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static void put(Cell cell, Object v) {
        if (v instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(v == null ? "" : v.toString());
        }
    }

    private static int text(Sheet sheet, int row, CellStyle style, String... values) {
        Row r = sheet.createRow(row);
        for (int i = 0; i < values.length; i++) {
            Cell c = r.createCell(i);
            c.setCellValue(values[i] == null ? "" : values[i]);
            if (style != null) {
                c.setCellStyle(style);
            }
        }
        return row + 1;
    }
}
