package vn.gems.indicators.push.service;

import vn.gems.indicators.push.rest.PushView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code value_push} and {@code value_push_rejection} tables, over plain JDBC (several connections write them). */
public final class PushStore {

    private PushStore() {
    }

    /** A new batch row. */
    public record NewPush(String kind, String status, String mode, String format, boolean dryRun, String onError,
                          String sourceKind, String reference, String agency, String system, String slice,
                          String createdBy, String idemScope, String idemKey, Character defaultStatus, Long catalogueRevision,
                          String sha256) {
    }

    private static final String COLUMNS = "id, kind, status, mode, format, dry_run, on_error, committed, source_kind, source_reference, "
            + "source_agency, source_system, slice, created_by, created_at, finished_at, rows_read, rows_accepted, rows_rejected, "
            + "inserted, updated, unchanged, retired, retained_foreign, message, content_sha256, response_status, failure_code, "
            + "coalesce(lease_until > now(), false) lease_live";

    /** A stored batch row plus what replaying its answer needs; {@code responseStatus} is null until the push is answered. */
    public record Row(PushView view, String contentSha256, Integer responseStatus, boolean leaseLive) {

        /** Still running under a live lease: another request or instance works on it. */
        public boolean running() {
            return RUNNING.contains(view.status()) && leaseLive;
        }
    }

    /** The states of a push while it runs. */
    public static final Set<String> RUNNING = Set.of("RECEIVING", "VALIDATING", "MERGING");

    /** A new batch row without an owner: written and finished in one transaction (JSON batches, identical re-pushes). */
    public static long insert(Connection c, NewPush p) throws SQLException {
        return insert(c, p, null, Duration.ZERO).id();
    }

    /** A new push claimed by {@code owner} for its first attempt, leased for {@code lease}. */
    public static PushAttempts.Claim insert(Connection c, NewPush p, String owner, Duration lease) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into value_push (kind, status, mode, format, dry_run, on_error, source_kind, source_reference, source_agency,
                                        source_system, slice, created_by, idem_scope, idem_key, default_status, catalogue_revision, content_sha256,
                                        owner, attempt, lease_until)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1,
                        case when ? then now() + make_interval(secs => ?) end) returning id""")) {
            st.setString(1, p.kind());
            st.setString(2, p.status());
            st.setString(3, p.mode());
            st.setString(4, p.format());
            st.setBoolean(5, p.dryRun());
            st.setString(6, p.onError());
            st.setString(7, p.sourceKind());
            st.setString(8, p.reference());
            st.setString(9, p.agency());
            st.setString(10, p.system());
            st.setString(11, p.slice());
            st.setString(12, p.createdBy());
            st.setString(13, p.idemScope());
            st.setString(14, p.idemKey());
            st.setString(15, p.defaultStatus() == null ? null : String.valueOf(p.defaultStatus()));
            if (p.catalogueRevision() == null) {
                st.setNull(16, Types.BIGINT);
            } else {
                st.setLong(16, p.catalogueRevision());
            }
            st.setString(17, p.sha256());
            st.setString(18, owner);
            st.setBoolean(19, owner != null);
            st.setDouble(20, lease.toMillis() / 1000.0);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new PushAttempts.Claim(rs.getLong(1), owner, 1);
            }
        }
    }

    public static Optional<Row> find(Connection c, long id, int inline) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from value_push where id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(row(c, rs, inline));
            }
        }
    }

    public static Optional<Row> findByKey(Connection c, String scope, String key, int inline) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from value_push where idem_scope = ? and idem_key = ?")) {
            st.setString(1, scope);
            st.setString(2, key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(row(c, rs, inline));
            }
        }
    }

    /** What an identical earlier push needs to match: the same bytes, pushed the same way by the same writer. */
    public record Identity(String sha256, String createdBy, String agency, String format, char defaultStatus, long catalogueRevision) {
    }

    /** An earlier push the same file can stand for. */
    public record Earlier(long id, long rowsRead, long rowsAccepted, Set<String> slices) {
    }

    /** The latest committed, clean upsert of the same content and settings, with the slices it touched. */
    public static Optional<Earlier> findIdentical(Connection c, Identity id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                select id, rows_read, rows_accepted, touched from value_push
                where content_sha256 = ? and created_by = ? and source_agency is not distinct from ? and format = ? and default_status = ?
                  and catalogue_revision = ? and kind = 'PUSH' and mode = 'UPSERT' and status = 'SUCCEEDED' and committed and not dry_run
                  and rows_rejected = 0 and touched is not null and touched <> ''
                order by id desc limit 1""")) {
            st.setString(1, id.sha256());
            st.setString(2, id.createdBy());
            st.setString(3, id.agency());
            st.setString(4, id.format());
            st.setString(5, String.valueOf(id.defaultStatus()));
            st.setLong(6, id.catalogueRevision());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Earlier(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        new TreeSet<>(Arrays.asList(rs.getString(4).split(",")))));
            }
        }
    }

    public static List<PushView.RejectionView> rejectionPage(Connection c, long id, long offset, int limit) throws SQLException {
        return page(c, id, 'E', offset, limit);
    }

    public static List<PushView.RejectionView> page(Connection c, long id, char severity, long offset, int limit) throws SQLException {
        List<PushView.RejectionView> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "select line, column_name, code, message from value_push_rejection where push_id = ? and severity = ? order by line, seq offset ? limit ?")) {
            st.setLong(1, id);
            st.setString(2, String.valueOf(severity));
            st.setLong(3, offset);
            st.setInt(4, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new PushView.RejectionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    public static long rejectionCount(Connection c, long id) throws SQLException {
        return count(c, id, 'E');
    }

    public static long count(Connection c, long id, char severity) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) from value_push_rejection where push_id = ? and severity = ?")) {
            st.setLong(1, id);
            st.setString(2, String.valueOf(severity));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Batches visible to an agency (all when {@code agency} is null), newest first. */
    public static List<PushView> list(Connection c, String agency, long offset, int limit) throws SQLException {
        List<PushView> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from value_push where (? is null or source_agency = ?) "
                + "order by id desc offset ? limit ?")) {
            st.setString(1, agency);
            st.setString(2, agency);
            st.setLong(3, offset);
            st.setInt(4, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs, 0, List.of()));
                }
            }
        }
        return out;
    }

    public static long count(Connection c, String agency) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select count(*) from value_push where (? is null or source_agency = ?)")) {
            st.setString(1, agency);
            st.setString(2, agency);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Row row(Connection c, ResultSet rs, int inline) throws SQLException {
        long id = rs.getLong("id");
        int status = rs.getInt("response_status");
        Integer responseStatus = rs.wasNull() ? null : status;
        long total = rejectionCount(c, id);
        List<PushView.RejectionView> first = inline > 0 && total > 0 ? rejectionPage(c, id, 0, inline) : List.of();
        long warnings = count(c, id, 'W');
        List<PushView.RejectionView> firstWarnings = inline > 0 && warnings > 0 ? page(c, id, 'W', 0, inline) : List.of();
        return new Row(view(rs, total, first, warnings, firstWarnings), rs.getString("content_sha256"), responseStatus, rs.getBoolean("lease_live"));
    }

    private static PushView view(ResultSet rs, long rejectionsTotal, List<PushView.RejectionView> rejections) throws SQLException {
        return view(rs, rejectionsTotal, rejections, 0, List.of());
    }

    private static PushView view(ResultSet rs, long rejectionsTotal, List<PushView.RejectionView> rejections, long warningsTotal,
                                 List<PushView.RejectionView> warnings) throws SQLException {
        long inserted = rs.getLong("inserted");
        long updated = rs.getLong("updated");
        long retired = rs.getLong("retired");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new PushView(rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getString("mode"), rs.getString("format"),
                rs.getBoolean("dry_run"), rs.getString("on_error"), rs.getBoolean("committed"),
                new PushView.SourceView(rs.getString("source_kind"), rs.getString("source_reference"), rs.getString("source_agency"),
                        rs.getString("source_system")),
                rs.getString("slice"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                rs.getLong("rows_rejected"), inserted, updated, rs.getLong("unchanged"), retired, rs.getLong("retained_foreign"),
                inserted + updated + retired, rs.getString("message"), rs.getString("failure_code"), rejectionsTotal, rejections,
                warningsTotal, warnings);
    }
}
