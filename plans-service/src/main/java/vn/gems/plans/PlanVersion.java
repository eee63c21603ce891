package vn.gems.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** One version of a plan's document, as JSON. Issued versions never change. */
@Entity
@Table(name = "plan_version")
public class PlanVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public int number;

    /** The plan document (vn.gems.plans.rest.PlanDocument) as JSON. */
    @Column(nullable = false)
    public String document;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    /** Why an amendment was made. */
    public String reason;

    /** The amending document, e.g. "Quyết định số 12/QĐ-UBND ngày 5/3/2023". */
    public String reference;

    public static Optional<PlanVersion> of(long planId, int number) {
        return find("planId = ?1 and number = ?2", planId, number).firstResultOptional();
    }

    /** The current version of {@code p}; every plan has one. */
    public static PlanVersion current(Plan p) {
        return of(p.id, p.currentVersion)
                .orElseThrow(() -> new IllegalStateException("plan " + p.id + " lacks its version " + p.currentVersion));
    }
}
