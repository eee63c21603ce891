package vn.gems.indicators.dhis2;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored DHIS2 mapping; {@code document} is its {@link vn.gems.indicators.dhis2.rest.Dhis2MappingInput} as JSON. */
@Entity
@Table(name = "dhis2_mapping")
public class Dhis2Mapping extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "data_set")
    public String dataSet;

    @Column(nullable = false, columnDefinition = "text")
    public String document;

    /** The ETag: 1 when created, one more at each change. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
