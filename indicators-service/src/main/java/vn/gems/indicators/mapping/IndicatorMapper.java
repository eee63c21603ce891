package vn.gems.indicators.mapping;

import vn.gems.indicators.Aggregation;
import vn.gems.indicators.Indicator;
import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.ValueType;
import vn.gems.indicators.rest.IndicatorInput;
import vn.gems.indicators.rest.IndicatorView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Indicator entity ⇄ API records, in one place. */
public final class IndicatorMapper {

    private IndicatorMapper() {
    }

    public static IndicatorView toView(Indicator i) {
        return new IndicatorView(i.code, i.nameVi, i.nameEn, i.definitionVi, i.definitionEn, i.unit, i.valueType, i.subject, i.bySex,
                List.copyOf(i.dimensions), i.aggregation, i.multiplier, i.numeratorVi, i.numeratorEn, i.denominatorVi, i.denominatorEn,
                i.direction, i.periodicity, List.copyOf(i.sectors), i.version);
    }

    /** The value type a unit implies: whole numbers for counts, 0/1 for yes/no, decimals otherwise. */
    public static ValueType valueTypeOf(MeasureUnit unit) {
        return switch (unit) {
            case COUNT -> ValueType.INTEGER;
            case YES_NO -> ValueType.BOOLEAN;
            default -> ValueType.DECIMAL;
        };
    }

    /** Copies the editable fields; the code changes only through create. */
    public static void apply(IndicatorInput in, Indicator i) {
        i.nameVi = in.nameVi().trim();
        i.nameEn = in.nameEn().trim();
        i.definitionVi = blankToNull(in.definitionVi());
        i.definitionEn = blankToNull(in.definitionEn());
        i.unit = in.unit();
        i.valueType = in.valueType() == null ? valueTypeOf(in.unit()) : in.valueType();
        i.subject = in.subject();
        i.bySex = in.bySex();
        i.dimensions = in.dimensions() == null ? new ArrayList<>() : new ArrayList<>(in.dimensions());
        i.aggregation = in.aggregation();
        i.multiplier = in.aggregation() == Aggregation.RATIO ? in.unit().multiplier() : null;
        i.numeratorVi = blankToNull(in.numeratorVi());
        i.numeratorEn = blankToNull(in.numeratorEn());
        i.denominatorVi = blankToNull(in.denominatorVi());
        i.denominatorEn = blankToNull(in.denominatorEn());
        i.direction = in.direction();
        i.periodicity = in.periodicity();
        i.sectors = new LinkedHashSet<>(in.supplierSectors());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
