package vn.gems.indicators;

/**
 * What an indicator counts. Person-based indicators ({@link #PERSONS}) are always collected by sex;
 * figures about women only (maternal mortality, adolescent births) are not split by sex.
 */
public enum Subject {
    PERSONS(true),
    WOMEN(false),
    ORGANISATIONS(false),
    FACILITIES(false),
    ADMINISTRATIVE_UNITS(false),
    MILESTONE(false);

    private final boolean requiresSex;

    Subject(boolean requiresSex) {
        this.requiresSex = requiresSex;
    }

    public boolean requiresSex() {
        return requiresSex;
    }
}
