package vn.gems.indicators.push.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A batch of values written (or tried): for file pushes also the job resource with progress and, at the end,
 * the import summary. {@code changed} = inserted + updated + retired; {@code unchanged} rows were identical.
 * {@code warnings} are rows kept or dropped without harm (an identical duplicate row is kept once).
 */
@Schema(name = "Push", example = """
        {"id":17,"kind":"PUSH","status":"SUCCEEDED","mode":"UPSERT","format":"CSV","dryRun":false,"onError":"ABORT","committed":true,
         "source":{"kind":"PUSH","reference":"LFS-2024.csv","agency":"TTH-STATS","system":"statistics-office"},"slice":null,
         "createdBy":"service-account-statistics-office","createdAt":"2026-03-02T08:00:00Z","finishedAt":"2026-03-02T08:00:09Z",
         "rowsRead":120,"rowsAccepted":118,"rowsRejected":2,"inserted":100,"updated":18,"unchanged":0,"retired":0,"retainedForeign":0,
         "changed":118,"message":"2 bad row(s) skipped, the good rows were committed","failureCode":null,"rejectionsTotal":2,
         "rejections":[{"line":14,"column":"value","code":"PERCENT_OUT_OF_RANGE","message":"a percentage must be between 0 and 100, not 120"}],
         "warningsTotal":1,
         "warnings":[{"line":31,"column":"(row)","code":"IDENTICAL_DUPLICATE","message":"the same row as line 30; kept once"}]}""")
public record PushView(long id, String kind, String status, String mode, String format, boolean dryRun, String onError,
                       boolean committed, SourceView source, String slice, String createdBy, Instant createdAt,
                       Instant finishedAt, long rowsRead, long rowsAccepted, long rowsRejected, long inserted, long updated,
                       long unchanged, long retired, long retainedForeign, long changed, String message,
                       @Schema(nullable = true, description = "why a FAILED push failed, a stable code: ROWS_REJECTED, INVALID_FILE (or the file's own "
                               + "code such as MALFORMED_JSON), PUSH_INTERRUPTED, INTERNAL_ERROR, DATABASE_UNAVAILABLE; the last three wrote nothing "
                               + "and a retry with the same Idempotency-Key runs the push again")
                       String failureCode,
                       long rejectionsTotal, List<RejectionView> rejections, long warningsTotal, List<RejectionView> warnings) {

    /** Where the values came from. */
    public record SourceView(String kind, String reference, String agency, String system) {
    }

    /** One rejected row: the file's line (or the element's number), the column, a stable code and why. */
    @Schema(name = "Rejection")
    public record RejectionView(long line, String column, String code, String message) {
    }
}
