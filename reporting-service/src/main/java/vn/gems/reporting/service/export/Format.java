package vn.gems.reporting.service.export;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;

import java.util.Locale;

/** Export formats, with their media types and file extensions. */
public enum Format {
    JSON("application/json", "json"),
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    public final String mediaType;
    public final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static Format parse(String s) {
        if (s == null || s.isBlank()) {
            return JSON;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_FORMAT", "format must be json, csv, xlsx or docx",
                    new FieldError("format", "INVALID_VALUE", "must be json, csv, xlsx or docx"));
        }
    }
}
