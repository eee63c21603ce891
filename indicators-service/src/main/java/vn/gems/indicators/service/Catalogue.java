package vn.gems.indicators.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.indicators.Aggregation;
import vn.gems.indicators.DimensionSpec;
import vn.gems.indicators.MeasureUnit;
import vn.gems.indicators.Periodicity;
import vn.gems.indicators.UnitEvent;
import vn.gems.indicators.UnitEventKind;
import vn.gems.indicators.UnitLevel;
import vn.gems.indicators.ValueType;
import vn.gems.indicators.mapping.DimensionsConverter;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue, the hierarchy and the supplier assignments, in memory: every pushed row is validated
 * against them, so they cannot be looked up row by row. Reference-data writes bump a revision counter in
 * the same transaction; each use compares it (one primary-key read) and reloads when another writer moved it.
 */
@ApplicationScoped
public class Catalogue {

    /** A sector played by an agency for a unit's territory over a period. */
    public record Assignment(String sector, String unitCode, String agencyCode, LocalDate from, LocalDate to) {
        boolean activeOn(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    /** One consistent view of the reference data. */
    public static final class Snapshot {
        public final long revision;
        final Map<String, IndicatorMeta> indicatorsByCode;
        final Map<Integer, IndicatorMeta> indicatorsById;
        public final Hierarchy hierarchy;
        final List<Assignment> assignments;
        /** Every dimension code some indicator declares (CSV columns beyond the fixed ones must be one of these). */
        public final Set<String> dimensionCodes;
        private final Map<String, Map<String, BitSet>> scopes = new ConcurrentHashMap<>();

        Snapshot(long revision, Map<String, IndicatorMeta> byCode, Hierarchy hierarchy, List<Assignment> assignments) {
            this.revision = revision;
            this.indicatorsByCode = byCode;
            this.indicatorsById = new HashMap<>();
            Set<String> dims = new LinkedHashSet<>();
            byCode.values().forEach(i -> {
                indicatorsById.put(i.id(), i);
                dims.addAll(i.dimensions().keySet());
            });
            this.hierarchy = hierarchy;
            this.assignments = assignments;
            this.dimensionCodes = dims;
        }

        public Optional<IndicatorMeta> indicator(String code) {
            return Optional.ofNullable(code == null ? null : indicatorsByCode.get(code));
        }

        public IndicatorMeta indicator(int id) {
            return indicatorsById.get(id);
        }

        public int[] allIndicatorIds() {
            return indicatorsById.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        }

        public List<Assignment> assignments() {
            return assignments;
        }

        /**
         * For each sector the agency plays today, the units (as ids) of the territories it plays it for — its
         * reporting scope. Computed once per agency and snapshot.
         */
        public Map<String, BitSet> scopeOf(String agency) {
            return scopes.computeIfAbsent(agency, a -> {
                LocalDate today = LocalDate.now();
                Map<String, BitSet> out = new HashMap<>();
                for (Assignment as : assignments) {
                    if (as.agencyCode().equals(a) && as.activeOn(today)) {
                        hierarchy.find(as.unitCode()).ifPresent(n ->
                                out.computeIfAbsent(as.sector(), s -> new BitSet()).or(hierarchy.territory(n, today)));
                    }
                }
                return out;
            });
        }

        /** The agencies that play one of the indicator's sectors for a territory containing the unit, today. */
        public List<String> suppliersOf(IndicatorMeta indicator, int unitId) {
            LocalDate today = LocalDate.now();
            List<String> out = new ArrayList<>();
            for (Assignment as : assignments) {
                if (as.activeOn(today) && indicator.sectors().contains(as.sector()) && !out.contains(as.agencyCode())) {
                    Map<String, BitSet> scope = scopeOf(as.agencyCode());
                    BitSet units = scope.get(as.sector());
                    if (units != null && units.get(unitId)) {
                        out.add(as.agencyCode());
                    }
                }
            }
            return out;
        }
    }

    private final AgroalDataSource dataSource;
    private volatile Snapshot snapshot;

    public Catalogue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The current snapshot. Runs outside any caller transaction, so a reference-data change that is not
     * committed yet never reaches the shared cache.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Snapshot current() {
        try (Connection c = dataSource.getConnection()) {
            long revision;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select revision from catalogue_revision where id = 1")) {
                rs.next();
                revision = rs.getLong(1);
            }
            Snapshot s = snapshot;
            if (s != null && s.revision == revision) {
                return s;
            }
            synchronized (this) {
                s = snapshot;
                if (s == null || s.revision != revision) {
                    s = load(c, revision);
                    snapshot = s;
                }
                return s;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue unreadable", e);
        }
    }

    /** Marks reference data changed; call inside the writing transaction (with its connection). */
    public static void bump(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("update catalogue_revision set revision = revision + 1 where id = 1");
        }
    }

    private Snapshot load(Connection c, long revision) throws SQLException {
        DimensionsConverter dimsJson = new DimensionsConverter();
        Map<Integer, Set<String>> sectors = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select indicator_id, sector from indicator_sector order by sector")) {
            while (rs.next()) {
                sectors.computeIfAbsent(rs.getInt(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
            }
        }
        Map<String, IndicatorMeta> indicators = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select id, code, name_vi, name_en, measure_unit, value_type, by_sex, dimensions, aggregation, multiplier, periodicity from indicator")) {
            while (rs.next()) {
                Map<String, Set<String>> dims = new LinkedHashMap<>();
                for (DimensionSpec d : dimsJson.convertToEntityAttribute(rs.getString(8))) {
                    dims.put(d.code(), Set.copyOf(d.values()));
                }
                int id = rs.getInt(1);
                indicators.put(rs.getString(2), new IndicatorMeta(id, rs.getString(2), rs.getString(3), rs.getString(4),
                        MeasureUnit.valueOf(rs.getString(5)), ValueType.valueOf(rs.getString(6)), rs.getBoolean(7),
                        Aggregation.valueOf(rs.getString(9)), rs.getBigDecimal(10), Periodicity.valueOf(rs.getString(11)),
                        dims, Set.copyOf(sectors.getOrDefault(id, Set.of()))));
            }
        }
        Hierarchy h = new Hierarchy();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select id, code, level, valid_from, valid_to, version from admin_unit")) {
            while (rs.next()) {
                h.add(rs.getInt(1), rs.getString(2), UnitLevel.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(), date(rs.getDate(5)),
                        rs.getLong(6));
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select unit_id, parent_id, valid_from, valid_to from unit_parent")) {
            while (rs.next()) {
                h.addParent(rs.getInt(1), rs.getInt(2), rs.getDate(3).toLocalDate(), date(rs.getDate(4)));
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select unit_id, name_vi, name_en, valid_from, valid_to from unit_name")) {
            while (rs.next()) {
                h.addName(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), date(rs.getDate(5)));
            }
        }
        Map<Long, List<int[]>> parts = new LinkedHashMap<>();
        Map<Long, Object[]> events = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select e.id, e.kind, e.effective_date, p.unit_id, p.role from unit_event e join unit_event_part p on p.event_id = e.id "
                        + "order by e.effective_date, e.id, p.position")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                events.putIfAbsent(id, new Object[]{UnitEventKind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate()});
                parts.computeIfAbsent(id, k -> new ArrayList<>()).add(new int[]{rs.getInt(4), UnitEvent.Role.valueOf(rs.getString(5)).ordinal()});
            }
        }
        parts.forEach((id, list) -> {
            UnitEventKind kind = (UnitEventKind) events.get(id)[0];
            LocalDate effective = (LocalDate) events.get(id)[1];
            if (kind != UnitEventKind.MERGE && kind != UnitEventKind.SPLIT) {
                return;
            }
            for (int[] from : list) {
                if (from[1] != UnitEvent.Role.FROM.ordinal()) {
                    continue;
                }
                for (int[] to : list) {
                    if (to[1] == UnitEvent.Role.TO.ordinal()) {
                        if (kind == UnitEventKind.MERGE) {
                            h.addMerge(from[0], to[0], effective);
                        } else {
                            h.addSplit(from[0], to[0], effective);
                        }
                    }
                }
            }
        });
        List<Assignment> assignments = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select sector, unit_code, agency_code, valid_from, valid_to from supplier_assignment order by id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                assignments.add(new Assignment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), date(rs.getDate(5))));
            }
        }
        return new Snapshot(revision, indicators, h, List.copyOf(assignments));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
