package vn.gems.indicators.service;

import vn.gems.indicators.Aggregation;
import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.Periodicity;
import vn.gems.indicators.ValueType;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** What the write path and roll-ups need to know about an indicator, held in memory. */
public record IndicatorMeta(int id, String code, String nameVi, String nameEn, MeasureUnit unit, ValueType valueType,
                            boolean bySex, Aggregation aggregation, BigDecimal multiplier, Periodicity periodicity,
                            Map<String, Set<String>> dimensions, Set<String> sectors) {

    /** Female + male must equal total: counts, and the numerators and denominators of rates. */
    public boolean additiveBySex() {
        return bySex && aggregation != Aggregation.NONE;
    }

    public boolean isShare() {
        return unit == MeasureUnit.PERCENT;
    }
}
