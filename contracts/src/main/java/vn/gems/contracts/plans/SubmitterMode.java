package vn.gems.contracts.plans;

/** Who must submit under a reporting rule. */
public enum SubmitterMode {
    /** The agencies listed in the rule. */
    EXPLICIT,
    /**
     * Every agency the plan makes responsible: RESPONSIBLE assignments and every measure's responsible agencies
     * (REQUESTED assignments are invited, COOPERATING ones do not submit).
     */
    ALL_ASSIGNED,
    /** The lead (or else issuing) agency of every issued child plan of this plan. */
    CHILD_PLANS,
    /** The People's Committee ({@code PC-<unit>}) of every unit at {@code level} inside {@code unit}'s territory on the due date. */
    UNIT_COMMITTEES,
    /** The members of the body (an agency of kind COMMITTEE) on the due date. */
    BODY_MEMBERS
}
