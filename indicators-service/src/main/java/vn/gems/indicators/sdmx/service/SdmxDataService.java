package vn.gems.indicators.sdmx.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.indicators.Period;
import vn.gems.indicators.Sex;
import vn.gems.indicators.mapping.Dims;
import vn.gems.indicators.service.Catalogue;
import vn.gems.indicators.service.Hierarchy;
import vn.gems.indicators.service.IndicatorMeta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SDMX data queries over published values: the flow and key are checked against the generated structure (400 for a
 * malformed key or period, 404 for an unknown flow or code), then a JDBC cursor streams the final values inside
 * published data sets — exactly what {@code /api/public/values} shows — whoever asks.
 */
@ApplicationScoped
public class SdmxDataService {

    /** Rows fetched per round trip: the cursor keeps memory flat however many values match. */
    static final int FETCH_SIZE = 5_000;

    private final AgroalDataSource dataSource;

    public SdmxDataService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Checks a dataflow reference (ID, AGENCY,ID or AGENCY,ID,VERSION; "all"/"latest"/"*" wildcards); 404 otherwise. */
    public static void requireFlow(String agency, String id, String version) {
        boolean ok = (agency == null || wildcard(agency) || SdmxStructure.AGENCY.equals(agency))
                && (id == null || wildcard(id) || SdmxStructure.FLOW_ID.equals(id) || SdmxStructure.DSD_ID.equals(id))
                && (version == null || wildcard(version) || "latest".equals(version) || SdmxStructure.VERSION.equals(version));
        if (!ok) {
            throw new ProblemException(404, "NO_SUCH_STRUCTURE", "Not found", "No structure " + agency + "," + id + "," + version
                    + "; GEMS serves " + SdmxStructure.flowRef() + " over " + SdmxStructure.AGENCY + ":" + SdmxStructure.DSD_ID);
        }
    }

    static boolean wildcard(String s) {
        return s.isBlank() || "all".equals(s) || "*".equals(s);
    }

    /** The {flow} path segment of a data query: {@code DF_GEMS}, {@code GEMS,DF_GEMS} or {@code GEMS,DF_GEMS,1.0}. */
    public static void requireFlowRef(String flow) {
        String[] p = flow.split(",", -1);
        if (p.length > 3) {
            throw ProblemException.badRequest("INVALID_FLOW", "flow is ID, AGENCY,ID or AGENCY,ID,VERSION",
                    new FieldError("flow", "INVALID_FLOW", "e.g. " + SdmxStructure.AGENCY + "," + SdmxStructure.FLOW_ID + "," + SdmxStructure.VERSION));
        }
        if (p.length == 1) {
            requireFlow(null, p[0], null);
        } else {
            requireFlow(p[0], p[1], p.length == 3 ? p[2] : null);
        }
    }

    public DataQuery query(SdmxStructure dsd, String key, String startPeriod, String endPeriod, String dimensionAtObservation) {
        boolean series;
        if (dimensionAtObservation == null || dimensionAtObservation.isBlank() || "TIME_PERIOD".equals(dimensionAtObservation)) {
            series = true;
        } else if ("AllDimensions".equals(dimensionAtObservation)) {
            series = false;
        } else {
            throw ProblemException.badRequest("INVALID_DIMENSION_AT_OBSERVATION", "dimensionAtObservation is TIME_PERIOD (default) or AllDimensions",
                    new FieldError("dimensionAtObservation", "INVALID_DIMENSION_AT_OBSERVATION", "TIME_PERIOD or AllDimensions"));
        }
        List<Set<String>> codes = new ArrayList<>();
        int n = dsd.dimensions.size();
        if (key == null || key.isBlank() || "all".equals(key) || "*".equals(key)) {
            for (int i = 0; i < n; i++) {
                codes.add(null);
            }
        } else {
            String[] parts = key.split("\\.", -1);
            if (parts.length != n) {
                throw ProblemException.badRequest("INVALID_KEY", "The key has " + parts.length + " part(s); the structure has " + n + " key dimensions "
                        + dsd.dimensions.stream().map(SdmxStructure.Component::id).toList() + " (TIME_PERIOD goes in startPeriod/endPeriod)",
                        new FieldError("key", "INVALID_KEY", n + " dot-separated parts"));
            }
            for (int i = 0; i < n; i++) {
                SdmxStructure.Component dim = dsd.dimensions.get(i);
                if (parts[i].isEmpty()) {
                    codes.add(null);
                    continue;
                }
                Set<String> wanted = new LinkedHashSet<>();
                Set<String> known = dsd.codeIds(dim.codelist());
                for (String c : parts[i].split("\\+", -1)) {
                    if (!c.matches("[A-Za-z0-9_@$-]{1,80}")) {
                        throw ProblemException.badRequest("INVALID_KEY", "'" + c + "' is not a code of " + dim.id(),
                                new FieldError("key." + dim.id(), "INVALID_KEY", "codes joined by +"));
                    }
                    if (!known.contains(c)) {
                        throw new ProblemException(404, "NO_SUCH_CODE", "Not found", "No code " + c + " in " + dim.codelist() + " (dimension " + dim.id() + ")");
                    }
                    wanted.add(c);
                }
                codes.add(wanted);
            }
        }
        LocalDate start = periodBound(startPeriod, "startPeriod", true);
        LocalDate end = periodBound(endPeriod, "endPeriod", false);
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badRequest("INVALID_PERIOD", "startPeriod " + startPeriod + " is after endPeriod " + endPeriod,
                    new FieldError("startPeriod", "INVALID_PERIOD", "after endPeriod"));
        }
        return new DataQuery(dsd, codes, start, end, series);
    }

    /** An SDMX period bound (2024, 2024-S1, 2024-Q3, 2024-07, 2024-07-15, or the GEMS forms) as its first or last day. */
    static LocalDate periodBound(String text, String field, boolean first) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.length() == 10) {
            try {
                return LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        Period p = Period.parse(SdmxStructure.gemsPeriod(t)).orElseThrow(() -> ProblemException.badRequest("INVALID_PERIOD",
                field + " " + t + " is not a year (2024), half-year (2024-S1), quarter (2024-Q3), month (2024-07) or date (2024-07-15)",
                new FieldError(field, "INVALID_PERIOD", "not an SDMX period")));
        return first ? p.start() : p.end();
    }

    /** A streaming read of the query's observations; the caller closes it. {@link #first()} tells whether there is any. */
    public Cursor open(Catalogue.Snapshot cat, DataQuery q) {
        Map<Integer, Map<String, BitSet>> published = published(cat, q);
        Cursor cursor = new Cursor(cat, q, published);
        try {
            cursor.start();
            return cursor;
        } catch (SQLException | RuntimeException e) {
            cursor.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("SDMX data query failed", e);
        }
    }

    /** Per indicator and period, the units whose final values are public (published territories as of today). */
    private Map<Integer, Map<String, BitSet>> published(Catalogue.Snapshot cat, DataQuery q) {
        Map<Integer, Map<String, BitSet>> out = new HashMap<>();
        LocalDate today = LocalDate.now();
        Set<String> indicators = q.codes(0);
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select p.indicator_id, p.period, u.code from publication p join admin_unit u on u.id = p.unit_id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                IndicatorMeta ind = cat.indicator(rs.getInt(1));
                if (ind == null || (indicators != null && !indicators.contains(ind.code()))) {
                    continue;
                }
                String period = rs.getString(2);
                cat.hierarchy.find(rs.getString(3)).ifPresent(n -> out.computeIfAbsent(ind.id(), k -> new HashMap<>())
                        .computeIfAbsent(period, k -> new BitSet()).or(cat.hierarchy.territory(n, n.clamp(today))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("publication query failed", e);
        }
        return out;
    }

    /** A server-side cursor over matching values, filtered to published ones and mapped to SDMX codes. */
    public final class Cursor implements AutoCloseable {
        private final Catalogue.Snapshot cat;
        private final DataQuery q;
        private final Map<Integer, Map<String, BitSet>> published;
        private final Map<Integer, Map<String, String[]>> extraCache = new HashMap<>();
        private Connection connection;
        private PreparedStatement statement;
        private ResultSet rows;
        private final Observation pending = new Observation();
        private boolean hasPending;
        private long count;

        Cursor(Catalogue.Snapshot cat, DataQuery q, Map<Integer, Map<String, BitSet>> published) {
            this.cat = cat;
            this.q = q;
            this.published = published;
        }

        void start() throws SQLException {
            int[] indicators = published.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            if (indicators.length == 0) {
                return;
            }
            StringBuilder sql = new StringBuilder("select v.indicator_id, v.unit_id, v.period, v.sex, v.dims, v.value, v.numerator, v.denominator, "
                    + "coalesce(p.source_agency, p.source_system, p.source_kind) from indicator_value v join value_push p on p.id = v.batch_id "
                    + "where v.status = 'F' and v.indicator_id = any(?)");
            int[] units = null;
            if (q.codes(1) != null) {
                units = q.codes(1).stream().map(cat.hierarchy::find).flatMap(Optional::stream).mapToInt(n -> n.id).toArray();
                sql.append(" and v.unit_id = any(?)");
            }
            String[] sexes = null;
            if (q.codes(2) != null) {
                sexes = q.codes(2).stream().map(SdmxDataService::storedSex).toArray(String[]::new);
                sql.append(" and v.sex::text = any(?)");
            }
            if (q.start() != null) {
                sql.append(" and v.period >= ?");
            }
            if (q.end() != null) {
                sql.append(" and v.period < ?");
            }
            // Flat output follows the primary key; series output groups by the series key with time last.
            sql.append(q.series() ? " order by v.indicator_id, v.unit_id, v.sex, v.dims, v.period" : " order by v.indicator_id, v.unit_id, v.period, v.sex, v.dims");
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            int i = 1;
            statement.setArray(i++, connection.createArrayOf("integer", Arrays.stream(indicators).boxed().toArray()));
            if (units != null) {
                statement.setArray(i++, connection.createArrayOf("integer", Arrays.stream(units).boxed().toArray()));
            }
            if (sexes != null) {
                statement.setArray(i++, connection.createArrayOf("varchar", sexes));
            }
            // Periods start with their year: comparing the text against years bounds the scan; the exact check is per row.
            if (q.start() != null) {
                statement.setString(i++, String.valueOf(q.start().getYear()));
            }
            if (q.end() != null) {
                statement.setString(i, String.valueOf(q.end().getYear() + 1));
            }
            rows = statement.executeQuery();
            hasPending = advance(pending);
        }

        /** Whether the query matched anything (checked before the answer starts, so that "nothing" is a 404). */
        public boolean first() {
            return hasPending;
        }

        public long count() {
            return count;
        }

        /** Fills {@code o} with the next observation; false at the end. */
        public boolean next(Observation o) throws SQLException {
            if (!hasPending) {
                return false;
            }
            o.copyFrom(pending);
            hasPending = advance(pending);
            count++;
            return true;
        }

        private boolean advance(Observation o) throws SQLException {
            if (rows == null) {
                return false;
            }
            int lastIndicator = -1;
            Map<String, BitSet> byPeriod = null;
            IndicatorMeta ind = null;
            Map<String, String[]> extras = null;
            while (rows.next()) {
                int indicatorId = rows.getInt(1);
                if (indicatorId != lastIndicator) {
                    lastIndicator = indicatorId;
                    byPeriod = published.get(indicatorId);
                    ind = cat.indicator(indicatorId);
                    extras = extraCache.computeIfAbsent(indicatorId, k -> new HashMap<>());
                }
                int unitId = rows.getInt(2);
                String period = rows.getString(3);
                BitSet units = byPeriod == null ? null : byPeriod.get(period);
                if (units == null || !units.get(unitId) || ind == null) {
                    continue;
                }
                String sex = sdmxSex(rows.getString(4).charAt(0));
                if (q.codes(2) != null && !q.codes(2).contains(sex)) {
                    continue;
                }
                if (q.start() != null || q.end() != null) {
                    Period p = Period.parse(period).orElse(null);
                    if (p == null || (q.start() != null && p.start().isBefore(q.start())) || (q.end() != null && p.end().isAfter(q.end()))) {
                        continue;
                    }
                }
                IndicatorMeta meta = ind;
                String[] extra = extras.computeIfAbsent(rows.getString(5), d -> extraCodes(meta, d));
                if (!matchesExtra(extra)) {
                    continue;
                }
                Hierarchy.Node unit = cat.hierarchy.get(unitId);
                o.indicator = ind.code();
                o.unit = unit == null ? "#" + unitId : unit.code;
                o.sex = sex;
                o.extra = extra;
                o.period = SdmxStructure.sdmxPeriod(period);
                o.value = rows.getString(6);
                o.numerator = rows.getString(7);
                o.denominator = rows.getString(8);
                o.status = SdmxStructure.STATUS_FINAL;
                o.unitMeasure = ind.unit().name();
                o.source = rows.getString(9);
                return true;
            }
            return false;
        }

        private boolean matchesExtra(String[] extra) {
            for (int i = 0; i < extra.length; i++) {
                Set<String> wanted = q.codes(3 + i);
                if (wanted != null && !wanted.contains(extra[i])) {
                    return false;
                }
            }
            return true;
        }

        private String[] extraCodes(IndicatorMeta ind, String dims) {
            Map<String, String> parsed = Dims.parse(dims);
            List<String> names = q.dsd().extraDimensions;
            String[] out = new String[names.size()];
            for (int i = 0; i < out.length; i++) {
                String v = parsed == null ? null : parsed.get(names.get(i));
                out[i] = v != null ? v : ind.dimensions().containsKey(names.get(i)) ? SdmxStructure.TOTAL : SdmxStructure.NOT_APPLICABLE;
            }
            return out;
        }

        @Override
        public void close() {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (statement != null) {
                    statement.close();
                }
                if (connection != null) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                    connection.close();
                }
            } catch (SQLException e) {
                // the connection goes back to the pool either way; nothing was written
            }
        }
    }

    static String sdmxSex(char stored) {
        return switch (stored) {
            case 'F' -> "F";
            case 'M' -> "M";
            case 'T' -> SdmxStructure.TOTAL;
            default -> SdmxStructure.NOT_APPLICABLE;
        };
    }

    static String storedSex(String sdmx) {
        return switch (sdmx) {
            case "F" -> "F";
            case "M" -> "M";
            case SdmxStructure.TOTAL -> "T";
            default -> String.valueOf(Sex.NONE);
        };
    }
}
