package vn.gems.indicators;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A reporting period: a year {@code 2024}, a half-year {@code 2024S1}, a quarter {@code 2024Q3} or a month
 * {@code 2024-07}. Parsed without regular expressions: it runs once per pushed row.
 */
public record Period(Kind kind, int year, int index) {

    public enum Kind { YEAR, HALF, QUARTER, MONTH }

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int n = s.length();
        if (n < 4 || !digits(s, 0, 4)) {
            return Optional.empty();
        }
        int year = Integer.parseInt(s, 0, 4, 10);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        if (n == 4) {
            return Optional.of(new Period(Kind.YEAR, year, 0));
        }
        if (n == 6) {
            char c = Character.toUpperCase(s.charAt(4));
            int i = s.charAt(5) - '0';
            if (c == 'S' && i >= 1 && i <= 2) {
                return Optional.of(new Period(Kind.HALF, year, i));
            }
            if (c == 'Q' && i >= 1 && i <= 4) {
                return Optional.of(new Period(Kind.QUARTER, year, i));
            }
            return Optional.empty();
        }
        if (n == 7 && s.charAt(4) == '-' && digits(s, 5, 7)) {
            int m = Integer.parseInt(s, 5, 7, 10);
            return m >= 1 && m <= 12 ? Optional.of(new Period(Kind.MONTH, year, m)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public LocalDate start() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case HALF -> LocalDate.of(year, index == 1 ? 1 : 7, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, index, 1);
        };
    }

    public LocalDate end() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case HALF -> start().plusMonths(6).minusDays(1);
            case QUARTER -> start().plusMonths(3).minusDays(1);
            case MONTH -> start().plusMonths(1).minusDays(1);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case HALF -> year + "S" + index;
            case QUARTER -> year + "Q" + index;
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
        };
    }

    public String describe() {
        return switch (kind) {
            case YEAR -> "a year";
            case HALF -> "a half-year";
            case QUARTER -> "a quarter";
            case MONTH -> "a month";
        };
    }
}
