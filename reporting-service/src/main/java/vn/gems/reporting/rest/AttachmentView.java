package vn.gems.reporting.rest;

import java.time.Instant;

/** An evidence file's metadata; the bytes are at {@code /api/reports/attachments/{id}/content}. */
public record AttachmentView(long id, long reportId, String filename, String contentType, long sizeBytes,
                             String sha256, String createdBy, Instant createdAt) {
}
