package vn.gems.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change to an agency, with a JSON snapshot of the agency after it. */
@Entity
@Table(name = "agency_history")
public class AgencyHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(nullable = false)
    public long revision;

    /** CREATED, UPDATED, RETIRED, RENAMED or MEMBERS_CHANGED. */
    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String snapshot;

    /** MEMBERS_CHANGED: the body's member list after the change (JSON); null for other changes. */
    public String members;
}
