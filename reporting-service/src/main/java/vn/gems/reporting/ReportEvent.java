package vn.gems.reporting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One step of a report's life (created, edited, submitted, returned, accepted), of its obligation's (due date
 * extended, possibly before any report exists) or of a report request's (issued, withdrawn), for the audit trail.
 */
@Entity
@Table(name = "report_event")
public class ReportEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id")
    public Long reportId;

    @Column(name = "obligation_id")
    public Long obligationId;

    @Column(name = "request_id")
    public Long requestId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String actor;

    public String detail;

    @Column(nullable = false)
    public Instant at;

    public static ReportEvent of(long reportId, String action, String actor, String detail) {
        return build(null, reportId, action, actor, detail);
    }

    /** A step on an obligation, with its report when one exists. */
    public static ReportEvent ofObligation(long obligationId, Long reportId, String action, String actor, String detail) {
        return build(obligationId, reportId, action, actor, detail);
    }

    /** A step on a report request. */
    public static ReportEvent ofRequest(long requestId, String action, String actor, String detail) {
        ReportEvent e = build(null, null, action, actor, detail);
        e.requestId = requestId;
        return e;
    }

    private static ReportEvent build(Long obligationId, Long reportId, String action, String actor, String detail) {
        ReportEvent e = new ReportEvent();
        e.obligationId = obligationId;
        e.reportId = reportId;
        e.action = action;
        e.actor = actor;
        e.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
        e.at = Instant.now();
        return e;
    }
}
