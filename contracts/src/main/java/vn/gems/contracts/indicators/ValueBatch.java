package vn.gems.contracts.indicators;

import java.util.List;

/**
 * {@code POST /api/values/batch} (header {@code Idempotency-Key}): values from one source, written all or nothing.
 * Sent by reporting-service for accepted reports; every field is sent, nulls included.
 */
public record ValueBatch(ValueSource source, List<ValueRow> values) {

    public ValueBatch {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public ValueBatch withValues(List<ValueRow> newValues) {
        return new ValueBatch(source, newValues);
    }
}
