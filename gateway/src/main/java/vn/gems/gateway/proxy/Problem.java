package vn.gems.gateway.proxy;

import java.util.Locale;

/**
 * A problem the gateway answers (RFC 9457): the status, a stable {@code code} programs branch on, and a sentence for
 * people. The title and type follow from those, so that every answer of one kind reads the same.
 */
public record Problem(int status, String code, String detail) {

    private static final String TYPE_BASE = "https://gems.gov.vn/problems/";

    public String title() {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 429 -> "Too many requests";
            case 431 -> "Request header fields too large";
            case 502 -> "Bad gateway";
            case 503 -> "Service unavailable";
            case 504 -> "Gateway timeout";
            default -> "Internal error";
        };
    }

    public String type() {
        return TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
