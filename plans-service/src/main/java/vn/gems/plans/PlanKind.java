package vn.gems.plans;

/** What sort of document a plan is. */
public enum PlanKind {
    /** Chiến lược quốc gia (the national strategy, Nghị quyết 28/NQ-CP 2021–2030): the root of every province's plan tree. */
    NATIONAL_STRATEGY,
    /** Kế hoạch thực hiện Chiến lược (a multi-year plan carrying out the national strategy), e.g. seed 003. */
    STRATEGY_IMPLEMENTATION,
    /** Kế hoạch năm (an annual plan), e.g. seeds 000, 002, 004. */
    ANNUAL_PLAN,
    /** Kế hoạch Tháng hành động (the yearly Action Month 15/11–15/12). */
    ACTION_MONTH_PLAN,
    /** Công văn (an official letter that directs the year's work), e.g. seed 001. */
    OFFICIAL_LETTER
}
