package vn.gems.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency the current version of a plan names, and in which role; indexes reads and the agency filter. */
@Entity
@Table(name = "plan_party")
public class PlanParty extends PanacheEntityBase {

    /** The roles an agency can have in a plan. */
    public enum Role {
        ISSUER, LEAD, RESPONSIBLE, ASSIGNED, CONTENT_LEAD, CONTENT_COOPERATING, SUBMITTER, RECEIVER, COPY_TO
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    public PlanParty() {
    }

    public PlanParty(Long planId, String agencyCode, Role role) {
        this.planId = planId;
        this.agencyCode = agencyCode;
        this.role = role;
    }
}
