package vn.gems.reporting;

/** Where an on-request report request stands. */
public enum RequestState {
    /** Issued: its obligations are owed. */
    OPEN,
    /** Withdrawn before its due date: obligations never submitted were cancelled. */
    WITHDRAWN
}
