package vn.gems.reporting.service;

import org.junit.jupiter.api.Test;
import vn.gems.reporting.service.export.CsvRenderer;
import vn.gems.reporting.service.export.ExportDocument;
import vn.gems.reporting.service.export.Lang;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRendererTest {

    @Test
    void formulasAreNeutralisedNumbersAreNot() {
        ExportDocument doc = new ExportDocument("x", Lang.VI, new ExportDocument.Header("N", "M", "UBND", "SỞ", "Số: 1", "Ngày 1"), "BÁO CÁO", "=evil()", null,
                List.of(new ExportDocument.Section("I", "S", List.of(new ExportDocument.Table("t", "c", List.of("a", "b", "c", "d", "e", "f", "g"),
                        List.of(List.of("=SUM(A1)", "+1", "-2 cmd", "@x", "\tx", new BigDecimal("-3.5"), "-42")))))),
                new ExportDocument.Closing("Nơi nhận:", List.of(), List.of("KÝ"), null));
        String csv = new String(CsvRenderer.render(doc), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"));
        assertTrue(csv.contains("'=evil()"));
        assertTrue(csv.contains("'=SUM(A1),'+1,'-2 cmd,'@x,'\tx,-3.5,-42\r\n"), csv);
        assertEquals(-1, csv.indexOf(",=SUM"));
    }
}
