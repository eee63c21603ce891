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
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A published data set: one indicator, one period, one unit's territory. The public portal shows the
 * final values inside it (provisional ones stay internal even when the set is published).
 */
@Entity
@Table(name = "publication")
public class Publication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(nullable = false)
    public String period;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    public AdminUnit unit;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_agency")
    public String publishedAgency;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @PrePersist
    void onCreate() {
        publishedAt = Instant.now();
    }
}
