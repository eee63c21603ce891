package vn.gems.indicators;

/** How a value is written: whole numbers (counts), decimals, or 0/1 (yes/no). */
public enum ValueType {
    INTEGER, DECIMAL, BOOLEAN
}
