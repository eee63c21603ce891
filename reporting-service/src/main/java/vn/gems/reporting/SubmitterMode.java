package vn.gems.reporting;

/** Who submits under a reporting rule. */
public enum SubmitterMode {
    /** The agencies listed in the rule. */
    EXPLICIT,
    /** Every agency the plan assigns a target measure to (and the listed ones). */
    ALL_ASSIGNED,
    /** The issuing agencies of the plan's child plans (district plans under a province plan), and the listed ones. */
    CHILD_PLANS
}
