package vn.gems.plans.rest;

/** Patterns shared by the plan document's records. */
public final class Keys {

    /** A stable structural key (O4, O4-T3, O4-T3-M1, R2, C1, A6): upper-case letters, digits, dashes. */
    public static final String KEY = "[A-Z0-9][A-Z0-9-]{0,39}";
    /** A plan code: like an agency code, at least one letter so it never reads as a numeric id. */
    public static final String PLAN_CODE = "(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{1,59}";
    /** An indicator code of indicators-service's catalogue (BIRTHS, ADOLESCENT_BIRTH_RATE). */
    public static final String INDICATOR = "[A-Z][A-Z0-9_]{1,79}";
    /** Dimension names and values (ethnicity = MINORITY). */
    public static final String DIMENSION = "[A-Za-z][A-Za-z0-9_-]{0,39}";
    public static final String KEY_MESSAGE = "must be 1-40 upper-case letters, digits or dashes";

    private Keys() {
    }
}
