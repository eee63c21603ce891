package vn.gems.reporting;

/** Which target measures a report must give values for. */
public enum Coverage {
    /** The measures the submitting agency is responsible for. */
    RESPONSIBLE_TARGETS,
    /** Every measure of the plan (consolidated reports). */
    ALL_TARGETS,
    /** Narrative only, no values (own implementation plans). */
    NARRATIVE_ONLY
}
