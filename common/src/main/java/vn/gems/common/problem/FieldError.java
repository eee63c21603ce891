package vn.gems.common.problem;

/** One offending field of a rejected request: where (a JSON path such as {@code targets[2].measures[0].comparator}), a stable code, and why. */
public record FieldError(String field, String code, String message) {
}
