package vn.gems.indicators.service;

import java.math.BigDecimal;

/** The values of one sex across the covering units of a roll-up, added here or by PostgreSQL ({@link SliceSums}). */
final class SexSum {
    int count;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal numerator = BigDecimal.ZERO;
    BigDecimal denominator = BigDecimal.ZERO;
    boolean partsComplete = true;
    BigDecimal single;
    BigDecimal singleNumerator;
    BigDecimal singleDenominator;

    /**
     * The sums of {@code count} values as PostgreSQL added them: {@code numerator} and {@code denominator} are the
     * sums of those given, {@code complete} when every value gave both (with one value, its own parts, as given).
     */
    static SexSum of(int count, BigDecimal sum, BigDecimal numerator, BigDecimal denominator, boolean complete) {
        SexSum p = new SexSum();
        p.count = count;
        p.sum = sum;
        p.partsComplete = complete;
        if (complete) {
            p.numerator = numerator;
            p.denominator = denominator;
        }
        if (count == 1) {
            p.single = sum;
            p.singleNumerator = numerator;
            p.singleDenominator = denominator;
        }
        return p;
    }

    /** Adds the values of another group of units (disjoint from this one's). */
    void merge(SexSum o) {
        count += o.count;
        sum = sum.add(o.sum);
        single = o.single;
        singleNumerator = o.singleNumerator;
        singleDenominator = o.singleDenominator;
        if (o.partsComplete) {
            numerator = numerator.add(o.numerator);
            denominator = denominator.add(o.denominator);
        } else {
            partsComplete = false;
        }
    }

    void add(BigDecimal v, BigDecimal n, BigDecimal d) {
        count++;
        sum = sum.add(v);
        single = v;
        singleNumerator = n;
        singleDenominator = d;
        if (n == null || d == null) {
            partsComplete = false;
        } else {
            numerator = numerator.add(n);
            denominator = denominator.add(d);
        }
    }
}
