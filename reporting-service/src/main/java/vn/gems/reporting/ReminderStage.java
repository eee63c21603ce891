package vn.gems.reporting;

/** How far the reminder scheduler has escalated an obligation that is still awaiting a submission. */
public enum ReminderStage {
    NONE, DUE_SOON, OVERDUE
}
