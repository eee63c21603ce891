package vn.gems.indicators.push.input;

import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.push.rules.RowValidator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * JSON rows, streamed: either JSON lines (one object per line; a broken line is rejected and reading goes
 * on) or one JSON array of objects (element n is reported as line n, counting from 1). Field names as in
 * {@code POST /api/values/batch}: {@code indicatorCode} (or {@code indicator}), {@code unitCode} (or
 * {@code unit}), {@code period}, {@code sex}, {@code dimensions} (an object), {@code value},
 * {@code numerator}, {@code denominator}, {@code status}.
 */
public final class JsonRowSource implements RowSource {

    /** Strings and numbers of a value are short; a longer one is not data (and must not fill the heap). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(100_000).maxNumberLength(1000).maxNestingDepth(50).build()).build();
    static final int MAX_LINE = 1_000_000;

    private final boolean lines;
    private final BufferedReader reader;
    private final JsonParser array;
    private StringBuilder lineBuffer;
    private long line;
    private RowError malformed;

    private JsonRowSource(boolean lines, InputStream body) throws IOException {
        this.lines = lines;
        if (lines) {
            this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
            this.lineBuffer = new StringBuilder(256);
            this.array = null;
        } else {
            this.reader = null;
            this.array = FACTORY.createParser(body);
            this.lineBuffer = null;
            JsonToken t;
            try {
                t = array.nextToken();
            } catch (JsonProcessingException e) {
                throw broken(e);
            }
            if (t != JsonToken.START_ARRAY) {
                throw new InvalidInput("MALFORMED_JSON", "(body)", "A JSON push is an array of value objects");
            }
        }
    }

    public static JsonRowSource lines(InputStream body) throws IOException {
        return new JsonRowSource(true, body);
    }

    public static JsonRowSource array(InputStream body) throws IOException {
        return new JsonRowSource(false, body);
    }

    @Override
    public RowError malformed() {
        return malformed;
    }

    @Override
    public boolean next(RawRow row) throws IOException {
        malformed = null;
        if (lines) {
            String text;
            do {
                text = readLine();
                line++;
                if (text == null) {
                    return false;
                }
                if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
            } while (text.isBlank());
            row.clear(line);
            if (text == TOO_LONG) {
                malformed = new RowError(line, "(row)", "MALFORMED_ROW", "the line is longer than " + MAX_LINE + " characters");
                return true;
            }
            try (JsonParser p = FACTORY.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    malformed = new RowError(line, "(row)", "MALFORMED_ROW", "each line must be one JSON object");
                    return true;
                }
                readObject(p, row);
                if (p.nextToken() != null) {
                    malformed = new RowError(line, "(row)", "MALFORMED_ROW", "each line must hold exactly one JSON object");
                }
            } catch (JsonProcessingException e) {
                malformed = new RowError(line, "(row)", "MALFORMED_ROW", "not valid JSON: " + RowValidator.show(e.getOriginalMessage()));
            } catch (UnknownField e) {
                malformed = new RowError(line, RowValidator.show(e.getMessage()), "UNKNOWN_FIELD", "field " + RowValidator.show(e.getMessage())
                        + " is not part of a value");
            }
            return true;
        }
        try {
            JsonToken t = array.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                return false;
            }
            line++;
            row.clear(line);
            if (t != JsonToken.START_OBJECT) {
                array.skipChildren();
                malformed = new RowError(line, "(row)", "MALFORMED_ROW", "each element must be a JSON object");
                return true;
            }
            try {
                readObject(array, row);
            } catch (UnknownField e) {
                skipRestOfObject(array);
                malformed = new RowError(line, RowValidator.show(e.getMessage()), "UNKNOWN_FIELD", "field " + RowValidator.show(e.getMessage())
                        + " is not part of a value");
            }
            return true;
        } catch (JsonProcessingException e) {
            throw broken(e);
        }
    }

    private static final String TOO_LONG = new String("\u0000too long");

    /** One line of at most {@link #MAX_LINE} characters (a longer one is skipped to its end); null at the end. */
    private String readLine() throws IOException {
        lineBuffer.setLength(0);
        boolean any = false;
        boolean over = false;
        int c;
        while ((c = reader.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (lineBuffer.length() < MAX_LINE) {
                lineBuffer.append((char) c);
            } else {
                over = true;
            }
        }
        if (!any) {
            return null;
        }
        if (over) {
            return TOO_LONG;
        }
        int n = lineBuffer.length();
        return n > 0 && lineBuffer.charAt(n - 1) == '\r' ? lineBuffer.substring(0, n - 1) : lineBuffer.toString();
    }

    private static void readObject(JsonParser p, RawRow row) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("dimensions".equals(name)) {
                if (v == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String dim = p.currentName();
                        p.nextToken();
                        row.dims.put(dim, text(p));
                    }
                } else if (v != JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    throw new UnknownField("dimensions");
                }
                continue;
            }
            String text = text(p);
            switch (name) {
                case "indicatorCode", "indicator" -> row.indicator = text;
                case "unitCode", "unit" -> row.unit = text;
                case "period" -> row.period = text;
                case "sex" -> row.sex = text;
                case "value" -> row.value = text;
                case "numerator" -> row.numerator = text;
                case "denominator" -> row.denominator = text;
                case "status" -> row.status = text;
                default -> {
                    p.skipChildren();
                    throw new UnknownField(name);
                }
            }
        }
    }

    private static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return "?";
        }
        if (t == JsonToken.VALUE_TRUE) {
            return "1";
        }
        if (t == JsonToken.VALUE_FALSE) {
            return "0";
        }
        return p.getText();
    }

    private static void skipRestOfObject(JsonParser p) throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return;
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            }
        }
    }

    private InvalidInput broken(JsonProcessingException e) {
        var at = e.getLocation();
        return new InvalidInput("MALFORMED_JSON", "(body)", "The body is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                + ", column " + at.getColumnNr()) + ": " + RowValidator.show(e.getOriginalMessage()));
    }

    private static final class UnknownField extends RuntimeException {
        UnknownField(String name) {
            super(name, null, false, false);
        }
    }
}
