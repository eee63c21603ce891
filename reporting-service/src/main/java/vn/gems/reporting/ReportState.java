package vn.gems.reporting;

/** draft → submitted → returned (with comments) → resubmitted → accepted. */
public enum ReportState {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED;

    /** The submitting agency may edit its draft: before submitting, after a return, or to correct an accepted report. */
    public boolean editable() {
        return this != SUBMITTED;
    }
}
