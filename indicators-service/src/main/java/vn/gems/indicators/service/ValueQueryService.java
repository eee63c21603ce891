package vn.gems.indicators.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.indicators.Sex;
import vn.gems.indicators.ValueStatus;
import vn.gems.indicators.mapping.Dims;
import vn.gems.indicators.rest.ValueVersionView;
import vn.gems.indicators.rest.ValueView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads of current values and of their audit history, over the values table's primary key. */
@ApplicationScoped
public class ValueQueryService {

    /** A filter on the values table; null fields do not filter. Units and indicators are internal ids. */
    public record Filter(int[] indicatorIds, int[] unitIds, String period, Character sex, String dims, Character status) {
    }

    private static final String SELECT = "select v.indicator_id, v.unit_id, v.period, v.sex, v.dims, v.value, v.numerator, v.denominator, "
            + "v.status, v.batch_id, p.source_kind, p.source_reference, p.source_agency, p.source_system, p.created_by, "
            + "coalesce(p.finished_at, p.created_at) from indicator_value v join value_push p on p.id = v.batch_id ";

    private final AgroalDataSource dataSource;

    public ValueQueryService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public PageView<ValueView> list(Catalogue.Snapshot cat, Filter f, Paging paging) {
        StringBuilder where = new StringBuilder("where v.indicator_id = any(?)");
        if (f.unitIds() != null) {
            where.append(" and v.unit_id = any(?)");
        }
        if (f.period() != null) {
            where.append(" and v.period = ?");
        }
        if (f.sex() != null) {
            where.append(" and v.sex = ?");
        }
        if (f.dims() != null) {
            where.append(" and v.dims = ?");
        }
        if (f.status() != null) {
            where.append(" and v.status = ?");
        }
        // Every read names the indicators (all of them when the caller filters by unit only): the primary key
        // (indicator, unit, period, ...) then serves it without a second index.
        int[] indicators = f.indicatorIds() != null ? f.indicatorIds() : cat.allIndicatorIds();
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement st = c.prepareStatement("select count(*) from indicator_value v " + where)) {
                bind(c, st, indicators, f);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ValueView> items = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(SELECT + where
                    + " order by v.indicator_id, v.unit_id, v.period, v.sex, v.dims offset ? limit ?")) {
                int i = bind(c, st, indicators, f);
                st.setLong(i++, (long) paging.page() * paging.size());
                st.setInt(i, paging.size());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        items.add(view(cat, rs));
                    }
                }
            }
            return new PageView<>(items, total, paging.page(), paging.size());
        } catch (SQLException e) {
            throw new IllegalStateException("value query failed", e);
        }
    }

    public Optional<ValueView> one(Catalogue.Snapshot cat, int indicatorId, int unitId, String period, char sex, String dims) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(SELECT + "where v.indicator_id = ? and v.unit_id = ? and v.period = ? and v.sex = ? and v.dims = ?")) {
            st.setInt(1, indicatorId);
            st.setInt(2, unitId);
            st.setString(3, period);
            st.setString(4, String.valueOf(sex));
            st.setString(5, dims);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(view(cat, rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("value query failed", e);
        }
    }

    /** Every version of one value, newest first: the current one, then what it replaced or what was retired. */
    public List<ValueVersionView> history(int indicatorId, int unitId, String period, char sex, String dims) {
        List<ValueVersionView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("""
                    select 'CURRENT', v.value, v.numerator, v.denominator, v.status, v.batch_id, p.source_kind, p.source_reference,
                           p.source_agency, p.source_system, p.created_by, coalesce(p.finished_at, p.created_at), null::bigint, null::timestamptz, 0 ord
                    from indicator_value v join value_push p on p.id = v.batch_id
                    where v.indicator_id = ? and v.unit_id = ? and v.period = ? and v.sex = ? and v.dims = ?
                    union all
                    select case h.change when 'R' then 'RETIRED' else 'UPDATED' end, h.value, h.numerator, h.denominator, h.status, h.batch_id,
                           p.source_kind, p.source_reference, p.source_agency, p.source_system, p.created_by,
                           coalesce(p.finished_at, p.created_at), h.superseded_by, h.superseded_at, 1
                    from indicator_value_history h join value_push p on p.id = h.batch_id
                    where h.indicator_id = ? and h.unit_id = ? and h.period = ? and h.sex = ? and h.dims = ?
                    order by ord, 14 desc, 6 desc""")) {
                for (int k = 0; k < 2; k++) {
                    st.setInt(k * 5 + 1, indicatorId);
                    st.setInt(k * 5 + 2, unitId);
                    st.setString(k * 5 + 3, period);
                    st.setString(k * 5 + 4, String.valueOf(sex));
                    st.setString(k * 5 + 5, dims);
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Timestamp written = rs.getTimestamp(12);
                        Timestamp superseded = rs.getTimestamp(14);
                        long by = rs.getLong(13);
                        Long supersededBy = rs.wasNull() ? null : by;
                        out.add(new ValueVersionView(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                                ValueStatus.ofLetter(rs.getString(5).charAt(0)).name(),
                                new ValueView.SourceRef(rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
                                rs.getString(11), written == null ? null : written.toInstant(), supersededBy,
                                superseded == null ? null : superseded.toInstant()));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("history query failed", e);
        }
        return out;
    }

    private static int bind(Connection c, PreparedStatement st, int[] indicators, Filter f) throws SQLException {
        int i = 1;
        st.setArray(i++, c.createArrayOf("integer", Arrays.stream(indicators).boxed().toArray()));
        if (f.unitIds() != null) {
            st.setArray(i++, c.createArrayOf("integer", Arrays.stream(f.unitIds()).boxed().toArray()));
        }
        if (f.period() != null) {
            st.setString(i++, f.period());
        }
        if (f.sex() != null) {
            st.setString(i++, String.valueOf(f.sex()));
        }
        if (f.dims() != null) {
            st.setString(i++, f.dims());
        }
        if (f.status() != null) {
            st.setString(i++, String.valueOf(f.status()));
        }
        return i;
    }

    private static ValueView view(Catalogue.Snapshot cat, ResultSet rs) throws SQLException {
        IndicatorMeta ind = cat.indicator(rs.getInt(1));
        Hierarchy.Node unit = cat.hierarchy.get(rs.getInt(2));
        Sex sex = Sex.ofLetter(rs.getString(4).charAt(0));
        Timestamp at = rs.getTimestamp(16);
        return new ValueView(ind == null ? "#" + rs.getInt(1) : ind.code(), unit == null ? "#" + rs.getInt(2) : unit.code, rs.getString(3),
                sex == null ? null : sex.name(), Dims.parse(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                ValueStatus.ofLetter(rs.getString(9).charAt(0)).name(),
                new ValueView.SourceRef(rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)),
                rs.getString(15), at == null ? null : at.toInstant());
    }
}
