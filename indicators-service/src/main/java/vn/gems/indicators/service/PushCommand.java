package vn.gems.indicators.service;

import vn.gems.indicators.SourceKind;
import vn.gems.indicators.ValueStatus;

import java.util.List;

/**
 * A file push as requested: format, mode (UPSERT, or REPLACE a slice of indicators × periods × a unit's
 * territory), dry run, what to do with bad rows (ABORT: all or nothing; SKIP: commit the good rows and
 * report the bad), the status of rows that name none, and the source.
 */
public record PushCommand(Format format, boolean replace, boolean dryRun, boolean skipBad, ValueStatus defaultStatus,
                          SourceKind sourceKind, String reference, String agency, List<String> sliceIndicators,
                          List<String> slicePeriods, String sliceUnit, String idempotencyKey) {

    public enum Format { CSV, JSONL, JSON }
}
