package vn.gems.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A consolidated report's public summary, frozen when the receiving agency published it. */
@Entity
@Table(name = "published_consolidation")
public class PublishedConsolidation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public String period;

    @Column(name = "receiving_agency", nullable = false)
    public String receivingAgency;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** The public summary, as JSON. */
    @Column(nullable = false)
    public String body;

    @Version
    public long version;
}
