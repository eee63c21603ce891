package vn.gems.reporting;

import vn.gems.common.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * An agency's report for one obligation: the working draft (private to the agency) and, in
 * {@link ReportVersion}, every version it submitted.
 */
@Entity
@Table(name = "report")
public class Report extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "obligation_id", nullable = false, unique = true)
    public Long obligationId;

    @Column(nullable = false)
    public String agency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportState state;

    /** The working draft, as JSON ({@link vn.gems.reporting.rest.ReportContent}). */
    @Column(nullable = false)
    public String draft;

    @Column(name = "last_version_no", nullable = false)
    public int lastVersionNo;

    @Column(name = "accepted_version_no")
    public Integer acceptedVersionNo;

    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;

    @Column(name = "last_submitted_at")
    public Instant lastSubmittedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** The report of an obligation, if it was started (at most one: obligation_id is unique). */
    public static Optional<Report> ofObligation(long obligationId) {
        return Report.<Report>find("obligationId", obligationId).firstResultOptional();
    }
}
