package vn.gems.indicators;

/** How an indicator rolls up the administrative hierarchy. */
public enum Aggregation {
    /** Counts and totals: the parts are added. */
    SUM,
    /** Rates, shares and ratios: numerators and denominators are added, the figure recomputed (never averaged). */
    RATIO,
    /** Milestones and other figures that do not add up; a roll-up answers only when one unit covers the territory. */
    NONE
}
