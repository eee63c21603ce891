package vn.gems.reporting.rest;

import java.time.Instant;

/** A notice for an agency (DUE_SOON, OVERDUE, SUBMITTED, RETURNED, ACCEPTED, HANDED_OVER, DUE_DATE_EXTENDED). */
public record NotificationView(long id, String agency, String kind, Long obligationId, Long reportId, String message,
                               Instant createdAt, Instant mailedAt) {
}
