package vn.gems.reporting.service.export;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;

import java.util.Locale;

/** Export formats, with their media types and file extensions. */
public enum Format {
    JSON("application/json", "json"),
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PDF("application/pdf", "pdf");

    public final String mediaType;
    public final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static Format parse(String s) {
        return parse(s, null);
    }

    /**
     * {@code format} wins when given; else the first of the media types in {@code Accept} that is one of ours
     * (so {@code Accept: application/pdf} downloads the PDF); else JSON.
     */
    public static Format parse(String s, String accept) {
        if (s == null || s.isBlank()) {
            return fromAccept(accept);
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("INVALID_FORMAT", "format must be json, csv, xlsx, docx or pdf",
                    new FieldError("format", "INVALID_VALUE", "must be json, csv, xlsx, docx or pdf"));
        }
    }

    private static Format fromAccept(String accept) {
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                for (Format f : values()) {
                    if (f.mediaType.startsWith(type) && !type.isEmpty()) {
                        return f;
                    }
                }
            }
        }
        return JSON;
    }
}
