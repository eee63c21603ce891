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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Roll-ups computed fresh from the values table on every call (no analytics tables to rebuild): the unit's
 * territory as of a date (with merged predecessors), the covering units among those that reported (no
 * double counting), then per sex: counts added, rates recomputed from the added numerators and denominators,
 * never averaged. One read per roll-up (a province of ~100 communes reads ~300 rows by the primary key), or per slice
 * for large territories ({@link #SLICE_UNITS}).
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
     * A territory of more units than this is read as its whole slice (indicator, period, dimensions: one range of
     * {@code indicator_value_slice_idx}, V16) and cut to the territory in memory; a smaller one by the primary key,
     * one descent per unit. The country (3,333 units) reads ~10,000 index entries in one range instead of 3,333 descents.
     */
    static final int SLICE_UNITS = 1000;
    /** Slices kept during one call: a consolidation asks the country and then each province of the same slice. */
    private static final int SLICES_KEPT = 4;
    private static final String COLUMNS = "select unit_id, sex, value, numerator, denominator, status, batch_id from indicator_value ";

    /** One stored value, as a roll-up reads it. */
    private record Row(int unit, char sex, BigDecimal value, BigDecimal numerator, BigDecimal denominator, char status, long batch) {
    }

    /**
     * Computes the roll-ups; {@code finalOnly} restricts to final values (the public portal, which also passes
     * only published territories).
     */
    public List<RollupView> rollups(Catalogue.Snapshot cat, List<Query> queries, boolean finalOnly) {
        List<RollupView> out = new ArrayList<>(queries.size());
        String status = finalOnly ? " and status = 'F'" : "";
        try (Connection c = dataSource.getConnection();
             PreparedStatement byUnit = c.prepareStatement(COLUMNS + "where indicator_id = ? and unit_id = any(?) and period = ? and dims = ?" + status);
             PreparedStatement bySlice = c.prepareStatement(COLUMNS + "where indicator_id = ? and period = ? and dims = ?" + status)) {
            Map<Long, RollupView.SourceRef> sourceCache = new HashMap<>();
            Map<String, List<Row>> slices = new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Row>> eldest) {
                    return size() > SLICES_KEPT;
                }
            };
            for (Query q : queries) {
                LocalDate asOf = q.unit().clamp(q.asOf());
                BitSet territory = cat.hierarchy.territory(q.unit(), asOf);
                String dims = Dims.canonical(q.dimensions());
                String slice = q.indicator().id() + "|" + q.period() + "|" + dims;
                List<Row> rows;
                if (territory.cardinality() > SLICE_UNITS || slices.containsKey(slice)) {
                    List<Row> all = slices.get(slice);
                    if (all == null) {
                        all = read(bySlice, q.indicator().id(), null, q.period().toString(), dims);
                        slices.put(slice, all);
                    }
                    rows = all.stream().filter(r -> territory.get(r.unit())).toList();
                } else {
                    rows = read(byUnit, q.indicator().id(), c.createArrayOf("integer", territory.stream().boxed().toArray()), q.period().toString(), dims);
                }
                out.add(one(cat, c, q, asOf, dims, rows, sourceCache));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("roll-up failed", e);
        }
        return out;
    }

    /** The values of one indicator, period and dimensions; of the units {@code units} when given, else of every unit. */
    private static List<Row> read(PreparedStatement st, int indicator, java.sql.Array units, String period, String dims) throws SQLException {
        int i = 1;
        st.setInt(i++, indicator);
        if (units != null) {
            st.setArray(i++, units);
        }
        st.setString(i++, period);
        st.setString(i, dims);
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getInt(1), rs.getString(2).charAt(0), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getString(6).charAt(0), rs.getLong(7)));
            }
        }
        return rows;
    }

    private RollupView one(Catalogue.Snapshot cat, Connection c, Query q, LocalDate asOf, String dims, List<Row> rows,
                           Map<Long, RollupView.SourceRef> sourceCache) throws SQLException {
        Hierarchy h = cat.hierarchy;
        BitSet reporting = new BitSet();
        rows.forEach(r -> reporting.set(r.unit()));
        BitSet covering = h.covering(reporting, q.period().end());
        Map<Character, Part> parts = new LinkedHashMap<>();
        TreeSet<String> units = new TreeSet<>();
        TreeSet<Long> batches = new TreeSet<>();
        boolean allFinal = true;
        int used = 0;
        for (Row r : rows) {
            if (!covering.get(r.unit())) {
                continue;
            }
            used++;
            units.add(h.get(r.unit()).code);
            batches.add(r.batch());
            allFinal &= r.status() == 'F';
            parts.computeIfAbsent(r.sex(), k -> new Part()).add(r.value(), r.numerator(), r.denominator());
        }
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

    /** The values of one sex across the covering units. */
    private static final class Part {
        int count;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        boolean partsComplete = true;
        BigDecimal single;
        BigDecimal singleNumerator;
        BigDecimal singleDenominator;

        void add(BigDecimal v, BigDecimal n, BigDecimal d) {
            count++;
            sum = sum.add(v);
            single = v;
            singleNumerator = n;
            singleDenominator = d;
            if (n == null || d == null) {
                partsComplete = false;
            } else {
                numerator = numerator.add(n);
                denominator = denominator.add(d);
            }
        }
    }

    private record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
    }

    private static Figure figure(IndicatorMeta ind, Part p, List<String> notes, String what) {
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
