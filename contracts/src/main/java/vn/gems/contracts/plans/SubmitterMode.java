package vn.gems.contracts.plans;

/** Who must submit under a reporting rule. */
public enum SubmitterMode {
    /** The agencies listed in the rule. */
    EXPLICIT,
    /** Every agency the plan assigns: those in {@code assignments} and every measure's responsible agencies. */
    ALL_ASSIGNED,
    /** The lead (or else issuing) agency of every issued child plan of this plan. */
    CHILD_PLANS
}
