package vn.gems.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.gems.common.persistence.VersionedEntity;
import vn.gems.contracts.plans.RuleKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request for an on-request report (báo cáo chuyên đề, đột xuất khi có yêu cầu): the receiving agency of a
 * dateless thematic or ad hoc rule asks some or all of the rule's submitters for one report by a due date. Each
 * recipient owes it as an obligation of period {@link #period()}.
 */
@Entity
@Table(name = "report_request")
public class ReportRequest extends VersionedEntity {

    private static final String PERIOD_PREFIX = "REQ-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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

    @Column(name = "receiving_agency", nullable = false)
    public String receivingAgency;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String instructions;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    /** Comma-separated agency codes; see {@link #recipientList()}. */
    @Column(nullable = false)
    public String recipients;

    @Column(name = "target_keys", nullable = false)
    public String targetKeys = "";

    @Column(name = "indicator_codes", nullable = false)
    public String indicatorCodes = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestState state;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The obligations' period label. */
    public String period() {
        return PERIOD_PREFIX + id;
    }

    public List<String> recipientList() {
        return split(recipients);
    }

    public List<String> targetKeyList() {
        return split(targetKeys);
    }

    public List<String> indicatorCodeList() {
        return split(indicatorCodes);
    }

    /** True when the request names what the report must cover, instead of leaving it to the rule's coverage. */
    public boolean focused() {
        return !targetKeys.isEmpty() || !indicatorCodes.isEmpty();
    }

    /** The request an obligation answers, when it is an on-request one. */
    public static Optional<ReportRequest> of(Obligation o) {
        return o.requestId == null ? Optional.empty() : findByIdOptional(o.requestId);
    }

    public static String join(List<String> codes) {
        return String.join(",", codes);
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
