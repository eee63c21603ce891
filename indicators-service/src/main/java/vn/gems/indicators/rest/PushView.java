package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A batch of values written (or tried): for file pushes also the job resource with progress and, at the end,
 * the import summary. {@code changed} = inserted + updated + retired; {@code unchanged} rows were identical.
 */
@Schema(name = "Push", example = """
        {"id":17,"kind":"PUSH","status":"SUCCEEDED","mode":"UPSERT","format":"CSV","dryRun":false,"onError":"ABORT","committed":true,
         "source":{"kind":"PUSH","reference":"LFS-2024.csv","agency":"TTH-STATS","system":"statistics-office"},"slice":null,
         "createdBy":"service-account-statistics-office","createdAt":"2026-03-02T08:00:00Z","finishedAt":"2026-03-02T08:00:09Z",
         "rowsRead":120,"rowsAccepted":118,"rowsRejected":2,"inserted":100,"updated":18,"unchanged":0,"retired":0,"retainedForeign":0,
         "changed":118,"message":null,"rejectionsTotal":2,
         "rejections":[{"line":14,"column":"value","code":"PERCENT_OUT_OF_RANGE","message":"a percentage must be between 0 and 100, not 120"}]}""")
public record PushView(long id, String kind, String status, String mode, String format, boolean dryRun, String onError,
                       boolean committed, SourceView source, String slice, String createdBy, Instant createdAt,
                       Instant finishedAt, long rowsRead, long rowsAccepted, long rowsRejected, long inserted, long updated,
                       long unchanged, long retired, long retainedForeign, long changed, String message,
                       long rejectionsTotal, List<RejectionView> rejections) {

    /** Where the values came from. */
    public record SourceView(String kind, String reference, String agency, String system) {
    }

    /** One rejected row: the file's line (or the element's number), the column, a stable code and why. */
    @Schema(name = "Rejection")
    public record RejectionView(long line, String column, String code, String message) {
    }
}
