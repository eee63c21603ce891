package vn.gems.indicators.push.input;

import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.push.rules.RowValidator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSV as people and Excel write it: UTF-8 with or without BOM, CRLF or LF, fields quoted with {@code "} when
 * they hold separators, quotes ({@code ""}) or line breaks; separator {@code ,} or {@code ;} (detected from the
 * header; with {@code ;} numbers may use a decimal comma). Header names (any case):
 * {@code indicator, unit, period, sex, value, numerator, denominator, status} plus one column per dimension
 * code ({@code ethnicity}, …). Line numbers are the file's, header = line 1, as a spreadsheet shows them.
 */
public final class CsvRowSource implements RowSource {

    static final int INDICATOR = 0, UNIT = 1, PERIOD = 2, SEX = 3, VALUE = 4, NUMERATOR = 5, DENOMINATOR = 6, STATUS = 7;
    /** Roles a {@link Header} gives besides the fixed fields: a dimension column, or a column kept in {@link RawRow#meta}. */
    static final int DIMENSION = -1, META = -2;

    /** Maps a header name (trimmed, lower case, BOM removed) to a field role, {@link #DIMENSION} or {@link #META}. */
    @FunctionalInterface
    interface Header {
        int role(String name);
    }

    /** The GEMS CSV header names. */
    static final Header GEMS = name -> switch (name) {
        case "indicator", "indicatorcode", "indicator_code" -> INDICATOR;
        case "unit", "unitcode", "unit_code" -> UNIT;
        case "period" -> PERIOD;
        case "sex" -> SEX;
        case "value" -> VALUE;
        case "numerator" -> NUMERATOR;
        case "denominator" -> DENOMINATOR;
        case "status" -> STATUS;
        default -> DIMENSION;
    };

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private long physicalLine = 1;
    private char separator;
    /** For each column: a fixed field (0..7) or -1 for a dimension. */
    private int[] roles;
    private String[] dimensionNames;
    private final List<String> fields = new ArrayList<>(16);
    private final StringBuilder field = new StringBuilder(64);
    private RowError malformed;
    /** A field longer than this is not data: the row is reported and its excess skipped (memory stays bounded). */
    static final int MAX_FIELD = 10_000;
    private boolean tooLong;

    public CsvRowSource(InputStream body, Set<String> dimensionCodes) throws IOException {
        this(body, dimensionCodes, GEMS, "indicator, unit, period, sex, value, numerator, denominator, status");
    }

    /** A CSV whose header names are mapped by {@code header} ({@code expected} lists them for error messages). */
    CsvRowSource(InputStream body, Set<String> dimensionCodes, Header header, String expected) throws IOException {
        this.in = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        readHeader(dimensionCodes, header, expected);
    }

    @Override
    public boolean decimalComma() {
        return separator == ';';
    }

    @Override
    public RowError malformed() {
        return malformed;
    }

    private void readHeader(Set<String> dimensionCodes, Header header, String expected) throws IOException {
        String first = peekFirstLine();
        if (first == null) {
            throw new InvalidInput("EMPTY_FILE", "(body)", "The file is empty; the first line must be the header");
        }
        separator = count(first, ';') > count(first, ',') ? ';' : ',';
        long line = physicalLine;
        if (!record()) {
            throw new InvalidInput("EMPTY_FILE", "(body)", "The file is empty; the first line must be the header");
        }
        roles = new int[fields.size()];
        dimensionNames = new String[fields.size()];
        boolean[] seen = new boolean[8];
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && !name.isEmpty() && name.charAt(0) == '\uFEFF') {
                name = name.substring(1).strip();
            }
            int role = header.role(name);
            if (role == META) {
                dimensionNames[i] = name;
            } else if (role == DIMENSION) {
                if (!dimensionCodes.contains(name)) {
                    throw new InvalidInput("UNKNOWN_COLUMN", "header." + RowValidator.show(name), "Column '" + RowValidator.show(fields.get(i)) + "' (line " + line
                            + ") is neither " + expected + " nor a dimension " + dimensionCodes);
                }
                dimensionNames[i] = name;
            } else if (seen[role]) {
                throw new InvalidInput("DUPLICATE_COLUMN", "header." + name, "Column '" + name + "' appears twice in the header");
            } else {
                seen[role] = true;
            }
            roles[i] = role;
        }
        List<String> missing = new ArrayList<>();
        if (!seen[INDICATOR]) {
            missing.add("indicator");
        }
        if (!seen[UNIT]) {
            missing.add("unit");
        }
        if (!seen[PERIOD]) {
            missing.add("period");
        }
        if (!seen[VALUE] && !seen[NUMERATOR]) {
            missing.add("value");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInput("MISSING_COLUMN", "header." + missing.get(0), "The header lacks column(s) " + missing
                    + "; expected " + expected + " and dimension columns");
        }
    }

    @Override
    public boolean next(RawRow row) throws IOException {
        while (true) {
            long line = physicalLine;
            if (!record()) {
                return false;
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            row.clear(line);
            malformed = null;
            if (tooLong) {
                malformed = new RowError(line, "(row)", "MALFORMED_ROW", "a field is longer than " + MAX_FIELD + " characters");
                return true;
            }
            if (fields.size() > roles.length) {
                for (int i = roles.length; i < fields.size(); i++) {
                    if (!fields.get(i).isBlank()) {
                        malformed = new RowError(line, "(row)", "MALFORMED_ROW", "the row has " + fields.size() + " fields, the header " + roles.length);
                        return true;
                    }
                }
            }
            int n = Math.min(fields.size(), roles.length);
            for (int i = 0; i < n; i++) {
                String v = fields.get(i);
                switch (roles[i]) {
                    case INDICATOR -> row.indicator = v;
                    case UNIT -> row.unit = v;
                    case PERIOD -> row.period = v;
                    case SEX -> row.sex = v;
                    case VALUE -> row.value = v;
                    case NUMERATOR -> row.numerator = v;
                    case DENOMINATOR -> row.denominator = v;
                    case STATUS -> row.status = v;
                    case META -> row.meta.put(dimensionNames[i], v);
                    default -> {
                        if (!v.isBlank()) {
                            row.dims.put(dimensionNames[i], v);
                        }
                    }
                }
            }
            return true;
        }
    }

    /** Reads one record into {@link #fields}; false at end of input. */
    private boolean record() throws IOException {
        fields.clear();
        field.setLength(0);
        tooLong = false;
        if (!fill()) {
            return false;
        }
        boolean quoted = false;
        boolean wasQuoted = false;
        long startLine = physicalLine;
        while (true) {
            if (pos >= len && !fill()) {
                if (quoted) {
                    malformedAtEnd(startLine);
                }
                fields.add(field.toString());
                return true;
            }
            char c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if (pos >= len && !fill()) {
                        fields.add(field.toString());
                        return true;
                    }
                    if (buf[pos] == '"') {
                        append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        physicalLine++;
                    }
                    append(c);
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                physicalLine++;
                fields.add(field.toString());
                return true;
            } else if (c == '\r') {
                if (pos >= len) {
                    fill();
                }
                if (pos < len && buf[pos] == '\n') {
                    pos++;
                }
                physicalLine++;
                fields.add(field.toString());
                return true;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                append(c);
            }
        }
    }

    private void append(char c) {
        if (field.length() < MAX_FIELD) {
            field.append(c);
        } else {
            tooLong = true;
        }
    }

    private void malformedAtEnd(long startLine) {
        throw new InvalidInput("UNTERMINATED_QUOTE", "line " + startLine, "A quoted field opened on line " + startLine + " is never closed");
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        if (eof) {
            return false;
        }
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
            eof = true;
            len = 0;
            return false;
        }
        return true;
    }

    /** The header line as text, without consuming it (it is within the first buffer in any real file). */
    private String peekFirstLine() throws IOException {
        if (!fill()) {
            return null;
        }
        int end = pos;
        while (end < len && buf[end] != '\n') {
            end++;
        }
        return new String(buf, pos, end - pos);
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean q = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '"') {
                q = !q;
            } else if (x == c && !q) {
                n++;
            }
        }
        return n;
    }
}
