package vn.gems.indicators.push.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.gems.common.idempotency.Idempotency;
import vn.gems.indicators.ValueStatus;
import vn.gems.indicators.push.OnError;
import vn.gems.indicators.push.PushCommand;
import vn.gems.indicators.push.PushMode;
import vn.gems.indicators.push.PushSourceKind;
import vn.gems.indicators.push.input.PushFormat;

import java.util.Arrays;
import java.util.List;

/**
 * The query and headers of {@code POST /api/values/pushes}, typed: enums bind in any case (a bad value is 400
 * {@code INVALID_<PARAMETER>} with the accepted values), sizes and patterns are checked by Bean Validation (400
 * {@code VALIDATION_FAILED} naming the field).
 */
public record PushParams(
        @Parameter(description = "UPSERT (default) or REPLACE: retire the slice's values absent from the file")
        @QueryParam("mode") @DefaultValue("UPSERT") PushMode mode,
        @Parameter(description = "Validate and report, write nothing")
        @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
        @Parameter(description = "ABORT (default): all or nothing; SKIP: commit the good rows, report the bad")
        @QueryParam("onError") @DefaultValue("ABORT") OnError onError,
        @Parameter(description = "Status of rows that name none: PROVISIONAL (default) or FINAL")
        @QueryParam("status") @DefaultValue("PROVISIONAL") ValueStatus status,
        @Parameter(description = "Your reference for the file, e.g. its name")
        @QueryParam("reference") @Size(max = 300) String reference,
        @Parameter(description = "PUSH (default) or SYSTEM")
        @QueryParam("sourceKind") @DefaultValue("PUSH") PushSourceKind sourceKind,
        @Parameter(description = "Agency the values belong to (services and admins only), e.g. TTH-DOH")
        @QueryParam("agency") @Pattern(regexp = "|[A-Z0-9][A-Z0-9-]{1,39}", message = "2-40 upper-case letters, digits or dashes") String agency,
        @Parameter(description = "REPLACE: indicator codes of the slice, comma-separated")
        @QueryParam("indicators") @Size(max = 4000) String indicators,
        @Parameter(description = "REPLACE: periods of the slice, comma-separated")
        @QueryParam("periods") @Size(max = 2000) String periods,
        @Parameter(description = "REPLACE: the unit whose territory (as it was in each period) the slice covers")
        @QueryParam("unit") @Size(max = 40) String unit,
        @Parameter(description = "Makes a retry harmless: the same key and file replay the answer, or complete a push that was cut off")
        @HeaderParam(Idempotency.HEADER) @Pattern(regexp = "[\\x21-\\x7e]{1,200}", message = "1-200 visible ASCII characters") String idempotencyKey) {

    /** The push these parameters ask for, in {@code format}. */
    public PushCommand command(PushFormat format) {
        return new PushCommand(format, mode, dryRun, onError, status, sourceKind.kind(), reference, agency == null || agency.isBlank() ? null : agency,
                list(indicators), list(periods), unit, idempotencyKey);
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
