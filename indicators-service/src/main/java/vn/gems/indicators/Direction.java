package vn.gems.indicators;

/** Which way is progress. */
public enum Direction {
    HIGHER,
    LOWER,
    /** Neither: closeness to a target value is what counts (e.g. sex ratio at birth ≈ 109). */
    NEUTRAL
}
