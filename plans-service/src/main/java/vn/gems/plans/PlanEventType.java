package vn.gems.plans;

/** Lifecycle events reporting-service is told about. */
public enum PlanEventType {
    ISSUED,
    AMENDED,
    CLOSED
}
