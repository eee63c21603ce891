package vn.gems.indicators.push.input;

import vn.gems.indicators.push.rules.RowError;

import java.io.IOException;

/** Rows read one at a time from a stream (CSV, JSON lines or a JSON array): never the whole file in memory. */
public interface RowSource {

    /**
     * Fills {@code row} with the next row; false at the end. A row that cannot even be split into fields is
     * returned with {@link #malformed()} set and the reader moves on to the next.
     */
    boolean next(RawRow row) throws IOException;

    /** Why the row just returned is unreadable, or null. */
    RowError malformed();

    /** Whether numbers use a decimal comma (CSV written with ';' separators by a Vietnamese-locale Excel). */
    default boolean decimalComma() {
        return false;
    }

    /** The whole input is unusable (bad header, broken JSON structure): answered 400, nothing written. */
    final class InvalidInput extends RuntimeException {
        private final String code;
        private final String field;

        public InvalidInput(String code, String field, String message) {
            super(message);
            this.code = code;
            this.field = field;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }
    }
}
