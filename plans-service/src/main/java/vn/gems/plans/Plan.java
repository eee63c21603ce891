package vn.gems.plans;

import vn.gems.common.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan (Kế hoạch): the header fields lists, search and authorization need, its status and current version.
 * The whole document of every version lives in {@link PlanVersion}.
 */
@Entity
@Table(name = "plan")
public class Plan extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanKind kind;

    @Column(name = "issuing_agency", nullable = false)
    public String issuingAgency;

    @Column(name = "lead_agency")
    public String leadAgency;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "issue_date")
    public LocalDate issueDate;

    @Column(name = "period_from", nullable = false)
    public int periodFrom;

    @Column(name = "period_to", nullable = false)
    public int periodTo;

    @Column(name = "parent_id")
    public Long parentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    /** The document version in force (1 for drafts; each amendment adds one). */
    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** Optimistic lock and ETag: changes on every write, drafts included. */
    @Version
    public long revision;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    /** True when the agency issues or leads this plan. */
    public boolean ownedBy(String agency) {
        return agency != null && (agency.equals(issuingAgency) || agency.equals(leadAgency));
    }

    public boolean published() {
        return status == PlanStatus.ISSUED || status == PlanStatus.CLOSED;
    }
}
