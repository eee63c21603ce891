package vn.gems.plans;

/** How a measured figure is compared with the target value. */
public enum Comparator {
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
    REDUCE_TO
}
