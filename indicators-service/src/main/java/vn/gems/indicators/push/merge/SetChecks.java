package vn.gems.indicators.push.merge;

import org.postgresql.PGConnection;
import vn.gems.indicators.Aggregation;
import vn.gems.indicators.push.rules.GroupChecks;
import vn.gems.indicators.push.rules.RowError;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.IndicatorMeta;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The rules across rows, as queries over the staging table of a {@link ValueMerge}: duplicate keys (an identical copy
 * kept once, disagreeing copies rejected) and female + male = total for additive indicators, against the stored
 * values of the sexes a push leaves out. The groups to look at come from the in-memory {@link GroupChecks}, or, when a
 * file's groups outgrew memory, from one aggregate over the staging table.
 */
public final class SetChecks {

    private final ValueMerge merge;
    private final Connection c;
    private final int[] sumIds;
    private final int[] ratioIds;

    SetChecks(ValueMerge merge, Connection c, Catalogue.Snapshot catalogue) {
        this.merge = merge;
        this.c = c;
        List<Integer> sums = new ArrayList<>();
        List<Integer> ratios = new ArrayList<>();
        for (int id : catalogue.allIndicatorIds()) {
            IndicatorMeta m = catalogue.indicator(id);
            if (m.additiveBySex()) {
                (m.aggregation() == Aggregation.SUM ? sums : ratios).add(id);
            }
        }
        this.sumIds = sums.stream().mapToInt(Integer::intValue).toArray();
        this.ratioIds = ratios.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Duplicate keys and female + male ≠ total, reported per line. {@code groups} are the in-memory checks made while
     * the rows streamed in (null, or overflowed: the same checks run here in SQL over the staging table). With
     * {@code againstStored}, a group that brings only some of female, male and total is checked against the stored
     * values of the others.
     */
    public void run(GroupChecks groups, boolean againstStored, Consumer<RowError> sink) throws SQLException {
        run(groups, againstStored, sink, null);
    }

    /**
     * As above; with {@code identicalDuplicates}, a row that repeats another line of the same key with the same figures
     * and status is reported there, dropped from the staging table (the first copy is kept) and not counted as an
     * error; duplicates that disagree are still {@code DUPLICATE_ROW} on every line.
     */
    public void run(GroupChecks groups, boolean againstStored, Consumer<RowError> sink, Consumer<RowError> identicalDuplicates)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temp table value_groups (indicator_id int not null, unit_id int not null, period varchar(8) not null, "
                    + "dims varchar(200) not null, problem char(1) not null) on commit drop");
        }
        long found;
        if (groups != null && !groups.overflowed()) {
            List<GroupChecks.Group> list = groups.groups(againstStored);
            if (list.isEmpty()) {
                merge.mark("set checks");
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (GroupChecks.Group g : list) {
                sb.append(g.indicatorId()).append('\t').append(g.unitId()).append('\t').append(g.period()).append('\t').append(g.dims())
                        .append('\t').append(g.problem()).append('\n');
            }
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy value_groups from stdin", new StringReader(sb.toString()));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            found = list.size();
        } else {
            found = sqlGroups(againstStored);
        }
        if (found == 0) {
            merge.mark("set checks");
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
        merge.mark("set checks");
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
        merge.dropLines(lines, lines.length);
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

    private Array ints(int[] values) throws SQLException {
        return c.createArrayOf("integer", Arrays.stream(values).boxed().toArray());
    }
}
