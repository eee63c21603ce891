package vn.gems.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One measure of the current version of a plan and one agency responsible for it. */
@Entity
@Table(name = "plan_responsibility")
public class PlanResponsibility extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "objective_key", nullable = false)
    public String objectiveKey;

    @Column(name = "target_key", nullable = false)
    public String targetKey;

    @Column(name = "measure_key", nullable = false)
    public String measureKey;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    public String scope;

    @Column(name = "indicator_code", nullable = false)
    public String indicatorCode;
}
