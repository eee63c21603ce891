package vn.gems.reporting.rest;

import java.time.Instant;

/** The reviewer's outcome on one version. */
public record ReviewView(int versionNo, String outcome, ReviewInput review, String reviewedBy, Instant reviewedAt) {
}
