package vn.gems.reporting.mapping;

import org.junit.jupiter.api.Test;
import vn.gems.reporting.rest.DiffView;
import vn.gems.reporting.rest.ReportContent;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentDiffTest {

    static ReportContent.Value v(String key, String female, String value) {
        return new ReportContent.Value(key, female == null ? null : new BigDecimal(female), null, null,
                value == null ? null : new BigDecimal(value), null, null, null, null);
    }

    @Test
    void valuesMatchByMeasureAndNumbersByMagnitude() {
        ReportContent a = new ReportContent(List.of(new ReportContent.Section(ReportContent.SectionKind.RESULTS, "O4", "a")), List.of(),
                List.of(v("M1", "7000", null), v("M2", null, "16.0")));
        ReportContent b = new ReportContent(List.of(new ReportContent.Section(ReportContent.SectionKind.RESULTS, "O4", "b")), List.of(),
                List.of(v("M2", null, "16"), v("M1", "7001", null), v("M3", null, "1")));
        List<DiffView.Change> d = ContentDiff.diff(a, b);
        assertEquals(List.of("sections[RESULTS/O4]", "values[M1].female", "values[M3]"), d.stream().map(DiffView.Change::path).toList());
        assertEquals(0, ContentDiff.diff(a, a).size());
    }
}
