package vn.gems.indicators;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which agency plays a sector's part for an administrative unit's territory, e.g. HEALTH for VN-46 is
 * TTH-DOH. This keeps the catalogue free of any one province: the indicator names the sector.
 */
@Entity
@Table(name = "supplier_assignment")
public class SupplierAssignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String sector;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean activeOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
