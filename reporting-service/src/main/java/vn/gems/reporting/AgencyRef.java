package vn.gems.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** What this service last read of an agency from plans-service's registry. */
@Entity
@Table(name = "agency_ref")
public class AgencyRef extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_vi")
    public String nameVi;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** Comma-separated successor codes. */
    public String successors;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    public List<String> successorList() {
        return successors == null || successors.isBlank() ? List.of() : Arrays.asList(successors.split(","));
    }

    public boolean retiredBefore(LocalDate day) {
        return validTo != null && validTo.isBefore(day);
    }
}
