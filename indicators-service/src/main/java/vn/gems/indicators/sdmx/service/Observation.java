package vn.gems.indicators.sdmx.service;

import java.util.Arrays;

/**
 * One published value in SDMX terms, reused row after row by the cursor (so a million rows allocate no million objects
 * beyond their strings). Codes are SDMX codes: sex F/M/_T/_Z, each extra dimension its value, _T or _Z.
 */
public final class Observation {
    public String indicator;
    public String unit;
    public String sex;
    /** One code per {@link SdmxStructure#extraDimensions}, same order. */
    public String[] extra;
    /** SDMX TIME_PERIOD. */
    public String period;
    public String value;
    public String status;
    public String unitMeasure;
    public String source;
    public String numerator;
    public String denominator;

    /** Whether this observation belongs to another series than {@code o} (every key dimension but time compared). */
    public boolean sameSeries(Observation o) {
        return o != null && indicator.equals(o.indicator) && unit.equals(o.unit) && sex.equals(o.sex) && Arrays.equals(extra, o.extra);
    }

    public void copyFrom(Observation o) {
        indicator = o.indicator;
        unit = o.unit;
        sex = o.sex;
        extra = o.extra;
        period = o.period;
        value = o.value;
        status = o.status;
        unitMeasure = o.unitMeasure;
        source = o.source;
        numerator = o.numerator;
        denominator = o.denominator;
    }
}
