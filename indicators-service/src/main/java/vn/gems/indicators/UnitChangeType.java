package vn.gems.indicators;

/** What one entry of the unit change feed says happened to a unit. */
public enum UnitChangeType {
    /** The unit exists from the effective date. */
    CREATED,
    /** New name from the effective date (same code and territory). */
    RENAMED,
    /** New parent from the effective date (a merge moving children, or a re-parenting). */
    REPARENTED,
    /** Ended the day before: its territory joined the successor. */
    MERGED,
    /** Ended the day before: its territory was divided among the successors. */
    SPLIT,
    /** Ended the day before with no successor named. */
    ABOLISHED
}
