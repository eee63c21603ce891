package vn.gems.plans;

/** Lifecycle: a draft is edited, an issued plan changes only through amendments, a closed plan is history. */
public enum PlanStatus {
    DRAFT,
    ISSUED,
    CLOSED
}
