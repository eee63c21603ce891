package vn.gems.indicators.push.input;

import vn.gems.indicators.push.rules.GroupChecks;
import vn.gems.indicators.push.rules.RowError;

import org.junit.jupiter.api.Test;
import vn.gems.indicators.Period;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV as Excel and people write it, read row by row with the file's own line numbers. */
class CsvRowSourceTest {

    static List<RawRow> read(String csv, List<RowError> malformed) throws IOException {
        CsvRowSource src = new CsvRowSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Set.of("ethnicity"));
        List<RawRow> rows = new ArrayList<>();
        RawRow r = new RawRow();
        while (src.next(r)) {
            if (src.malformed() != null) {
                malformed.add(src.malformed());
                continue;
            }
            RawRow copy = new RawRow();
            copy.clear(r.line);
            copy.indicator = r.indicator;
            copy.unit = r.unit;
            copy.period = r.period;
            copy.sex = r.sex;
            copy.value = r.value;
            copy.dims.putAll(r.dims);
            rows.add(copy);
        }
        return rows;
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        List<RowError> bad = new ArrayList<>();
        List<RawRow> rows = read("\uFEFFIndicator,Unit,Period,Sex,Value,Ethnicity\r\n"
                + "\"BIRTHS\",\"VN-46\",2024,FEMALE,\"7,012\",\r\n"
                + "\"a \"\"quoted\"\" name\nover two lines\",VN-46,2024,MALE,1,MINORITY\r\n"
                + "\r\n"
                + "BIRTHS,VN-46,2024,TOTAL,9\n", bad);
        assertEquals(3, rows.size());
        assertEquals("7,012", rows.get(0).value);
        assertEquals(2, rows.get(0).line);
        assertEquals("a \"quoted\" name\nover two lines", rows.get(1).indicator);
        assertEquals("MINORITY", rows.get(1).dims.get("ethnicity"));
        assertEquals(3, rows.get(1).line);
        assertEquals(6, rows.get(2).line, "the blank line 5 is skipped and line numbers stay the file's");
        assertTrue(bad.isEmpty());
    }

    @Test
    void semicolonsMeanDecimalCommas() throws IOException {
        CsvRowSource src = new CsvRowSource(new ByteArrayInputStream("indicator;unit;period;value\nX;VN;2024;1,5\n".getBytes(StandardCharsets.UTF_8)),
                Set.of());
        assertTrue(src.decimalComma());
        RawRow r = new RawRow();
        assertTrue(src.next(r));
        assertEquals("1,5", r.value);
    }

    @Test
    void extraFieldsAndHugeFieldsAreMalformedRows() throws IOException {
        List<RowError> bad = new ArrayList<>();
        List<RawRow> rows = read("indicator,unit,period,value\nA,B,2024,1,extra\nA,B,2024,\"" + "x".repeat(20_000) + "\"\nA,B,2024,2,,\n", bad);
        assertEquals(1, rows.size());
        assertEquals(2, bad.size());
        assertEquals("MALFORMED_ROW", bad.get(0).code());
        assertEquals(3, bad.get(1).line());
    }

    @Test
    void headersAreChecked() {
        assertEquals("MISSING_COLUMN", assertThrows(RowSource.InvalidInput.class, () -> read("indicator,period,value\n", new ArrayList<>())).code());
        assertEquals("UNKNOWN_COLUMN", assertThrows(RowSource.InvalidInput.class, () -> read("indicator,unit,period,value,age\n", new ArrayList<>())).code());
        assertEquals("DUPLICATE_COLUMN", assertThrows(RowSource.InvalidInput.class, () -> read("indicator,unit,period,value,Value\n", new ArrayList<>())).code());
        assertEquals("EMPTY_FILE", assertThrows(RowSource.InvalidInput.class, () -> read("", new ArrayList<>())).code());
    }

    @Test
    void periodsParseStrictly() {
        assertEquals("2024S1", Period.parse("2024s1").orElseThrow().toString());
        assertEquals("2024-07", Period.parse("2024-07").orElseThrow().toString());
        assertEquals(LocalDate.of(2024, 9, 30), Period.parse("2024Q3").orElseThrow().end());
        assertNull(Period.parse("2024-13").orElse(null));
        assertNull(Period.parse("1899").orElse(null));
        assertNull(Period.parse("2024Q5").orElse(null));
        assertNotNull(Period.parse(" 2024 ").orElse(null));
        assertEquals(GroupChecks.periodText(GroupChecks.periodCode("2100-12")), "2100-12");
    }
}
