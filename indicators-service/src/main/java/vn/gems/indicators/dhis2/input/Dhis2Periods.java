package vn.gems.indicators.dhis2.input;

import java.util.Locale;

/** DHIS2 period identifiers to GEMS periods and back: 2025 = 2025, 2025S1, 2025Q3, and 202507 = 2025-07. */
public final class Dhis2Periods {

    private Dhis2Periods() {
    }

    /** The GEMS period of a DHIS2 one, or null for the kinds GEMS does not keep (weeks, days, financial years). */
    public static String toGems(String p) {
        if (p == null) {
            return null;
        }
        String s = p.trim();
        if (s.matches("\\d{4}") || s.matches("\\d{4}[Ss][12]") || s.matches("\\d{4}[Qq][1-4]")) {
            return s.toUpperCase(Locale.ROOT);
        }
        if (s.matches("\\d{4}(0[1-9]|1[0-2])")) {
            return s.substring(0, 4) + "-" + s.substring(4);
        }
        return null;
    }

    public static String toDhis2(String gems) {
        return gems.length() == 7 && gems.charAt(4) == '-' ? gems.substring(0, 4) + gems.substring(5) : gems;
    }
}
