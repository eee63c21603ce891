package vn.gems.indicators.push;

/** What a push does with bad rows: ABORT writes nothing; SKIP commits the good rows and reports the bad. */
public enum OnError {
    ABORT, SKIP
}
