package vn.gems.reporting;

/** How a target compares the measured figure with its targeted value ("at least 30%", "below 15", "about 85%"). */
public enum Comparator {
    AT_LEAST, AT_MOST, BELOW, ABOVE, EQUAL, ABOUT, REDUCE_TO;

    /** Whether the target asks the figure to go up (true), down (false) or to a point (null). */
    public Boolean upward() {
        return switch (this) {
            case AT_LEAST, ABOVE -> true;
            case AT_MOST, BELOW, REDUCE_TO -> false;
            case EQUAL, ABOUT -> null;
        };
    }
}
