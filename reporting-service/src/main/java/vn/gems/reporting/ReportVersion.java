package vn.gems.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One submitted version of a report, kept unchanged except for the reviewer's outcome and comments. */
@Entity
@Table(name = "report_version")
@IdClass(ReportVersion.Key.class)
public class ReportVersion extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public Long reportId;

    @Id
    public Integer number;

    /** The submitted content, as JSON. */
    @Column(nullable = false)
    public String content;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(nullable = false)
    public boolean late;

    @Column(name = "days_late", nullable = false)
    public int daysLate;

    /** RETURNED or ACCEPTED once reviewed. */
    @Column(name = "review_outcome")
    public String reviewOutcome;

    /** The reviewer's comments, as JSON. */
    @Column(name = "review_comments")
    public String reviewComments;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    public static class Key implements Serializable {
        public Long reportId;
        public Integer number;

        public Key() {
        }

        public Key(Long reportId, Integer number) {
            this.reportId = reportId;
            this.number = number;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(reportId, k.reportId) && Objects.equals(number, k.number);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, number);
        }
    }
}
