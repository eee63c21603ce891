package vn.gems.indicators;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of the unit change feed ({@code unit_change}); {@code seq} comes from {@code unit_change_head}. */
@Entity
@Table(name = "unit_change")
public class UnitChange extends PanacheEntityBase {

    @Id
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitChangeType kind;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "name_vi", nullable = false)
    public String nameVi;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    /** Comma-separated successor unit codes; empty when none. */
    @Column(nullable = false)
    public String successors = "";

    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
