package vn.gems.indicators.push.merge;

import vn.gems.indicators.push.rules.GroupChecks;
import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.service.Catalogue;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The set-based write path for values, on one connection inside one transaction:
 * <ol>
 *   <li>rows are COPY'd into a temporary staging table (no WAL, no indexes);</li>
 *   <li>the indicators touched are locked in id order (transaction advisory locks), so concurrent merges never deadlock;</li>
 *   <li>rules across rows run as queries: duplicate keys, and female + male = total for additive indicators
 *       (against stored values when the push brings only some sexes);</li>
 *   <li>one left join against the current values classifies rows as new or changed (unchanged rows drop out,
 *       so re-sending the same data changes nothing and writes no audit rows);</li>
 *   <li>the overwrite rule: a changed value owned by another agency is reported;</li>
 *   <li>the merge: superseded versions go to the history, changed rows are updated, new rows inserted, and in
 *       replace mode the slice's values absent from the push are retired (deleted, with history).</li>
 * </ol>
 */
public final class ValueMerge {

    /** What a merge did, or would do in a dry run. */
    public record Counts(long inserted, long updated, long retired, long retainedForeign) {
        public long changed() {
            return inserted + updated + retired;
        }
    }

    /** The replace-mode slice: retire values of these indicators in each period's unit territory. */
    public record Retire(int[] indicatorIds, Map<String, int[]> unitsByPeriod) {
    }

    private final Connection c;
    private final SetChecks setChecks;
    private long staged;
    private BitSet indicators = new BitSet();
    private Set<String> slices = Set.of();
    private boolean diffed;
    private final StringBuilder timings = new StringBuilder();
    private long mark = System.nanoTime();

    public ValueMerge(Connection c, Catalogue.Snapshot catalogue) {
        this.c = c;
        this.setChecks = new SetChecks(this, c, catalogue);
    }

    /** Session settings for a merge: enough work_mem for the staging ⋈ values hash join to stay in memory. */
    public void begin(String workMem) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set local work_mem = '" + workMem.replaceAll("[^0-9A-Za-z]", "") + "'");
        }
    }

    /** COPYs the validated rows into a fresh staging table (temporary: no WAL, no index). */
    public void stage(StageFile rows) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute("create temp table value_stage (line bigint not null, indicator_id int not null, unit_id int not null, "
                    + "period varchar(8) not null, sex char(1) not null, dims varchar(200) not null, value numeric not null, "
                    + "numerator numeric, denominator numeric, status char(1) not null) on commit drop");
        }
        try (InputStream in = rows.open()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy value_stage (line, indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status) from stdin", in);
        }
        staged = rows.rows();
        indicators = rows.indicators();
        slices = rows.slices();
        mark("stage");
        if (staged > 5000) {
            try (Statement st = c.createStatement()) {
                st.execute("analyze value_stage");
            }
            mark("analyze");
        }
    }

    /**
     * COPYs the validated rows straight into the values table, for slices that never held a value (checked under the
     * merge locks by the caller): nothing to compare, no history, and COPY's bulk insert instead of INSERT … SELECT.
     */
    public Counts insertDirect(StageFile rows, long batchId) throws SQLException, IOException {
        staged = rows.rows();
        indicators = rows.indicators();
        slices = rows.slices();
        byte[] suffix = ("\t" + batchId + "\n").getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = new ValueCopyStream(rows.open(), suffix)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id) from stdin", in);
        }
        mark("copy into values");
        Watermarks.move(c, batchId, slices, null);
        mark("watermark");
        return new Counts(rows.rows(), 0, 0, 0);
    }

    /** Notes how long the step since the last mark took (logged per push, for operators and the benchmark). */
    public void mark(String step) {
        long now = System.nanoTime();
        timings.append(timings.isEmpty() ? "" : ", ").append(step).append(' ').append((now - mark) / 1_000_000).append(" ms");
        mark = now;
    }

    public String timings() {
        return timings.toString();
    }

    public long staged() {
        return staged;
    }

    public BitSet indicators() {
        return indicators;
    }

    /** Serialises merges per indicator: advisory locks taken in id order, released at commit or rollback. */
    public void lock() throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(7341, ?)")) {
            for (int id = indicators.nextSetBit(0); id >= 0; id = indicators.nextSetBit(id + 1)) {
                st.setInt(1, id);
                st.execute();
            }
        }
    }

    /** Duplicate keys and female + male ≠ total, reported per line ({@link SetChecks}). */
    public void checkSets(GroupChecks groups, boolean againstStored, Consumer<RowError> sink) throws SQLException {
        setChecks.run(groups, againstStored, sink, null);
    }

    /** As above, keeping one copy of an identical duplicate row (reported to {@code identicalDuplicates}). */
    public void checkSets(GroupChecks groups, boolean againstStored, Consumer<RowError> sink, Consumer<RowError> identicalDuplicates)
            throws SQLException {
        setChecks.run(groups, againstStored, sink, identicalDuplicates);
    }

    /** Removes rejected lines before the merge (commit-good-rows mode). */
    public void dropLines(long[] lines, int count) throws SQLException {
        if (count == 0) {
            return;
        }
        long[] sorted = Arrays.copyOf(lines, count);
        try (PreparedStatement st = c.prepareStatement("delete from value_stage where line = any(?)")) {
            st.setArray(1, c.createArrayOf("bigint", Arrays.stream(sorted).boxed().toArray()));
            staged -= st.executeUpdate();
        }
        if (diffed) {
            try (PreparedStatement st = c.prepareStatement("delete from value_diff where line = any(?)")) {
                st.setArray(1, c.createArrayOf("bigint", Arrays.stream(sorted).boxed().toArray()));
                st.executeUpdate();
            }
        }
    }

    /** Classifies staged rows against the current values: only new and changed rows remain in value_diff. */
    public void diff() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("""
                    create temp table value_diff on commit drop as
                    select s.line, s.indicator_id, s.unit_id, s.period, s.sex, s.dims, s.value, s.numerator, s.denominator, s.status,
                           v.value old_value, v.numerator old_numerator, v.denominator old_denominator, v.status old_status, v.batch_id old_batch
                    from value_stage s left join indicator_value v
                      on v.indicator_id = s.indicator_id and v.unit_id = s.unit_id and v.period = s.period and v.sex = s.sex and v.dims = s.dims
                    where v.batch_id is null or v.value <> s.value or v.status <> s.status
                       or v.numerator is distinct from s.numerator or v.denominator is distinct from s.denominator""");
        }
        diffed = true;
        mark("diff");
    }

    /** The overwrite rule: changed values whose current version another agency wrote. */
    public void checkOwnership(String agency, Consumer<RowError> sink) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select d.line, p.source_agency from value_diff d join value_push p on p.id = d.old_batch
                where d.old_batch is not null and p.source_agency is distinct from ? order by d.line""")) {
            st.setString(1, agency);
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String owner = rs.getString(2);
                    sink.accept(new RowError(rs.getLong(1), "value", "OWNED_BY_OTHER_AGENCY", "the current value was reported by "
                            + (owner == null ? "another source" : owner) + "; another agency's figure changes only through review "
                            + "(a report accepted by a reviewer, or an administrator)"));
                }
            }
        }
    }

    /** Writes the merge under {@code batchId}. */
    public Counts merge(long batchId, Retire retire, String agency, boolean privileged) throws SQLException {
        long updated;
        long inserted;
        try (PreparedStatement st = c.prepareStatement("""
                insert into indicator_value_history (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status,
                                                     batch_id, change, superseded_by, superseded_at)
                select indicator_id, unit_id, period, sex, dims, old_value, old_numerator, old_denominator, old_status, old_batch, 'U', ?, now()
                from value_diff where old_batch is not null""")) {
            st.setLong(1, batchId);
            updated = st.executeUpdate();
        }
        mark("history");
        if (updated > 0) {
            try (PreparedStatement st = c.prepareStatement("""
                    update indicator_value v set value = d.value, numerator = d.numerator, denominator = d.denominator, status = d.status, batch_id = ?
                    from value_diff d
                    where d.old_batch is not null and v.indicator_id = d.indicator_id and v.unit_id = d.unit_id and v.period = d.period
                      and v.sex = d.sex and v.dims = d.dims""")) {
                st.setLong(1, batchId);
                st.executeUpdate();
            }
        }
        try (PreparedStatement st = c.prepareStatement("""
                insert into indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id)
                select indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, ? from value_diff where old_batch is null
                order by indicator_id, unit_id, period, sex, dims""")) {
            st.setLong(1, batchId);
            inserted = st.executeUpdate();
        }
        mark("update+insert");
        long retired = 0;
        long foreign = 0;
        if (retire != null) {
            for (Map.Entry<String, int[]> p : retire.unitsByPeriod().entrySet()) {
                foreign += countForeign(retire.indicatorIds(), p.getKey(), p.getValue(), agency, privileged);
                try (PreparedStatement st = c.prepareStatement("""
                        with gone as (
                          delete from indicator_value v
                          where v.indicator_id = any(?) and v.period = ? and v.unit_id = any(?)
                            and not exists (select 1 from value_stage s where s.indicator_id = v.indicator_id and s.unit_id = v.unit_id
                                            and s.period = v.period and s.sex = v.sex and s.dims = v.dims)
                            and (? or exists (select 1 from value_push p where p.id = v.batch_id and p.source_agency = ?))
                          returning v.*)
                        insert into indicator_value_history (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status,
                                                             batch_id, change, superseded_by, superseded_at)
                        select indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id, 'R', ?, now() from gone""")) {
                    st.setArray(1, ints(retire.indicatorIds()));
                    st.setString(2, p.getKey());
                    st.setArray(3, ints(p.getValue()));
                    st.setBoolean(4, privileged);
                    st.setString(5, agency);
                    st.setLong(6, batchId);
                    retired += st.executeUpdate();
                }
            }
        }
        if (inserted + updated + retired > 0) {
            Watermarks.move(c, batchId, slices, retire);
        }
        mark("watermark");
        return new Counts(inserted, updated, retired, foreign);
    }

    /** What {@link #merge} would do, without writing. */
    public Counts dryRun(Retire retire, String agency, boolean privileged) throws SQLException {
        long inserted;
        long updated;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) filter (where old_batch is null), count(*) filter (where old_batch is not null) from value_diff")) {
            rs.next();
            inserted = rs.getLong(1);
            updated = rs.getLong(2);
        }
        long retired = 0;
        long foreign = 0;
        if (retire != null) {
            for (Map.Entry<String, int[]> p : retire.unitsByPeriod().entrySet()) {
                long candidates;
                try (PreparedStatement st = c.prepareStatement("""
                        select count(*) from indicator_value v where v.indicator_id = any(?) and v.period = ? and v.unit_id = any(?)
                          and not exists (select 1 from value_stage s where s.indicator_id = v.indicator_id and s.unit_id = v.unit_id
                                          and s.period = v.period and s.sex = v.sex and s.dims = v.dims)""")) {
                    st.setArray(1, ints(retire.indicatorIds()));
                    st.setString(2, p.getKey());
                    st.setArray(3, ints(p.getValue()));
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        candidates = rs.getLong(1);
                    }
                }
                long f = countForeign(retire.indicatorIds(), p.getKey(), p.getValue(), agency, privileged);
                foreign += f;
                retired += candidates - f;
            }
        }
        return new Counts(inserted, updated, retired, foreign);
    }

    private long countForeign(int[] indicatorIds, String period, int[] units, String agency, boolean privileged) throws SQLException {
        if (privileged) {
            return 0;
        }
        try (PreparedStatement st = c.prepareStatement("""
                select count(*) from indicator_value v where v.indicator_id = any(?) and v.period = ? and v.unit_id = any(?)
                  and not exists (select 1 from value_stage s where s.indicator_id = v.indicator_id and s.unit_id = v.unit_id
                                  and s.period = v.period and s.sex = v.sex and s.dims = v.dims)
                  and not exists (select 1 from value_push p where p.id = v.batch_id and p.source_agency = ?)""")) {
            st.setArray(1, ints(indicatorIds));
            st.setString(2, period);
            st.setArray(3, ints(units));
            st.setString(4, agency);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Array ints(int[] values) throws SQLException {
        return c.createArrayOf("integer", Arrays.stream(values).boxed().toArray());
    }

}
