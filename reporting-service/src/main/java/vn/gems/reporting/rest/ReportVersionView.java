package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One submitted version, as it was submitted, with its lateness and review. */
@Schema(name = "ReportVersion")
public record ReportVersionView(long reportId, int number, ReportContent content, Instant submittedAt,
                                String submittedBy, boolean late, int daysLate, String reviewOutcome,
                                ReviewInput review, String reviewedBy, Instant reviewedAt) {
}
