package vn.gems.indicators.mapping;

import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.rest.ProvinceImport;
import vn.gems.indicators.service.ProvinceImportService;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A province import as CSV: header {@code code,nameVi,nameEn,validFrom,predecessors,note} (any case and order;
 * {@code code}, {@code nameVi}, {@code nameEn} required), separator {@code ,} or {@code ;}, quotes as Excel writes
 * them, predecessors separated by {@code |} or spaces. Problems name {@code lines[n]} (n = the file's line, header = 1).
 */
public final class CommuneCsv {

    private CommuneCsv() {
    }

    public static List<ProvinceImportService.Row> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw ProblemException.badRequest("INVALID_FILE", "the file has no header line");
        }
        char sep = lines[0].chars().filter(c -> c == ';').count() > lines[0].chars().filter(c -> c == ',').count() ? ';' : ',';
        List<String> header = split(lines[0], sep).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i), i);
        }
        for (String required : List.of("code", "namevi", "nameen")) {
            if (!col.containsKey(required)) {
                throw ProblemException.badRequest("MISSING_COLUMN", "the header needs code, nameVi and nameEn (found " + header + ")");
            }
        }
        List<ProvinceImportService.Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String field = "lines[" + (n + 1) + "]";
            List<String> cells = split(lines[n], sep);
            LocalDate from = null;
            String day = cell(cells, col, "validfrom");
            if (day != null) {
                try {
                    from = LocalDate.parse(day);
                } catch (DateTimeParseException e) {
                    throw ProblemException.unprocessable("INVALID_DATE", field + ".validFrom", "validFrom must be an ISO date (2025-07-01)");
                }
            }
            String preds = cell(cells, col, "predecessors");
            rows.add(new ProvinceImportService.Row(field, new ProvinceImport.Commune(cell(cells, col, "code"), cell(cells, col, "namevi"),
                    cell(cells, col, "nameen"), from,
                    preds == null ? List.of() : Arrays.stream(preds.split("[|\\s]+")).filter(s -> !s.isBlank()).toList(),
                    cell(cells, col, "note"))));
        }
        return rows;
    }

    private static String cell(List<String> cells, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    /** One line's cells; {@code "} quotes a cell, {@code ""} inside quotes is a quote. */
    private static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
