package vn.gems.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The latest version of a plan this service generated obligations from, with its document. */
@Entity
@Table(name = "plan_ref")
public class PlanRef extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public Long planId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(nullable = false)
    public String status;

    public String number;

    /** plans-service's stable code of the plan. */
    public String code;

    public String title;

    @Column(name = "issuing_agency")
    public String issuingAgency;

    /** The agency that manages and consolidates the plan (DOLISA), when the plan names one. */
    @Column(name = "lead_agency")
    public String leadAgency;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "parent_plan_id")
    public Long parentPlanId;

    /** plans-service's document for {@link #planVersion}, as received. */
    @Column(nullable = false)
    public String document;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
