package vn.gems.reporting.service.export;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;

import java.util.Locale;

/**
 * The language of a printed document. Vietnamese is the official text; English is a separate rendering for
 * partners (never glosses mixed into the Vietnamese).
 */
public enum Lang {
    VI, EN;

    /**
     * {@code lang} wins when given ("vi", "en"); else the first of vi/en in {@code Accept-Language} by its order
     * (q-values are honoured by {@link java.util.Locale.LanguageRange}); else Vietnamese.
     */
    public static Lang of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            return switch (lang.trim().toLowerCase(Locale.ROOT)) {
                case "vi", "vi-vn" -> VI;
                case "en", "en-gb", "en-us" -> EN;
                default -> throw ProblemException.badRequest("INVALID_LANG", "lang must be vi or en",
                        new FieldError("lang", "INVALID_VALUE", "must be vi or en"));
            };
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = r.getRange().toLowerCase(Locale.ROOT);
                    if (r.getWeight() > 0 && (tag.equals("vi") || tag.startsWith("vi-"))) {
                        return VI;
                    }
                    if (r.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                        return EN;
                    }
                }
            } catch (IllegalArgumentException e) {
                return VI; // a malformed header is not worth a 400: the official language
            }
        }
        return VI;
    }
}
