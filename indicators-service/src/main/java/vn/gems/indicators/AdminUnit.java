package vn.gems.indicators;

import vn.gems.common.persistence.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An administrative unit (đơn vị hành chính): nation, province, district or commune. Its code never changes;
 * its names and parents are dated, and it stops existing (validTo) when merged away or abolished. Values stay
 * attached to the unit they were reported for.
 */
@Entity
@Table(name = "admin_unit")
public class AdminUnit extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitLevel level;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("validFrom")
    public List<UnitName> names = new ArrayList<>();

    @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("validFrom")
    public List<UnitParent> parents = new ArrayList<>();

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** The name in force on {@code day}, or the last one the unit had. */
    public Optional<UnitName> nameOn(LocalDate day) {
        UnitName last = null;
        for (UnitName n : names) {
            if (!n.validFrom.isAfter(day) && (n.validTo == null || !n.validTo.isBefore(day))) {
                return Optional.of(n);
            }
            last = n;
        }
        return Optional.ofNullable(last);
    }

    /** The parent record in force on {@code day}. */
    public Optional<UnitParent> parentOn(LocalDate day) {
        for (UnitParent p : parents) {
            if (!p.validFrom.isAfter(day) && (p.validTo == null || !p.validTo.isBefore(day))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
