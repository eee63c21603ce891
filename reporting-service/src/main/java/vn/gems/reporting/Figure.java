package vn.gems.reporting;

/** What number a target measure is about, and so which of female / male / total / value a report must give. */
public enum Figure {
    FEMALE_VALUE, MALE_VALUE, TOTAL, VALUE, FEMALE_SHARE, FEMALE_TO_MALE_RATIO, MALE_TO_FEMALE_X100, GAP, COUNT, MILESTONE;

    /** Figures computed from a female and a male count: both must be reported. */
    public boolean needsFemaleAndMale() {
        return this == FEMALE_SHARE || this == FEMALE_TO_MALE_RATIO || this == MALE_TO_FEMALE_X100 || this == GAP;
    }

    /** Figures given as one plain value, not split by sex. */
    public boolean plainValue() {
        return this == VALUE || this == COUNT || this == MILESTONE;
    }
}
