package vn.gems.indicators;

import vn.gems.common.persistence.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import vn.gems.indicators.mapping.DimensionsConverter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An indicator (chỉ số) of the catalogue: what is measured, how, by whom, and how it rolls up. */
@Entity
@Table(name = "indicator")
public class Indicator extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_vi", nullable = false)
    public String nameVi;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "definition_vi")
    public String definitionVi;

    @Column(name = "definition_en")
    public String definitionEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "measure_unit", nullable = false)
    public MeasureUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type", nullable = false)
    public ValueType valueType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Subject subject;

    @Column(name = "by_sex", nullable = false)
    public boolean bySex;

    @Convert(converter = DimensionsConverter.class)
    @Column(nullable = false)
    public List<DimensionSpec> dimensions = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Aggregation aggregation;

    public BigDecimal multiplier;

    @Column(name = "numerator_vi")
    public String numeratorVi;

    @Column(name = "numerator_en")
    public String numeratorEn;

    @Column(name = "denominator_vi")
    public String denominatorVi;

    @Column(name = "denominator_en")
    public String denominatorEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Periodicity periodicity;

    /** Sectors (ngành) that supply it; {@link SupplierAssignment} says which agency plays a sector for a unit. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "indicator_sector", joinColumns = @JoinColumn(name = "indicator_id"))
    @Column(name = "sector")
    public Set<String> sectors = new LinkedHashSet<>();
}
