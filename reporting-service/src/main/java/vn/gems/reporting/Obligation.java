package vn.gems.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import vn.gems.common.persistence.VersionedEntity;
import vn.gems.contracts.plans.Coverage;
import vn.gems.contracts.plans.RuleKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A duty to report (nghĩa vụ báo cáo): an agency owes a report of some kind for a period to a receiving agency
 * by a due date. Its natural key (plan, rule, period, assigned agency) makes generation idempotent.
 */
@Entity
@Table(name = "obligation")
public class Obligation extends VersionedEntity {

    /**
     * From the column's own sequence, 50 at a time (V11), so that a plan's new obligations are inserted in JDBC batches
     * (an identity would make Hibernate insert them one statement each to learn the key).
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "obligation_ids")
    @SequenceGenerator(name = "obligation_ids", sequenceName = "obligation_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    @Column(name = "rule_key", nullable = false)
    public String ruleKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleKind kind;

    /** {@code 2024} for an annual report, {@code 2024S1} for a 6-month one. */
    @Column(nullable = false)
    public String period;

    /** The date in force: the plan's, or the extended one. */
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** The plan's due date once the receiving agency has extended it; null when never extended. */
    @Column(name = "original_due_date")
    public LocalDate originalDueDate;

    @Column(name = "extension_reason")
    public String extensionReason;

    /** The agency the plan names; stays fixed. */
    @Column(name = "assigned_agency", nullable = false)
    public String assignedAgency;

    /** Who holds the duty now: the assigned agency, or its successor after a retirement. */
    @Column(nullable = false)
    public String agency;

    @Column(name = "receiving_agency", nullable = false)
    public String receivingAgency;

    /** The administrative unit the agency's values are about. */
    @Column(name = "unit_code")
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Coverage coverage;

    /** Keys of the rules whose reports this one consolidates upward, comma-separated ("R2,R5"), or null. */
    public String consolidates;

    /** False for an invited submitter: it may report, is reminded, but never counts in completeness or timeliness. */
    @Column(nullable = false)
    public boolean required = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObligationState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "reminder_stage", nullable = false)
    public ReminderStage reminderStage = ReminderStage.NONE;

    @Column(name = "first_submitted_at")
    public Instant firstSubmittedAt;

    @Column(name = "handed_over_from")
    public String handedOverFrom;

    /** The receiving agency this obligation was addressed to before a retirement passed its receiving role on; null if never. */
    @Column(name = "receiver_handed_over_from")
    public String receiverHandedOverFrom;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The report request this obligation answers (an on-request report, period {@code REQ-<id>}); null for the plan's dated ones. */
    @Column(name = "request_id")
    public Long requestId;

    /** The keys of the rules this obligation's report consolidates; empty for an ordinary report. */
    public List<String> consolidatedRules() {
        return consolidates == null || consolidates.isBlank() ? List.of() : Arrays.stream(consolidates.split(",")).map(String::trim).toList();
    }

    /** The stored form of a list of consolidated rule keys: comma-separated, null when none. */
    public static String joinRules(List<String> keys) {
        return keys == null || keys.isEmpty() ? null : String.join(",", keys);
    }
}
