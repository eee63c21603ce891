package vn.gems.indicators.service;

import org.postgresql.PGConnection;

import java.math.BigDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private final int[] sumIds;
    private final int[] ratioIds;
    private long staged;
    private BitSet indicators = new BitSet();
    private java.util.Set<String> slices = java.util.Set.of();
    private boolean diffed;
    private final StringBuilder timings = new StringBuilder();
    private long mark = System.nanoTime();

    public ValueMerge(Connection c, Catalogue.Snapshot catalogue) {
        this.c = c;
        List<Integer> sums = new ArrayList<>();
        List<Integer> ratios = new ArrayList<>();
        for (int id : catalogue.allIndicatorIds()) {
            IndicatorMeta m = catalogue.indicator(id);
            if (m.additiveBySex()) {
                (m.aggregation() == vn.gems.indicators.Aggregation.SUM ? sums : ratios).add(id);
            }
        }
        this.sumIds = sums.stream().mapToInt(Integer::intValue).toArray();
        this.ratioIds = ratios.stream().mapToInt(Integer::intValue).toArray();
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
        byte[] suffix = ("\t" + batchId + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = new WithoutLineNumbers(rows.open(), suffix)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy indicator_value (indicator_id, unit_id, period, sex, dims, value, numerator, denominator, status, batch_id) from stdin", in);
        }
        mark("copy into values");
        watermark(batchId, null);
        mark("watermark");
        return new Counts(rows.rows(), 0, 0, 0);
    }

    /** Whether none of the slices ever held a value (no watermark): a push into them only inserts. */
    public static boolean fresh(Connection c, java.util.Set<String> slices) throws SQLException {
        return countWatermarks(c, "", slices, null) == 0;
    }

    /** Whether none of the slices changed after {@code batchId}. */
    public static boolean unchangedSince(Connection c, long batchId, java.util.Set<String> slices) throws SQLException {
        return countWatermarks(c, " where w.last_batch > ?", slices, batchId) == 0;
    }

    private static long countWatermarks(Connection c, String where, java.util.Set<String> slices, Long batchId) throws SQLException {
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

    private static Object[][] sliceArrays(java.util.Set<String> slices) {
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

    /** Drops the line-number column of staged rows and appends the batch id: the values table's COPY layout. */
    private static final class WithoutLineNumbers extends InputStream {
        private final InputStream in;
        private final byte[] suffix;
        private final byte[] buf = new byte[1 << 16];
        private byte[] out = new byte[1 << 18];
        private int outLen;
        private int outPos;
        private boolean skipping = true;

        WithoutLineNumbers(InputStream in, byte[] suffix) {
            this.in = in;
            this.suffix = suffix;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int length) throws IOException {
            while (outPos >= outLen) {
                int n = in.read(buf);
                if (n < 0) {
                    return -1;
                }
                // every input line is at least 20 bytes, so the output is at most buf + one suffix per 20 bytes
                int need = n + (n / 20 + 1) * suffix.length;
                if (out.length < need) {
                    out = new byte[need];
                }
                outLen = 0;
                outPos = 0;
                for (int i = 0; i < n; i++) {
                    byte x = buf[i];
                    if (skipping) {
                        skipping = x != '\t';
                    } else if (x == '\n') {
                        System.arraycopy(suffix, 0, out, outLen, suffix.length);
                        outLen += suffix.length;
                        skipping = true;
                    } else {
                        out[outLen++] = x;
                    }
                }
            }
            int k = Math.min(length, outLen - outPos);
            System.arraycopy(out, outPos, b, off, k);
            outPos += k;
            return k;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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

    /**
     * Duplicate keys and female + male ≠ total, reported per line. {@code groups} are the in-memory checks made while
     * the rows streamed in (null, or overflowed: the same checks run here in SQL over the staging table). With
     * {@code againstStored}, a group that brings only some of female, male and total is checked against the stored
     * values of the others.
     */
    public void checkSets(GroupChecks groups, boolean againstStored, Consumer<RowError> sink) throws SQLException {
        checkSets(groups, againstStored, sink, null);
    }

    /**
     * As above; with {@code identicalDuplicates}, a row that repeats another line of the same key with the same figures
     * and status is reported there, dropped from the staging table (the first copy is kept) and not counted as an
     * error; duplicates that disagree are still {@code DUPLICATE_ROW} on every line.
     */
    public void checkSets(GroupChecks groups, boolean againstStored, Consumer<RowError> sink, Consumer<RowError> identicalDuplicates)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temp table value_groups (indicator_id int not null, unit_id int not null, period varchar(8) not null, "
                    + "dims varchar(200) not null, problem char(1) not null) on commit drop");
        }
        long found;
        if (groups != null && !groups.overflowed()) {
            List<GroupChecks.Group> list = groups.groups(againstStored);
            if (list.isEmpty()) {
                mark("set checks");
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (GroupChecks.Group g : list) {
                sb.append(g.indicatorId()).append('\t').append(g.unitId()).append('\t').append(g.period()).append('\t').append(g.dims())
                        .append('\t').append(g.problem()).append('\n');
            }
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy value_groups from stdin", new java.io.StringReader(sb.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
            found = list.size();
        } else {
            found = sqlGroups(againstStored);
        }
        if (found == 0) {
            mark("set checks");
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("analyze value_groups");
        }
        if (identicalDuplicates != null) {
            resolveDuplicates(sink, identicalDuplicates);
        }
        resolveAgainstStored(againstStored);
        reportLines(sink);
        mark("set checks");
    }

    /** The in-memory checks in SQL, for pushes whose groups outgrew memory. */
    private long sqlGroups(boolean againstStored) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into value_groups
                select indicator_id, unit_id, period, dims, problem from (
                  select indicator_id, unit_id, period, dims,
                    case when count(*) filter (where sex = 'F') > 1 or count(*) filter (where sex = 'M') > 1
                              or count(*) filter (where sex = 'T') > 1 or count(*) filter (where sex = '-') > 1 then 'D'
                         when indicator_id = any(?) and count(*) filter (where sex <> '-') = 3 then 'X'
                         when ? and indicator_id = any(?) and count(*) filter (where sex <> '-') between 1 and 2 then 'I'
                    end problem
                  from value_stage group by indicator_id, unit_id, period, dims) g
                where problem is not null""")) {
            st.setArray(1, ints(additive()));
            st.setBoolean(2, againstStored);
            st.setArray(3, ints(additive()));
            return st.executeUpdate();
        }
    }

    /**
     * Duplicate keys (groups marked D): copies with the same figures and status keep the first line and warn for the
     * others, which leave the staging table; copies that disagree are errors on every line. A group left without
     * conflicting copies is marked X, so its female + male = total check runs on the rows that remain.
     */
    private void resolveDuplicates(Consumer<RowError> errors, Consumer<RowError> identical) throws SQLException {
        List<Long> drop = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select array_agg(s.line order by s.line), count(distinct (s.value, s.numerator, s.denominator, s.status))
                     from value_groups g join value_stage s
                       on s.indicator_id = g.indicator_id and s.unit_id = g.unit_id and s.period = g.period and s.dims = g.dims
                     where g.problem = 'D'
                     group by s.indicator_id, s.unit_id, s.period, s.dims, s.sex having count(*) > 1
                     order by min(s.line)""")) {
            while (rs.next()) {
                Long[] lines = (Long[]) rs.getArray(1).getArray();
                if (rs.getLong(2) == 1) {
                    for (int i = 1; i < lines.length; i++) {
                        identical.accept(new RowError(lines[i], "(row)", "IDENTICAL_DUPLICATE", "the same row as line " + lines[0] + "; kept once"));
                        drop.add(lines[i]);
                    }
                } else {
                    String all = Arrays.stream(lines).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
                    for (Long l : lines) {
                        errors.accept(new RowError(l, "(row)", "DUPLICATE_ROW", "the same indicator, unit, period, sex and dimensions appear on lines "
                                + all + " with different figures or status"));
                    }
                }
            }
        }
        long[] lines = drop.stream().mapToLong(Long::longValue).toArray();
        dropLines(lines, lines.length);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("""
                    update value_groups g set problem = 'X' where g.problem = 'D' and not exists (
                      select 1 from value_stage s
                      where s.indicator_id = g.indicator_id and s.unit_id = g.unit_id and s.period = g.period and s.dims = g.dims
                      group by s.sex having count(*) > 1)""");
            st.executeUpdate("delete from value_groups where problem = 'D'");
        }
    }

    /**
     * Groups marked I (some sexes in the push) or X (complete, checked here in exact numerics): adds the stored
     * values of the sexes the push lacks and keeps as S the groups where female + male ≠ total.
     */
    private void resolveAgainstStored(boolean againstStored) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                with staged as (
                  select g.indicator_id, g.unit_id, g.period, g.dims,
                         bit_or(case s.sex when 'F' then 1 when 'M' then 2 when 'T' then 4 else 0 end) mask,
                         sum(case s.sex when 'T' then -s.value else s.value end) sv,
                         sum(case s.sex when 'T' then -s.numerator else s.numerator end) su,
                         sum(case s.sex when 'T' then -s.denominator else s.denominator end) sd, count(s.numerator) cu
                  from value_groups g join value_stage s
                    on s.indicator_id = g.indicator_id and s.unit_id = g.unit_id and s.period = g.period and s.dims = g.dims
                  where g.problem in ('I', 'X') group by g.indicator_id, g.unit_id, g.period, g.dims),
                together as (
                  select st.*, coalesce(bit_or(case v.sex when 'F' then 1 when 'M' then 2 when 'T' then 4 end), 0) vmask,
                         coalesce(sum(case v.sex when 'T' then -v.value else v.value end), 0) vsv,
                         coalesce(sum(case v.sex when 'T' then -v.numerator else v.numerator end), 0) vsu,
                         coalesce(sum(case v.sex when 'T' then -v.denominator else v.denominator end), 0) vsd, count(v.numerator) vcu
                  from staged st left join indicator_value v
                    on ? and v.indicator_id = st.indicator_id and v.unit_id = st.unit_id and v.period = st.period and v.dims = st.dims
                   and v.sex in ('F', 'M', 'T') and (case v.sex when 'F' then 1 when 'M' then 2 else 4 end) & st.mask = 0
                  group by st.indicator_id, st.unit_id, st.period, st.dims, st.mask, st.sv, st.su, st.sd, st.cu)
                update value_groups g set problem = 'S'
                from together t
                where g.indicator_id = t.indicator_id and g.unit_id = t.unit_id and g.period = t.period and g.dims = t.dims
                  and (t.mask | t.vmask) = 7
                  and ((g.indicator_id = any(?) and t.sv + t.vsv <> 0)
                    or (g.indicator_id = any(?) and t.cu + t.vcu = 3 and (t.su + t.vsu <> 0 or t.sd + t.vsd <> 0)))""")) {
            st.setBoolean(1, againstStored);
            st.setArray(2, ints(sumIds));
            st.setArray(3, ints(ratioIds));
            st.executeUpdate();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("delete from value_groups where problem in ('I', 'X')");
        }
    }

    /** One error per line of each problem group: duplicates name each other's lines; sex totals show the figures. */
    private void reportLines(Consumer<RowError> sink) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select g.problem, s.indicator_id, s.unit_id, s.period, s.dims, s.sex, s.line, s.value, s.numerator, s.denominator
                from value_groups g join value_stage s
                  on s.indicator_id = g.indicator_id and s.unit_id = g.unit_id and s.period = g.period and s.dims = g.dims
                order by s.indicator_id, s.unit_id, s.period, s.dims, s.sex, s.line""")) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery()) {
                GroupReport group = null;
                while (rs.next()) {
                    String key = rs.getInt(2) + "/" + rs.getInt(3) + "/" + rs.getString(4) + "/" + rs.getString(5);
                    if (group == null || !group.key.equals(key)) {
                        if (group != null) {
                            group.emit(sink);
                        }
                        group = new GroupReport(key, rs.getString(1).charAt(0));
                    }
                    group.add(rs.getString(6).charAt(0), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10));
                }
                if (group != null) {
                    group.emit(sink);
                }
            }
        }
    }

    private int[] additive() {
        int[] additive = new int[sumIds.length + ratioIds.length];
        System.arraycopy(sumIds, 0, additive, 0, sumIds.length);
        System.arraycopy(ratioIds, 0, additive, sumIds.length, ratioIds.length);
        return additive;
    }

    /** One problem group's lines by sex and its staged figures, turned into one error per line. */
    private static final class GroupReport {
        final String key;
        final char problem;
        final Map<Character, List<Long>> lines = new TreeMap<>();
        final Map<Character, BigDecimal[]> figures = new TreeMap<>();

        GroupReport(String key, char problem) {
            this.key = key;
            this.problem = problem;
        }

        void add(char sex, long line, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
            lines.computeIfAbsent(sex, k -> new ArrayList<>()).add(line);
            figures.put(sex, new BigDecimal[]{value, numerator, denominator});
        }

        void emit(Consumer<RowError> sink) {
            if (problem == 'D') {
                for (List<Long> ls : lines.values()) {
                    if (ls.size() > 1) {
                        String all = ls.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
                        for (Long l : ls) {
                            sink.accept(new RowError(l, "(row)", "DUPLICATE_ROW",
                                    "the same indicator, unit, period, sex and dimensions appear on lines " + all));
                        }
                    }
                }
                return;
            }
            BigDecimal[] f = figures.get('F');
            BigDecimal[] m = figures.get('M');
            BigDecimal[] t = figures.get('T');
            String column;
            String message;
            if (f == null || m == null || t == null) {
                column = problem == 'R' ? "numerator" : "value";
                message = "female + male ≠ total once the sexes missing from this push are taken from the stored values";
            } else if (problem == 'R' || f[0] == null || f[0].add(m[0]).compareTo(t[0]) == 0) {
                boolean numerators = f[1] != null && m[1] != null && t[1] != null && f[1].add(m[1]).compareTo(t[1]) != 0;
                int k = numerators ? 1 : 2;
                column = numerators ? "numerator" : "denominator";
                message = "female " + column + " " + text(f[k]) + " + male " + text(m[k]) + " ≠ total " + text(t[k]);
            } else {
                column = "value";
                message = "female " + f[0].toPlainString() + " + male " + m[0].toPlainString() + " = " + f[0].add(m[0]).toPlainString()
                        + " ≠ total " + t[0].toPlainString();
            }
            for (List<Long> ls : lines.values()) {
                for (Long l : ls) {
                    sink.accept(new RowError(l, column, "SEX_TOTAL_MISMATCH", message));
                }
            }
        }

        private static String text(BigDecimal d) {
            return d == null ? "?" : d.toPlainString();
        }
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
            watermark(batchId, retire);
        }
        mark("watermark");
        return new Counts(inserted, updated, retired, foreign);
    }

    /**
     * Moves the watermark of every slice the batch touched (a conservative superset of those it changed) to this
     * batch, in the same transaction, so later pushes know the slices hold values and have changed.
     */
    private void watermark(long batchId, Retire retire) throws SQLException {
        java.util.Set<String> touched = new java.util.TreeSet<>(slices);
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
