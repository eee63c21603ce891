package vn.gems.reporting;

/** Where an obligation stands; follows its report's lifecycle. */
public enum ObligationState {
    /** Nothing submitted yet (there may be a draft). */
    OPEN,
    SUBMITTED,
    RETURNED,
    ACCEPTED,
    /** Dropped by a plan amendment or the plan's closing before anything was submitted. */
    CANCELLED;

    public boolean awaitingSubmission() {
        return this == OPEN || this == RETURNED;
    }
}
