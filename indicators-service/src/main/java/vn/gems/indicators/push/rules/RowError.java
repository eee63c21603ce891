package vn.gems.indicators.push.rules;

/** Why a row was rejected: where ({@code line}, {@code column}), a stable code, and a sentence for people. */
public record RowError(long line, String column, String code, String message) {
}
