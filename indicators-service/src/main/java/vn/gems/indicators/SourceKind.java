package vn.gems.indicators;

/** Where a batch of values came from. */
public enum SourceKind {
    /** An accepted report submission (reporting-service). */
    REPORT,
    /** A bulk push (the Statistics Office's files). */
    PUSH,
    /** Typed in by agency staff. */
    MANUAL,
    /** Another government system. */
    SYSTEM
}
