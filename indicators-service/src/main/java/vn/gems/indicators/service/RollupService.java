package vn.gems.indicators.service;

import vn.gems.indicators.push.rules.RowValidator;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.Aggregation;
import vn.gems.indicators.Period;
import vn.gems.indicators.Sex;
import vn.gems.indicators.mapping.Dims;
import vn.gems.indicators.rest.RollupView;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Roll-ups computed fresh from the values table on every call (no analytics tables to rebuild): the unit's
 * territory as of a date (with merged predecessors), the covering units among those that reported (no
 * double counting), then per sex: counts added, rates recomputed from the added numerators and denominators,
 * never averaged. One read per roll-up (a province of ~100 communes reads ~300 rows by the primary key and adds them
 * here), or for large territories one grouped query per slice that adds them in PostgreSQL ({@link #SLICE_UNITS}).
 */
@ApplicationScoped
public class RollupService {

    static final int SCALE = 4;

    /** One roll-up to compute. */
    public record Query(IndicatorMeta indicator, Hierarchy.Node unit, Period period, Map<String, String> dimensions, LocalDate asOf) {
    }

    private final AgroalDataSource dataSource;

    public RollupService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A territory of more units than this is summed in SQL over its whole slice (indicator, period, dimensions: one
     * range of {@code indicator_value_slice_idx}, V16), together with every other territory asked of the same slice in
     * the call (a consolidation asks the country and then each province); a smaller one is read by the primary key, one
     * descent per unit, and summed here. The country (3,333 units, ~10,000 values) then returns a few hundred sums.
     */
    static final int SLICE_UNITS = 1000;
    private static final String COLUMNS = "select unit_id, sex, value, numerator, denominator, status, batch_id from indicator_value ";

    /** One stored value, as a roll-up reads it. */
    private record Row(int unit, char sex, BigDecimal value, BigDecimal numerator, BigDecimal denominator, char status, long batch) {
    }

    /** What a roll-up adds up: per sex, over the covering units ({@code units}), with the batches and status of those values. */
    record Summed(Map<Character, SexSum> parts, BitSet units, TreeSet<Long> batches, boolean allFinal, int used) {
    }

    /** A query prepared: its territory as of its (clamped) date, and its slice. */
    record Asked(Query query, LocalDate asOf, BitSet territory, String dims, String slice) {
    }

    /**
     * Computes the roll-ups; {@code finalOnly} restricts to final values (the public portal, which also passes
     * only published territories).
     */
    public List<RollupView> rollups(Catalogue.Snapshot cat, List<Query> queries, boolean finalOnly) {
        return rollups(cat, queries, finalOnly, SLICE_UNITS);
    }

    /** As above, with slices summed in SQL when one of their territories has more than {@code sliceUnits} units. */
    List<RollupView> rollups(Catalogue.Snapshot cat, List<Query> queries, boolean finalOnly, int sliceUnits) {
        String status = finalOnly ? " and status = 'F'" : "";
        List<Asked> asked = new ArrayList<>(queries.size());
        Map<String, List<Integer>> bySlice = new LinkedHashMap<>();
        Set<String> grouped = new HashSet<>();
        for (Query q : queries) {
            LocalDate asOf = q.unit().clamp(q.asOf());
            BitSet territory = cat.hierarchy.territory(q.unit(), asOf);
            String dims = Dims.canonical(q.dimensions());
            String slice = q.indicator().id() + "|" + q.period() + "|" + dims;
            bySlice.computeIfAbsent(slice, k -> new ArrayList<>()).add(asked.size());
            if (territory.cardinality() > sliceUnits) {
                grouped.add(slice);
            }
            asked.add(new Asked(q, asOf, territory, dims, slice));
        }
        Summed[] summed = new Summed[asked.size()];
        List<RollupView> out = new ArrayList<>(queries.size());
        try (Connection c = dataSource.getConnection();
             PreparedStatement byUnit = c.prepareStatement(COLUMNS + "where indicator_id = ? and unit_id = any(?) and period = ? and dims = ?" + status);
             PreparedStatement bySlices = c.prepareStatement(SliceSums.GROUPED.formatted(status))) {
            // The planner estimates a group per row and would sort the slice; hashing ~100 groups is 4 times cheaper.
            boolean own = !grouped.isEmpty() && c.getAutoCommit();
            if (own) {
                c.setAutoCommit(false);
                try (Statement set = c.createStatement()) {
                    set.execute("set local enable_sort = off");
                }
            }
            try {
                for (String slice : grouped) {
                    List<Integer> members = bySlice.get(slice);
                    List<Summed> sums = SliceSums.sum(cat.hierarchy, c, bySlices, members.stream().map(asked::get).toList());
                    for (int i = 0; i < members.size(); i++) {
                        summed[members.get(i)] = sums.get(i);
                    }
                }
            } finally {
                if (own) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            Map<Long, RollupView.SourceRef> sourceCache = new HashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                Asked a = asked.get(i);
                Summed s = summed[i];
                if (s == null) {
                    s = sumRows(cat.hierarchy, a.query().period(), read(byUnit, a.query().indicator().id(),
                            c.createArrayOf("integer", a.territory().stream().boxed().toArray()), a.query().period().toString(), a.dims()));
                }
                out.add(one(cat, c, a.query(), a.asOf(), a.dims(), s, sourceCache));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("roll-up failed", e);
        }
        return out;
    }

    /** The values of one indicator, period and dimensions of the units {@code units}. */
    private static List<Row> read(PreparedStatement st, int indicator, java.sql.Array units, String period, String dims) throws SQLException {
        st.setInt(1, indicator);
        st.setArray(2, units);
        st.setString(3, period);
        st.setString(4, dims);
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getInt(1), rs.getString(2).charAt(0), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getString(6).charAt(0), rs.getLong(7)));
            }
        }
        return rows;
    }

    /** Adds up the rows of one territory here: the covering units among those that reported, per sex. */
    private static Summed sumRows(Hierarchy h, Period period, List<Row> rows) {
        BitSet reporting = new BitSet();
        rows.forEach(r -> reporting.set(r.unit()));
        BitSet covering = h.covering(reporting, period.end());
        Map<Character, SexSum> parts = new LinkedHashMap<>();
        TreeSet<Long> batches = new TreeSet<>();
        boolean allFinal = true;
        int used = 0;
        for (Row r : rows) {
            if (!covering.get(r.unit())) {
                continue;
            }
            used++;
            batches.add(r.batch());
            allFinal &= r.status() == 'F';
            parts.computeIfAbsent(r.sex(), k -> new SexSum()).add(r.value(), r.numerator(), r.denominator());
        }
        return new Summed(parts, covering, batches, allFinal, used);
    }

    private RollupView one(Catalogue.Snapshot cat, Connection c, Query q, LocalDate asOf, String dims, Summed s,
                           Map<Long, RollupView.SourceRef> sourceCache) throws SQLException {
        Hierarchy h = cat.hierarchy;
        Map<Character, SexSum> parts = s.parts();
        TreeSet<String> units = new TreeSet<>();
        s.units().stream().forEach(u -> units.add(h.get(u).code));
        boolean allFinal = s.allFinal();
        int used = s.used();
        TreeSet<Long> batches = s.batches();
        IndicatorMeta ind = q.indicator();
        List<String> notes = new ArrayList<>();
        Figure f = figure(ind, parts.get('F'), notes, "female");
        Figure m = figure(ind, parts.get('M'), notes, "male");
        Figure t = figure(ind, parts.get(ind.bySex() ? 'T' : Sex.NONE), notes, ind.bySex() ? "total" : "value");
        if (ind.bySex() && t == null && f != null && m != null) {
            t = derivedTotal(ind, f, m);
        }
        BigDecimal female = f == null ? null : f.value;
        BigDecimal male = m == null ? null : m.value;
        BigDecimal femaleShare = null;
        BigDecimal ftm = null;
        BigDecimal mtf = null;
        BigDecimal gap = null;
        BigDecimal gpi = null;
        if (female != null && male != null) {
            if (ind.aggregation() == Aggregation.RATIO) {
                BigDecimal totalNumerator = t != null && t.numerator != null ? t.numerator
                        : f.numerator != null && m.numerator != null ? f.numerator.add(m.numerator) : null;
                femaleShare = f.numerator == null ? null : divide(f.numerator, totalNumerator, RowValidator.HUNDRED);
            } else {
                femaleShare = divide(female, t != null ? t.value : female.add(male), RowValidator.HUNDRED);
            }
            ftm = divide(female, male, BigDecimal.ONE);
            mtf = divide(male, female, RowValidator.HUNDRED);
            gap = female.subtract(male);
            if (ftm != null) {
                // Adjusted gender parity index (UNESCO): symmetric around 1, bounded by 0 and 2.
                gpi = female.compareTo(male) <= 0 ? ftm : BigDecimal.valueOf(2).subtract(divide(male, female, BigDecimal.ONE));
            }
        }
        List<RollupView.SourceRef> sources = sources(c, batches, sourceCache);
        return new RollupView(ind.code(), q.unit().code, q.period().toString(), asOf, Dims.parse(dims), scale(female), scale(male),
                ind.bySex() && t != null ? scale(t.value) : null, t == null ? null : scale(t.value), t == null ? null : t.numerator,
                t == null ? null : t.denominator, scale(femaleShare), scale(ftm), scale(mtf), scale(gap), scale(gpi), List.copyOf(units), sources,
                used == 0 ? null : allFinal ? "FINAL" : "PROVISIONAL", used, ind.aggregation().name(), ind.unit().name(),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    private record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    private static Figure figure(IndicatorMeta ind, SexSum p, List<String> notes, String what) {
        if (p == null) {
            return null;
        }
        if (p.count == 1) {
            return new Figure(p.single, p.singleNumerator, p.singleDenominator);
        }
        return switch (ind.aggregation()) {
            case SUM -> new Figure(p.sum, null, null);
            case RATIO -> {
                if (!p.partsComplete) {
                    notes.add(what + ": some of the " + p.count + " units gave no numerator and denominator, so the rate cannot be recomputed");
                    yield null;
                }
                yield new Figure(divide(p.numerator, p.denominator, ind.multiplier()), p.numerator, p.denominator);
            }
            case NONE -> {
                notes.add(what + ": " + ind.code() + " does not add up across units, and " + p.count + " units reported");
                yield null;
            }
        };
    }

    private static Figure derivedTotal(IndicatorMeta ind, Figure f, Figure m) {
        return switch (ind.aggregation()) {
            case SUM -> new Figure(f.value.add(m.value), null, null);
            case RATIO -> f.numerator == null || m.numerator == null || f.denominator == null || m.denominator == null ? null
                    : new Figure(divide(f.numerator.add(m.numerator), f.denominator.add(m.denominator), ind.multiplier()),
                    f.numerator.add(m.numerator), f.denominator.add(m.denominator));
            case NONE -> null;
        };
    }

    /** a × multiplier ÷ b at 16 significant digits; rounded only when shown. */
    static BigDecimal divide(BigDecimal a, BigDecimal b, BigDecimal multiplier) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.multiply(multiplier).divide(b, MathContext.DECIMAL64);
    }

    static BigDecimal scale(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static List<RollupView.SourceRef> sources(Connection c, TreeSet<Long> batches, Map<Long, RollupView.SourceRef> cache) throws SQLException {
        List<Long> missing = batches.stream().filter(b -> !cache.containsKey(b)).toList();
        if (!missing.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement("select id, source_kind, source_reference, source_agency, source_system from value_push where id = any(?)")) {
                st.setArray(1, c.createArrayOf("bigint", missing.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        cache.put(rs.getLong(1), new RollupView.SourceRef(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
        }
        return batches.stream().map(cache::get).filter(Objects::nonNull).distinct().toList();
    }
}
