package vn.gems.indicators;

import java.util.Locale;

/** The sex disaggregation of a value; stored as one letter. */
public enum Sex {
    FEMALE('F'), MALE('M'), TOTAL('T');

    /** Stored for indicators not collected by sex. */
    public static final char NONE = '-';

    private final char letter;

    Sex(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public static Sex ofLetter(char c) {
        return switch (c) {
            case 'F' -> FEMALE;
            case 'M' -> MALE;
            case 'T' -> TOTAL;
            default -> null;
        };
    }

    /** FEMALE/MALE/TOTAL or F/M/T, any case; null when not recognised. */
    public static Sex parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "F", "FEMALE", "NU", "NỮ" -> FEMALE;
            case "M", "MALE", "NAM" -> MALE;
            case "T", "TOTAL", "TONG", "TỔNG" -> TOTAL;
            default -> null;
        };
    }
}
