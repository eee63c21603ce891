package vn.gems.indicators.push;

import vn.gems.indicators.SourceKind;
import vn.gems.indicators.ValueStatus;
import vn.gems.indicators.push.input.PushFormat;

import java.util.List;

/**
 * A file push as requested: its format, mode (UPSERT, or REPLACE a slice of indicators × periods × a unit's
 * territory), dry run, what to do with bad rows (ABORT: all or nothing; SKIP: commit the good rows and report the
 * bad), the status of rows that name none, and the source.
 */
public record PushCommand(PushFormat format, PushMode mode, boolean dryRun, OnError onError, ValueStatus defaultStatus,
                          SourceKind sourceKind, String reference, String agency, List<String> sliceIndicators,
                          List<String> slicePeriods, String sliceUnit, String idempotencyKey) {

    public boolean replace() {
        return mode == PushMode.REPLACE;
    }

    public boolean skipBad() {
        return onError == OnError.SKIP;
    }
}
