package vn.gems.indicators.service;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.Period;
import vn.gems.indicators.Sex;
import vn.gems.indicators.mapping.Dims;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Query parameters (codes, periods, sex, dimensions) checked against the catalogue; bad ones are 400/404 problems. */
public final class Lookup {

    private Lookup() {
    }

    public static IndicatorMeta indicator(Catalogue.Snapshot cat, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("INDICATOR_REQUIRED", "Name the indicator", new FieldError("indicator", "REQUIRED", "required"));
        }
        return cat.indicator(code.trim()).orElseThrow(() -> ProblemException.notFound("Indicator", code));
    }

    public static Hierarchy.Node unit(Catalogue.Snapshot cat, String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("UNIT_REQUIRED", "Name the unit", new FieldError("unit", "REQUIRED", "required"));
        }
        return cat.hierarchy.find(code.trim()).orElseThrow(() -> ProblemException.notFound("Unit", code));
    }

    public static Period period(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("PERIOD_REQUIRED", "Name the period", new FieldError(field, "REQUIRED", "required"));
        }
        return Period.parse(text).orElseThrow(() -> ProblemException.badRequest("INVALID_PERIOD",
                "period " + text + " is not a year (2024), half-year (2024S1), quarter (2024Q3) or month (2024-07)",
                new FieldError(field, "INVALID_PERIOD", "not a period")));
    }

    /** The stored sex letter: F/M/T for indicators by sex (required), '-' otherwise. */
    public static char sex(IndicatorMeta ind, String text) {
        if (!ind.bySex()) {
            if (text != null && !text.isBlank()) {
                throw ProblemException.badRequest("SEX_NOT_APPLICABLE", ind.code() + " is not collected by sex",
                        new FieldError("sex", "SEX_NOT_APPLICABLE", "leave sex out"));
            }
            return Sex.NONE;
        }
        Sex s = Sex.parse(text);
        if (s == null) {
            throw ProblemException.badRequest("INVALID_SEX", ind.code() + " is collected by sex: give sex=FEMALE, MALE or TOTAL",
                    new FieldError("sex", "INVALID_SEX", "FEMALE, MALE or TOTAL"));
        }
        return s.letter();
    }

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    /** Dates that are stored must be plausible (and within what PostgreSQL's date type holds). */
    public static void requirePlausible(LocalDate d, String field) {
        if (d != null && (d.isBefore(EARLIEST) || d.isAfter(LATEST))) {
            throw ProblemException.unprocessable("IMPLAUSIBLE_DATE", field, field + " must lie between " + EARLIEST + " and " + LATEST);
        }
    }

    /** Canonical dimensions from the query form {@code ethnicity:MINORITY,area:URBAN}. */
    public static String dims(String text) {
        Map<String, String> parsed = Dims.parse(text);
        if (parsed != null) {
            for (Map.Entry<String, String> d : parsed.entrySet()) {
                if (!d.getKey().matches("[a-z][a-z0-9_]{0,29}") || !d.getValue().matches("[A-Za-z0-9_]{1,40}")) {
                    parsed = null;
                    break;
                }
            }
        }
        if (parsed == null) {
            throw ProblemException.badRequest("INVALID_DIMENSIONS", "dims is a comma-separated list of code:VALUE",
                    new FieldError("dims", "INVALID_DIMENSIONS", "e.g. ethnicity:MINORITY"));
        }
        Map<String, String> upper = new LinkedHashMap<>();
        parsed.forEach((k, v) -> upper.put(k, v.toUpperCase(Locale.ROOT)));
        return Dims.canonical(upper);
    }
}
