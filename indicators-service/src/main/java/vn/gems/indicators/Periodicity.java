package vn.gems.indicators;

/** How often an indicator is collected. A value may be for this period kind or a coarser one, never a finer one. */
public enum Periodicity {
    ANNUAL(Period.Kind.YEAR),
    HALF_YEARLY(Period.Kind.HALF),
    QUARTERLY(Period.Kind.QUARTER),
    MONTHLY(Period.Kind.MONTH);

    private final Period.Kind finest;

    Periodicity(Period.Kind finest) {
        this.finest = finest;
    }

    public boolean allows(Period p) {
        return p.kind().ordinal() <= finest.ordinal();
    }

    public Period.Kind finest() {
        return finest;
    }
}
