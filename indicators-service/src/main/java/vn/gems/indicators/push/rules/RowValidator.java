package vn.gems.indicators.push.rules;

import vn.gems.indicators.push.input.RawRow;
import vn.gems.indicators.push.merge.ValueMerge;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;
import vn.gems.indicators.service.IndicatorMeta;

import vn.gems.indicators.Aggregation;
import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.Period;
import vn.gems.indicators.Sex;
import vn.gems.indicators.ValueStatus;
import vn.gems.indicators.ValueType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The row rules, one precise error per broken rule (a row may break several): unknown indicator, unit or
 * dimension value; a period that is malformed, finer than the indicator's periodicity or outside the unit's
 * life; sex missing or not applicable; numbers that do not parse; percentages outside 0–100; negative
 * figures; numerator above denominator for shares; a value that does not match numerator ÷ denominator;
 * whole numbers for counts, 0/1 for yes/no; and the writer's scope. Rules across rows (female + male =
 * total, duplicates, another agency's value) run set-based in {@link ValueMerge}.
 */
public final class RowValidator {

    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_PRECISION = 30;
    private static final int MAX_SCALE = 10;
    private static final int COMPUTED_SCALE = 6;

    /** A replace-mode slice: the indicators and, per period, the unit ids it covers. */
    public record Slice(BitSet indicators, Map<String, BitSet> unitsByPeriod) {
        boolean contains(int indicatorId, String period, int unitId) {
            BitSet units = unitsByPeriod.get(period);
            return indicators.get(indicatorId) && units != null && units.get(unitId);
        }
    }

    private final Catalogue.Snapshot catalogue;
    private final ValueAuthor writer;
    private final ValueStatus defaultStatus;
    private final Slice slice;
    private final boolean decimalComma;
    private final Map<String, Period> periods = new HashMap<>();

    public RowValidator(Catalogue.Snapshot catalogue, ValueAuthor writer, ValueStatus defaultStatus, Slice slice, boolean decimalComma) {
        this.catalogue = catalogue;
        this.writer = writer;
        this.defaultStatus = defaultStatus;
        this.slice = slice;
        this.decimalComma = decimalComma;
    }

    /** The staged row, or null with the reasons added to {@code errors}. */
    public StagedRow validate(RawRow r, List<RowError> errors) {
        int before = errors.size();
        long line = r.line;
        IndicatorMeta ind = null;
        if (blank(r.indicator)) {
            errors.add(new RowError(line, "indicator", "REQUIRED", "indicator is required"));
        } else {
            ind = catalogue.indicator(r.indicator.trim()).orElse(null);
            if (ind == null) {
                errors.add(new RowError(line, "indicator", "UNKNOWN_INDICATOR", "indicator " + show(r.indicator) + " is not in the catalogue"));
            }
        }
        Hierarchy.Node unit = null;
        if (blank(r.unit)) {
            errors.add(new RowError(line, "unit", "REQUIRED", "unit is required"));
        } else {
            unit = catalogue.hierarchy.find(r.unit.trim()).orElse(null);
            if (unit == null) {
                errors.add(new RowError(line, "unit", "UNKNOWN_UNIT", "administrative unit " + show(r.unit) + " does not exist"));
            }
        }
        Period period = null;
        if (blank(r.period)) {
            errors.add(new RowError(line, "period", "REQUIRED", "period is required"));
        } else {
            period = periods.computeIfAbsent(r.period.trim(), p -> Period.parse(p).orElse(null));
            if (period == null) {
                errors.add(new RowError(line, "period", "INVALID_PERIOD",
                        "period " + show(r.period) + " is not a year (2024), half-year (2024S1), quarter (2024Q3) or month (2024-07)"));
            } else if (ind != null && !ind.periodicity().allows(period)) {
                errors.add(new RowError(line, "period", "PERIOD_NOT_ALLOWED", "indicator " + ind.code() + " is collected "
                        + ind.periodicity().name().toLowerCase(Locale.ROOT).replace('_', '-') + "; " + period + " is " + period.describe()));
            } else if (unit != null && (unit.from.isAfter(period.end()) || (unit.to != null && unit.to.isBefore(period.start())))) {
                errors.add(new RowError(line, "period", "UNIT_NOT_VALID_FOR_PERIOD", "unit " + unit.code + " existed from " + unit.from
                        + (unit.to == null ? "" : " to " + unit.to) + ", not during " + period));
            }
        }
        char sex = Sex.NONE;
        if (ind != null) {
            if (ind.bySex()) {
                if (blank(r.sex)) {
                    errors.add(new RowError(line, "sex", "SEX_REQUIRED", "indicator " + ind.code() + " is collected by sex: FEMALE, MALE or TOTAL"));
                } else {
                    Sex s = Sex.parse(r.sex);
                    if (s == null) {
                        errors.add(new RowError(line, "sex", "INVALID_SEX", "sex " + show(r.sex) + " is not FEMALE, MALE or TOTAL"));
                    } else {
                        sex = s.letter();
                    }
                }
            } else if (!blank(r.sex)) {
                errors.add(new RowError(line, "sex", "SEX_NOT_APPLICABLE", "indicator " + ind.code() + " is not collected by sex; leave sex empty"));
            }
        }
        String dims = "";
        if (!r.dims.isEmpty()) {
            TreeMap<String, String> canonical = new TreeMap<>();
            for (Map.Entry<String, String> d : r.dims.entrySet()) {
                if (blank(d.getValue())) {
                    continue;
                }
                String v = d.getValue().trim().toUpperCase(Locale.ROOT);
                if (ind != null) {
                    Set<String> allowed = ind.dimensions().get(d.getKey());
                    if (allowed == null) {
                        errors.add(new RowError(line, show(d.getKey()), "UNKNOWN_DIMENSION", "indicator " + ind.code() + " is not disaggregated by "
                                + show(d.getKey()) + (ind.dimensions().isEmpty() ? "" : "; it is by " + ind.dimensions().keySet())));
                        continue;
                    }
                    if (!allowed.contains(v)) {
                        errors.add(new RowError(line, show(d.getKey()), "INVALID_DIMENSION_VALUE", show(d.getKey()) + " " + show(v) + " is not one of " + allowed));
                        continue;
                    }
                }
                canonical.put(d.getKey(), v);
            }
            StringBuilder sb = new StringBuilder();
            canonical.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append(':').append(v));
            dims = sb.toString();
        }
        char status = defaultStatus.letter();
        if (!blank(r.status)) {
            ValueStatus s = ValueStatus.parse(r.status);
            if (s == null) {
                errors.add(new RowError(line, "status", "INVALID_STATUS", "status " + show(r.status) + " is not FINAL or PROVISIONAL"));
            } else {
                status = s.letter();
            }
        }
        BigDecimal value = ind != null && ind.unit() == MeasureUnit.YES_NO ? yesNo(r.value, line, errors) : number(r.value, "value", line, errors);
        BigDecimal numerator = number(r.numerator, "numerator", line, errors);
        BigDecimal denominator = number(r.denominator, "denominator", line, errors);
        if (ind != null) {
            value = checkFigures(ind, value, numerator, denominator, r, line, errors);
            if (unit != null && !writer.mayWrite(ind, unit.id)) {
                errors.add(new RowError(line, "indicator", "NOT_YOUR_INDICATOR", "agency " + writer.agency() + " does not supply "
                        + ind.code() + " for " + unit.code + " (suppliers: sector " + ind.sectors() + ")"));
            }
            if (slice != null && unit != null && period != null && !slice.contains(ind.id(), period.toString(), unit.id)) {
                errors.add(new RowError(line, "unit", "OUTSIDE_SLICE", "the row is outside the declared slice (indicators × periods × unit territory)"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new StagedRow(line, ind.id(), unit.id, period.toString(), sex, dims, value, numerator, denominator, status);
    }

    private BigDecimal checkFigures(IndicatorMeta ind, BigDecimal value, BigDecimal numerator, BigDecimal denominator, RawRow r,
                                    long line, List<RowError> errors) {
        boolean badNumber = (!blank(r.value) && value == null) || (!blank(r.numerator) && numerator == null)
                || (!blank(r.denominator) && denominator == null);
        if (badNumber) {
            return value;
        }
        if (ind.aggregation() == Aggregation.RATIO) {
            if ((numerator == null) != (denominator == null)) {
                errors.add(new RowError(line, numerator == null ? "numerator" : "denominator", "INCOMPLETE_RATIO",
                        "give both numerator and denominator, or neither"));
                return value;
            }
            if (numerator != null) {
                boolean ok = true;
                if (numerator.signum() < 0) {
                    errors.add(new RowError(line, "numerator", "NEGATIVE_VALUE", "numerator must not be negative"));
                    ok = false;
                }
                if (denominator.signum() < 0) {
                    errors.add(new RowError(line, "denominator", "NEGATIVE_VALUE", "denominator must not be negative"));
                    ok = false;
                } else if (denominator.signum() == 0) {
                    errors.add(new RowError(line, "denominator", "ZERO_DENOMINATOR", "denominator must be more than 0"));
                    ok = false;
                }
                if (ok && ind.isShare() && numerator.compareTo(denominator) > 0) {
                    errors.add(new RowError(line, "numerator", "NUMERATOR_EXCEEDS_DENOMINATOR", "numerator " + numerator.toPlainString()
                            + " is more than denominator " + denominator.toPlainString() + " for a share"));
                    ok = false;
                }
                if (!ok) {
                    return value;
                }
                BigDecimal computed = numerator.multiply(ind.multiplier()).divide(denominator, MathContext.DECIMAL64)
                        .setScale(COMPUTED_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
                if (value == null) {
                    value = computed.scale() < 0 ? computed.setScale(0) : computed;
                } else {
                    BigDecimal tolerance = BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 0)).divide(BigDecimal.valueOf(2))
                            .add(new BigDecimal("0.000001"));
                    if (value.subtract(computed).abs().compareTo(tolerance) > 0) {
                        errors.add(new RowError(line, "value", "VALUE_MISMATCH", "value " + value.toPlainString() + " does not match numerator ÷ denominator × "
                                + ind.multiplier().toPlainString() + " = " + computed.toPlainString()));
                        return value;
                    }
                }
            }
        } else if (numerator != null || denominator != null) {
            errors.add(new RowError(line, numerator != null ? "numerator" : "denominator", "NOT_APPLICABLE",
                    "indicator " + ind.code() + " is not a rate; leave numerator and denominator empty"));
            return value;
        }
        if (value == null) {
            errors.add(new RowError(line, "value", "VALUE_REQUIRED", ind.aggregation() == Aggregation.RATIO
                    ? "give the value, or numerator and denominator" : "value is required"));
            return null;
        }
        if (value.signum() < 0) {
            errors.add(new RowError(line, "value", "NEGATIVE_VALUE", "value must not be negative"));
        } else if (ind.unit() == MeasureUnit.PERCENT && value.compareTo(HUNDRED) > 0) {
            errors.add(new RowError(line, "value", "PERCENT_OUT_OF_RANGE", "a percentage must be between 0 and 100, not " + value.toPlainString()));
        }
        if (ind.valueType() == ValueType.INTEGER && value.stripTrailingZeros().scale() > 0) {
            errors.add(new RowError(line, "value", "NOT_A_WHOLE_NUMBER", "indicator " + ind.code() + " counts; " + value.toPlainString() + " is not a whole number"));
        }
        return value;
    }

    private BigDecimal yesNo(String text, long line, List<RowError> errors) {
        if (blank(text)) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "có", "co" -> BigDecimal.ONE;
            case "0", "no", "false", "không", "khong" -> BigDecimal.ZERO;
            default -> {
                errors.add(new RowError(line, "value", "INVALID_YES_NO", "a yes/no value is 1 or 0 (yes/no), not " + show(text)));
                yield null;
            }
        };
    }

    private BigDecimal number(String text, String column, long line, List<RowError> errors) {
        if (blank(text)) {
            return null;
        }
        // Messages quote the cell as it is in the file (1.234,5), not as it was read (1.234.5).
        String t = decimalComma ? text.trim().replace(',', '.') : text.trim();
        try {
            BigDecimal d = new BigDecimal(t);
            if (d.precision() > MAX_PRECISION || d.scale() > MAX_SCALE || d.scale() < -MAX_PRECISION) {
                errors.add(new RowError(line, column, "INVALID_NUMBER", column + " " + show(text) + " has too many digits"));
                return null;
            }
            return d.scale() < 0 ? d.setScale(0) : d;
        } catch (NumberFormatException e) {
            errors.add(new RowError(line, column, "INVALID_NUMBER", column + " " + show(text) + " is not a number"
                    + (decimalComma && text.indexOf(',') >= 0 && text.indexOf('.') >= 0 ? " (with ';' separators ',' is the decimal mark; "
                    + "write numbers without thousands separators)" : "")));
            return null;
        }
    }

    /** Input echoed in a message: trimmed, control characters replaced, at most 60 characters. */
    public static String show(String s) {
        if (s == null) {
            return "";
        }
        String t = s.trim();
        StringBuilder sb = new StringBuilder(Math.min(t.length(), 61));
        for (int i = 0; i < t.length() && sb.length() < 60; i++) {
            char c = t.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return t.length() > 60 ? sb.append('…').toString() : sb.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
