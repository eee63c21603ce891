package vn.gems.contracts.plans;

/** Which figure of an indicator a measure targets. */
public enum Figure {
    /** The value for women and girls (e.g. share of employed women in agriculture). */
    FEMALE_VALUE,
    /** The value for men and boys. */
    MALE_VALUE,
    /** The value for both sexes together (e.g. share of all detected victims supported). */
    TOTAL,
    /** The value of an indicator that is not about persons by sex (e.g. a rate per 100,000 live births). */
    VALUE,
    /** Female ÷ total, as a percentage (e.g. female share of enterprise directors). */
    FEMALE_SHARE,
    /** Female ÷ male (e.g. women's unpaid care hours as a multiple of men's). */
    FEMALE_TO_MALE_RATIO,
    /** Male ÷ female × 100 (sex ratio at birth). */
    MALE_TO_FEMALE_X100,
    /** Male value − female value, in the indicator's unit. */
    GAP,
    /** A count of things (e.g. health facilities piloting a service). */
    COUNT,
    /** A yes/no milestone (1 = achieved), e.g. gender content taught from 2025. */
    MILESTONE;

    /** Figures computed from a female and a male count: both must be reported. */
    public boolean needsFemaleAndMale() {
        return this == FEMALE_SHARE || this == FEMALE_TO_MALE_RATIO || this == MALE_TO_FEMALE_X100 || this == GAP;
    }

    /** Figures given as one plain value, not split by sex. */
    public boolean plainValue() {
        return this == VALUE || this == COUNT || this == MILESTONE;
    }
}
