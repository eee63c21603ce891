package vn.gems.indicators.push;

import vn.gems.common.testing.TestDatabase;

/** What the values table holds, read straight from the test database. */
final class StoredValues {

    private StoredValues() {
    }

    /** Current values of an indicator for a period. */
    static long count(TestDatabase db, String indicator, String period) {
        return db.count("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id where i.code = ? and v.period = ?",
                indicator, period);
    }
}
