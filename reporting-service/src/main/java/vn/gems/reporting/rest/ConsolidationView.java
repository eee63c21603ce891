package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gems.contracts.plans.Figure;
import vn.gems.contracts.plans.RuleKind;
import vn.gems.contracts.plans.TargetComparator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consolidated report (báo cáo tổng hợp) for a plan, a period and the agency receiving the reports: who
 * reported and when, where every target measure stands (with the source of each figure), the narratives of the
 * accepted reports by objective and agency, and the child plans' figures rolled up. Completeness counts the
 * submitters as the territory stood on the due date: an obligation of a body retired (merged) before its due date,
 * whose holder owes the same report itself, is listed in {@code countedAsSuccessor} and counted once, as the
 * holder's. Invited bodies' obligations are listed in {@code invited}, never counted.
 */
@Schema(name = "Consolidation", example = """
        {"planId":12,"planVersion":1,"planNumber":"KH-TTH-2021","planTitle":"Kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2025",
         "period":"2024","receivingAgency":"TTH-DOLISA","receivingAgencyName":"Sở Lao động - Thương binh và Xã hội","unitCode":"VN-46",
         "asOf":"2024-12-05","territoryAsOf":"2024-11-30","generatedAt":"2024-12-05T03:00:00Z",
         "completeness":{"expected":9,"submitted":7,"onTime":5,"late":2,"missing":2,"pending":0,"accepted":6,"returned":1,"submittedPercent":77.8},
         "agencies":[{"obligationId":41,"agency":"TTH-DOH","agencyName":"Sở Y tế","ruleKey":"R2","kind":"ANNUAL","dueDate":"2024-11-30",
                      "state":"ACCEPTED","timeliness":"LATE","firstSubmittedAt":"2024-12-02T02:00:00Z","daysLate":2,"reportId":7,"acceptedVersionNo":2}],
         "objectives":[{"key":"O4","label":"d","title":"Trong lĩnh vực y tế","rows":[{"objectiveKey":"O4","targetKey":"O4-T1","targetLabel":"1",
                 "targetText":"Tỷ số giới tính khi sinh ở mức 109 bé trai/100 bé gái sinh ra sống","measureKey":"O4-T1-M1","indicatorCode":"SRB",
                 "figure":"MALE_TO_FEMALE_X100","comparator":"ABOUT","baselineValue":null,"baselineYear":null,"targetValue":109,"targetYear":2025,
                 "valuePeriod":"2024","female":7012,"male":7714,"total":14726,"figureValue":110.01,"previousFigureValue":111.2,
                 "status":"ON_TRACK","statusReason":"moving towards 109 (111.2 → 110.01)","responsibleAgencies":["TTH-DOH"],
                 "sources":[{"kind":"REPORT","reference":"submission:7:v2","agency":"TTH-DOH","system":null},
                            {"kind":"STATISTICS","reference":"tth-stats-2024","agency":"TTH-STATS","system":null}],"contributingUnits":["VN-46"]}]}],
         "narratives":[],"children":[],"childrenRollup":[],"upward":[],"countedAsSuccessor":[],
         "invited":{"invited":1,"submitted":1,"agencies":[{"obligationId":52,"agency":"TTH-WU","agencyName":"Hội Liên hiệp Phụ nữ tỉnh",
           "ruleKey":"R2","kind":"ANNUAL","dueDate":"2024-11-30","state":"SUBMITTED","timeliness":"ON_TIME",
           "firstSubmittedAt":"2024-11-28T03:00:00Z","daysLate":0,"reportId":9,"acceptedVersionNo":null}]}}""")
public record ConsolidationView(long planId, int planVersion, String planNumber, String planTitle, String period,
                                String receivingAgency, String receivingAgencyName, String unitCode,
                                @Schema(description = "The date timeliness is judged on: the asOf asked for, else today")
                                LocalDate asOf,
                                @Schema(description = "The hierarchy date of the figures: the asOf asked for, else the due date of the reports received "
                                        + "(the territory as it stood then: a unit merged since still counts as it did)")
                                LocalDate territoryAsOf,
                                Instant generatedAt, Completeness completeness, List<AgencyLine> agencies,
                                List<ObjectiveBlock> objectives, List<NarrativeBlock> narratives,
                                List<ChildPlan> children, List<TargetRow> childrenRollup, List<UpwardObligation> upward,
                                @Schema(description = "Bodies merged before the due date: their lines, counted once as their successor's")
                                List<AgencyLine> countedAsSuccessor,
                                @Schema(description = "Invited submitters' lines, apart: never counted in completeness or timeliness")
                                Invited invited) {

    /** Invited submitters (Đề nghị): how many were invited, how many submitted, and their lines. */
    public record Invited(int invited, int submitted, List<AgencyLine> agencies) {
    }

    /** Expected reports; submitted = on time + late; missing = overdue and never submitted; pending = not due yet. */
    public record Completeness(int expected, int submitted, int onTime, int late, int missing, int pending, int accepted,
                               int returned, BigDecimal submittedPercent) {
    }

    /** One expected report: ON_TIME, LATE, MISSING (overdue, nothing submitted) or PENDING (not due yet). */
    public record AgencyLine(long obligationId, String agency, String agencyName, String ruleKey, RuleKind kind,
                             LocalDate dueDate, String state, String timeliness, Instant firstSubmittedAt,
                             Long daysLate, Long reportId, Integer acceptedVersionNo) {
    }

    public record ObjectiveBlock(String key, String label, String title, List<TargetRow> rows) {
    }

    /**
     * Where one target measure stands: baseline, the latest value (female / male / total and the targeted figure),
     * the target, a status (ACHIEVED, ON_TRACK, OFF_TRACK, NO_DATA) and the sources of the figures. Where the plan
     * sets them: {@code targetValueHigh} closes a range ("30–40%"), {@code tolerance} is the ± of an "about" target,
     * {@code interimTarget} the yearly interim target of the period's year.
     */
    public record TargetRow(String objectiveKey, String targetKey, String targetLabel, String targetText,
                            String measureKey, String indicatorCode, Figure figure, TargetComparator comparator,
                            BigDecimal baselineValue, Integer baselineYear, BigDecimal targetValue, Integer targetYear,
                            String valuePeriod, BigDecimal female, BigDecimal male, BigDecimal total,
                            BigDecimal figureValue, BigDecimal previousFigureValue, String status, String statusReason,
                            List<String> responsibleAgencies, List<Source> sources, List<String> contributingUnits,
                            @Schema(description = "The upper end of a range target (\"30–40%\"); null for a single value")
                            BigDecimal targetValueHigh,
                            @Schema(description = "The ± the plan allows around an \"about\" target, in the figure's unit")
                            BigDecimal tolerance,
                            @Schema(description = "The plan's interim target for the period's year, if it sets one")
                            BigDecimal interimTarget) {
    }

    /** Where a figure came from: an agency's accepted report, the statistics office's push, another system. */
    public record Source(String kind, String reference, String agency, String system) {
    }

    public record NarrativeBlock(String objectiveKey, String objectiveTitle, List<AgencyNarrative> agencies) {
    }

    public record AgencyNarrative(String agency, String agencyName, long reportId, int versionNo,
                                  List<ReportContent.Section> sections, List<ReportContent.Activity> activities) {
    }

    /**
     * A child plan (a province plan under the national plan, a commune plan under a province plan): the completeness
     * of the reports it received for the period, and its own report to this plan ({@code submission}: its line
     * in {@code agencies}, with its timeliness; null when it owes none).
     */
    public record ChildPlan(long planId, String planNumber, String issuingAgency, String unitCode, Completeness completeness,
                            AgencyLine submission) {
    }

    /**
     * The receiving agency's own report upward that this consolidation feeds (the seeds' chain): under this plan, or
     * under the parent plan ({@code planId} the parent's: a province's report to the ministry).
     */
    public record UpwardObligation(long obligationId, long planId, String ruleKey, String receivingAgency, LocalDate dueDate,
                                   String state, Long reportId) {
    }
}
