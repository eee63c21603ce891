package vn.gems.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.common.problem.ProblemException;
import vn.gems.reporting.Attachment;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.Report;
import vn.gems.reporting.ReportEvent;
import vn.gems.reporting.ReportVersion;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.mapping.ContentCodec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evidence files. Safe storage: the size is capped while reading (never trusting Content-Length), the type is
 * what the bytes are ({@link FileSniffer}) and must match what the client declared, the name is reduced to a
 * plain file name, the bytes live in the database, and nothing is ever fetched from a URL.
 */
@ApplicationScoped
@Transactional
public class AttachmentService {

    private final Access access;
    private final ReportingConfig config;
    private final ContentCodec codec;

    public AttachmentService(Access access, ReportingConfig config, ContentCodec codec) {
        this.access = access;
        this.config = config;
        this.codec = codec;
    }

    public Attachment upload(long reportId, String filename, String declaredType, InputStream body) {
        Report r = Report.<Report>findByIdOptional(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        Obligation o = Obligation.findById(r.obligationId);
        access.requireWrite(o);
        byte[] bytes = readCapped(body, config.attachments().maxBytes());
        if (bytes.length == 0) {
            throw ProblemException.unprocessable("EMPTY_FILE", "body", "The file is empty");
        }
        String sniffed = FileSniffer.sniff(bytes);
        if (sniffed == null || !config.attachments().allowedTypes().contains(sniffed)) {
            throw new ProblemException(415, "UNSUPPORTED_FILE_TYPE", "Unsupported media type",
                    "The file's content is not one of the accepted types " + config.attachments().allowedTypes()
                            + (sniffed == null ? "" : " (it looks like " + sniffed + ")"), List.of(), Map.of());
        }
        String declared = declaredType == null ? null : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (declared != null && !declared.isEmpty() && !declared.equals("application/octet-stream") && !FileSniffer.compatible(declared, sniffed)) {
            throw new ProblemException(415, "CONTENT_TYPE_MISMATCH", "Unsupported media type",
                    "The file was declared as " + declared + " but its content is " + sniffed, List.of(), Map.of());
        }
        Attachment a = new Attachment();
        a.reportId = r.id;
        a.agency = o.agency;
        a.filename = FileSniffer.safeName(filename, sniffed);
        a.contentType = "text/plain".equals(sniffed) && "text/csv".equals(declared) ? "text/csv" : sniffed;
        a.sizeBytes = bytes.length;
        a.sha256 = sha256(bytes);
        a.data = bytes;
        a.createdBy = access.actor();
        a.createdAt = Instant.now();
        a.persist();
        ReportEvent.of(r.id, "ATTACHED", access.actor(), a.filename + " (" + a.contentType + ", " + a.sizeBytes + " bytes)").persist();
        return a;
    }

    /**
     * The file, for its own agency always; for the receiving agency and auditors only once a submitted version
     * refers to it (a file attached to a draft is as private as the draft).
     */
    /** A file's bytes with what a download needs. */
    public record Download(String filename, String contentType, String sha256, byte[] bytes) {
    }

    public Download download(long id) {
        Attachment a = Attachment.<Attachment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Attachment", id));
        Report r = Report.findById(a.reportId);
        Obligation o = Obligation.findById(r.obligationId);
        access.requireSee(o);
        if (!access.isSubmitter(o) && !referencedBySubmission(r.id, id)) {
            throw ProblemException.forbidden("DRAFT_IS_PRIVATE", "This file belongs to a draft that has not been submitted");
        }
        return new Download(a.filename, a.contentType, a.sha256, a.data);
    }

    public void delete(long id) {
        Attachment a = Attachment.<Attachment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Attachment", id));
        Report r = Report.findById(a.reportId);
        access.requireWrite(Obligation.findById(r.obligationId));
        if (referencedBySubmission(r.id, id)) {
            throw ProblemException.conflict("ATTACHMENT_SUBMITTED", "A submitted version refers to this file; it is kept as evidence");
        }
        ReportEvent.of(r.id, "DETACHED", access.actor(), a.filename).persist();
        a.delete();
    }

    private boolean referencedBySubmission(long reportId, long attachmentId) {
        for (ReportVersion v : ReportVersion.<ReportVersion>list("reportId", reportId)) {
            try {
                for (JsonNode value : codec.mapper().readTree(v.content).path("values")) {
                    if (value.path("attachmentId").asLong(-1) == attachmentId) {
                        return true;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    private static byte[] readCapped(InputStream in, long max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    throw new ProblemException(413, "FILE_TOO_LARGE", "Payload too large",
                            "Files are limited to " + max + " bytes", List.of(), Map.of());
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("UNREADABLE_BODY", "The upload could not be read to its end");
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
