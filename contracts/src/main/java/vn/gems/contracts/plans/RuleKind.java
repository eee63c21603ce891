package vn.gems.contracts.plans;

/** Kinds of reporting obligation a plan's regime (Chế độ báo cáo) can impose. */
public enum RuleKind {
    /** Each agency drafts its own implementation plan (one-off). */
    OWN_PLAN(true),
    /** Six-month report (recurring). */
    SIX_MONTH(false),
    /** Annual report (recurring). */
    ANNUAL(false),
    /** Thematic report on the agency's field, usually on request. */
    THEMATIC(false),
    /** Ad hoc report, e.g. when difficulties arise. */
    AD_HOC(false),
    /** Mid-term review (sơ kết, one-off). */
    MID_TERM_REVIEW(true),
    /** Final review (tổng kết, one-off). */
    FINAL_REVIEW(true);

    private final boolean oneOff;

    RuleKind(boolean oneOff) {
        this.oneOff = oneOff;
    }

    /** One-off rules carry a due year; recurring ones a from/to year range. */
    public boolean oneOff() {
        return oneOff;
    }

    /** Thematic and ad hoc reports may be "on request", without a due date. */
    public boolean onRequest() {
        return this == THEMATIC || this == AD_HOC;
    }

    /** Recurring kinds repeat every year of {@code fromYear..toYear}; the one-off ones fall due once. */
    public boolean recurring() {
        return this == SIX_MONTH || this == ANNUAL;
    }
}
