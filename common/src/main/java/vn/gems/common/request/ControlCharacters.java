package vn.gems.common.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The one rule on control characters, for every service. PostgreSQL cannot store NUL, XML (the DOCX and XLSX exports)
 * cannot hold the other C0 controls, and no code, name, reference or narrative needs them: text may hold tab, line
 * feed and carriage return, nothing else below U+0020, nor DEL. A path or query may hold none at all, raw or
 * percent-encoded.
 */
public final class ControlCharacters {

    public static final String CODE = "INVALID_CHARACTER";

    private ControlCharacters() {
    }

    /** Whether {@code s} holds a control character text may not hold. */
    public static boolean inText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a raw request URI holds a control character, raw or encoded ({@code %00}-{@code %1F}, {@code %7F}): "(path)",
     * the query parameter's name (controls replaced by {@code ?}), or null when there is none.
     */
    public static String whereInUri(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (encodedOrRaw(path)) {
            return "(path)";
        }
        if (q < 0) {
            return null;
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            if (encodedOrRaw(pair)) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                StringBuilder safe = new StringBuilder();
                name.chars().forEach(c -> safe.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
                return safe.isEmpty() ? "(query)" : safe.toString();
            }
        }
        return null;
    }

    private static boolean encodedOrRaw(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0 && (hi < 2 || (hi == 7 && lo == 15))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
