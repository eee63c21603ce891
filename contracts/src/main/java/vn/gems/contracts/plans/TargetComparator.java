package vn.gems.contracts.plans;

/** How a target compares the measured figure with its targeted value ("at least 30%", "below 15", "about 85%"). */
public enum TargetComparator {
    /** ≥ ("ít nhất", "đạt"). */
    AT_LEAST,
    /** ≤ ("tối đa"). */
    AT_MOST,
    /** &lt; ("dưới"). */
    BELOW,
    /** &gt; ("trên"). */
    ABOVE,
    /** = (e.g. "100%"). */
    EQUAL,
    /** ≈ ("khoảng", "ở mức"). */
    ABOUT,
    /** Reduce from the baseline down to the target ("giảm từ … xuống …", "giảm còn …"); met when ≤ target. */
    REDUCE_TO,
    /** Inside a range ("30–40%"): targetValue ≤ figure ≤ targetValueHigh. */
    RANGE;

    /** Whether the target asks the figure to go up (true), down (false) or to a point (null). */
    public Boolean upward() {
        return switch (this) {
            case AT_LEAST, ABOVE -> true;
            case AT_MOST, BELOW, REDUCE_TO -> false;
            case EQUAL, ABOUT, RANGE -> null;
        };
    }
}
