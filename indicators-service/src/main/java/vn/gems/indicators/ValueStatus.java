package vn.gems.indicators;

import java.util.Locale;

/** Sơ bộ (provisional) or chính thức (final). Only final, published values reach the public portal. */
public enum ValueStatus {
    PROVISIONAL('P'), FINAL('F');

    private final char letter;

    ValueStatus(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public static ValueStatus ofLetter(char c) {
        return c == 'F' ? FINAL : c == 'P' ? PROVISIONAL : null;
    }

    public static ValueStatus parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "FINAL", "F" -> FINAL;
            case "PROVISIONAL", "P" -> PROVISIONAL;
            default -> null;
        };
    }
}
