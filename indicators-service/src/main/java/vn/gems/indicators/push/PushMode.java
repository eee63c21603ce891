package vn.gems.indicators.push;

/** UPSERT writes the file's rows; REPLACE also retires the declared slice's values the file lacks. */
public enum PushMode {
    UPSERT, REPLACE
}
