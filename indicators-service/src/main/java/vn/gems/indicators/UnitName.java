package vn.gems.indicators;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A unit's name over a period (e.g. "Tỉnh Thừa Thiên Huế" until 2024-12-31, then "Thành phố Huế"). */
@Entity
@Table(name = "unit_name")
public class UnitName extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    public AdminUnit unit;

    @Column(name = "name_vi", nullable = false)
    public String nameVi;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;
}
