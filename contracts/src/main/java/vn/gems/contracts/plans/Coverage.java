package vn.gems.contracts.plans;

/** What a report under a rule must cover. */
public enum Coverage {
    /** The targets the submitting agency is responsible for (with figures). */
    RESPONSIBLE_TARGETS,
    /** Every target of the plan (consolidated reports, reviews). */
    ALL_TARGETS,
    /** Narrative only (own plans, letters without targets). */
    NARRATIVE_ONLY
}
