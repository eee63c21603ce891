package vn.gems.reporting.service;

import org.junit.jupiter.api.Test;
import vn.gems.contracts.plans.Figure;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FiguresTest {

    static Figures.Parts p(String f, String m, String t, String v) {
        return new Figures.Parts(f == null ? null : new BigDecimal(f), m == null ? null : new BigDecimal(m),
                t == null ? null : new BigDecimal(t), v == null ? null : new BigDecimal(v));
    }

    static String c(Figure figure, Figures.Parts parts) {
        BigDecimal r = Figures.compute(figure, parts);
        return r == null ? null : r.toPlainString();
    }

    @Test
    void sharesAndRatiosComeFromTheParts() {
        assertEquals("47.4684", c(Figure.FEMALE_SHARE, p("150", "166", "316", null)));
        assertEquals("47.4684", c(Figure.FEMALE_SHARE, p("150", "166", null, null)));
        // With a total that includes people of unknown sex, the share is of the total.
        assertEquals("40", c(Figure.FEMALE_SHARE, p("40", "50", "100", null)));
        assertEquals("110", c(Figure.MALE_TO_FEMALE_X100, p("7000", "7700", null, null)));
        assertEquals("2.8", c(Figure.FEMALE_TO_MALE_RATIO, p("4.2", "1.5", null, null)));
        assertEquals("16", c(Figure.GAP, p("150", "166", null, null)));
        assertEquals("150", c(Figure.FEMALE_VALUE, p("150", "166", null, null)));
        assertEquals("316", c(Figure.TOTAL, p("150", "166", null, null)));
        assertEquals("14.9", c(Figure.VALUE, p(null, null, null, "14.9")));
        assertNull(c(Figure.FEMALE_SHARE, p("150", null, null, null)));
        assertNull(c(Figure.MALE_TO_FEMALE_X100, p("0", "5", null, null)));
    }

    @Test
    void rolledUpCountsAreSummedThenRecomputed() {
        // Two districts: 40% and 50% female; the province is 5000 of 11000, not the 45% average.
        Figures.Parts sum = p("4000", "6000", null, null).plus(p("1000", "1000", null, null));
        assertEquals("41.6667", c(Figure.FEMALE_SHARE, sum));
    }
}
