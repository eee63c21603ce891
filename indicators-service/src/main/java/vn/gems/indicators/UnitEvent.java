package vn.gems.indicators;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A restructuring of administrative units with its effective date and legal basis (e.g. Nghị quyết 202/2025/QH15). */
@Entity
@Table(name = "unit_event")
public class UnitEvent extends PanacheEntityBase {

    /** FROM: whose territory moves; TO: where it goes; MOVED: children re-parented along with it. */
    public enum Role { FROM, TO, MOVED }

    @Embeddable
    public static class Part {
        @ManyToOne(fetch = FetchType.EAGER, optional = false)
        @JoinColumn(name = "unit_id")
        public AdminUnit unit;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Role role;

        public Part() {
        }

        public Part(AdminUnit unit, Role role) {
            this.unit = unit;
            this.role = role;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitEventKind kind;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "legal_basis")
    public String legalBasis;

    public String note;

    @Column(name = "new_name_vi")
    public String newNameVi;

    @Column(name = "new_name_en")
    public String newNameEn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "unit_event_part", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    public List<Part> parts = new ArrayList<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<AdminUnit> units(Role role) {
        return parts.stream().filter(p -> p.role == role).map(p -> p.unit).toList();
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
