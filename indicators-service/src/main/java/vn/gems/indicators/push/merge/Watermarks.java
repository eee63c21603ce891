package vn.gems.indicators.push.merge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-slice watermarks (indicator × period → the last batch that changed a value of it) and the merge locks. Every
 * write moves the watermarks of its slices in its own transaction, so a slice without one never held a value (a push
 * into such slices may be copied straight into the values table) and a slice whose watermark has not moved since a
 * push still holds what that push wrote (an identical re-push need not be read).
 */
public final class Watermarks {

    private Watermarks() {
    }

    /** Whether none of the slices ever held a value (no watermark): a push into them only inserts. */
    public static boolean fresh(Connection c, Set<String> slices) throws SQLException {
        return countWatermarks(c, "", slices, null) == 0;
    }

    /** Whether none of the slices changed after {@code batchId}. */
    public static boolean unchangedSince(Connection c, long batchId, Set<String> slices) throws SQLException {
        return countWatermarks(c, " where w.last_batch > ?", slices, batchId) == 0;
    }

    private static long countWatermarks(Connection c, String where, Set<String> slices, Long batchId) throws SQLException {
        Object[][] arrays = sliceArrays(slices);
        try (PreparedStatement st = c.prepareStatement("select count(*) from value_watermark w join unnest(?::int[], ?::varchar[]) s(i, p) "
                + "on w.indicator_id = s.i and w.period = s.p" + where)) {
            st.setArray(1, c.createArrayOf("integer", arrays[0]));
            st.setArray(2, c.createArrayOf("varchar", arrays[1]));
            if (batchId != null) {
                st.setLong(3, batchId);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Object[][] sliceArrays(Set<String> slices) {
        Object[] ids = new Object[slices.size()];
        Object[] periods = new Object[slices.size()];
        int k = 0;
        for (String s : slices) {
            int colon = s.indexOf(':');
            ids[k] = Integer.parseInt(s.substring(0, colon));
            periods[k++] = s.substring(colon + 1);
        }
        return new Object[][]{ids, periods};
    }

    /** Takes the merge locks of these indicators in id order, for a decision that must not race a merge. */
    public static void lock(Connection c, BitSet indicatorIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(7341, ?)")) {
            for (int id = indicatorIds.nextSetBit(0); id >= 0; id = indicatorIds.nextSetBit(id + 1)) {
                st.setInt(1, id);
                st.execute();
            }
        }
    }

    /**
     * Moves the watermark of every slice the batch touched (a conservative superset of those it changed) to this
     * batch, in the same transaction, so later pushes know the slices hold values and have changed.
     */
    static void move(Connection c, long batchId, Set<String> slices, ValueMerge.Retire retire) throws SQLException {
        Set<String> touched = new TreeSet<>(slices);
        if (retire != null) {
            for (int id : retire.indicatorIds()) {
                for (String period : retire.unitsByPeriod().keySet()) {
                    touched.add(id + ":" + period);
                }
            }
        }
        Object[][] arrays = sliceArrays(touched);
        try (PreparedStatement st = c.prepareStatement("""
                insert into value_watermark (indicator_id, period, last_batch) select i, p, ? from unnest(?::int[], ?::varchar[]) s(i, p)
                on conflict (indicator_id, period) do update set last_batch = excluded.last_batch""")) {
            st.setLong(1, batchId);
            st.setArray(2, c.createArrayOf("integer", arrays[0]));
            st.setArray(3, c.createArrayOf("varchar", arrays[1]));
            st.executeUpdate();
        }
    }
}
