package vn.gems.reporting;

/** The kinds of report a plan's reporting regime (Chế độ báo cáo) asks for. */
public enum RuleKind {
    /** The agency's own implementation plan (Kế hoạch triển khai), once. */
    OWN_PLAN,
    /** 6-month report (báo cáo 6 tháng), yearly. */
    SIX_MONTH,
    /** Annual report (báo cáo năm), yearly. */
    ANNUAL,
    /** Thematic report (báo cáo chuyên đề). */
    THEMATIC,
    /** Ad-hoc report on request (báo cáo đột xuất). */
    AD_HOC,
    /** Mid-term review (sơ kết giữa kỳ), once. */
    MID_TERM_REVIEW,
    /** Final review (tổng kết), once. */
    FINAL_REVIEW;

    /** Recurring kinds repeat every year of {@code fromYear..toYear}; the others fall due once. */
    public boolean recurring() {
        return this == SIX_MONTH || this == ANNUAL;
    }
}
