package vn.gems.indicators.service;

import vn.gems.indicators.rest.PushView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public static final java.util.Set<String> RUNNING = java.util.Set.of("RECEIVING", "VALIDATING", "MERGING");



    /** One instance's claim on one attempt of a running push: every write of the attempt names it. */
    public record Claim(long id, String owner, int attempt) {
    }

    /** A new batch row without an owner: written and finished in one transaction (JSON batches, identical re-pushes). */
    public static long insert(Connection c, NewPush p) throws SQLException {
        return insert(c, p, null, Duration.ZERO).id();
    }

    /** A new push claimed by {@code owner} for its first attempt, leased for {@code lease}. */
    public static Claim insert(Connection c, NewPush p, String owner, Duration lease) throws SQLException {
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
                return new Claim(rs.getLong(1), owner, 1);
            }
        }
    }

    /** Where the claim still holds: its owner and attempt, and the push still running. */
    private static final String CLAIMED = " id = ? and owner = ? and attempt = ? and status in ('RECEIVING', 'VALIDATING', 'MERGING')";

    private static int claimed(PreparedStatement st, int from, Claim claim) throws SQLException {
        st.setLong(from, claim.id());
        st.setString(from + 1, claim.owner());
        st.setInt(from + 2, claim.attempt());
        return from + 3;
    }

    /** Progress of a running attempt; ignored once the claim is lost. */
    public static void progress(Connection c, Claim claim, String status, long read, long accepted, long rejected) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update value_push set status = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ? where"
                + CLAIMED)) {
            st.setString(1, status);
            st.setLong(2, read);
            st.setLong(3, accepted);
            st.setLong(4, rejected);
            claimed(st, 5, claim);
            st.executeUpdate();
        }
    }

    /** The answer a background push gave (202), replayed to a retry while it runs. */
    public static void answered(Connection c, Claim claim, int status) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("update value_push set response_status = ? where" + CLAIMED)) {
            st.setInt(1, status);
            claimed(st, 2, claim);
            st.executeUpdate();
        }
    }

    /**
     * Takes a push over for a new attempt by {@code owner}: one that failed without writing for a reason a retry may
     * not meet again, or one still marked running whose lease ran out (its instance died). Counters, answer and the
     * earlier attempt's rejections are cleared. Empty when the push is not to be taken (another instance holds a live
     * lease, it finished meanwhile, or another request took it first).
     */
    public static Optional<Claim> reclaim(Connection c, long id, String owner, Duration lease) throws SQLException {
        int attempt;
        try (PreparedStatement st = c.prepareStatement("""
                update value_push set status = 'RECEIVING', committed = false, rows_read = 0, rows_accepted = 0, rows_rejected = 0,
                       inserted = 0, updated = 0, unchanged = 0, retired = 0, retained_foreign = 0, message = null, failure_code = null,
                       response_status = null, finished_at = null, touched = null,
                       owner = ?, attempt = attempt + 1, lease_until = now() + make_interval(secs => ?)
                where id = ? and not committed and (
                      (status = 'FAILED' and (failure_code in ('PUSH_INTERRUPTED', 'INTERNAL_ERROR', 'DATABASE_UNAVAILABLE')
                                              or (failure_code is null and coalesce(response_status, 500) >= 500)))
                   or (status in ('RECEIVING', 'VALIDATING', 'MERGING') and (lease_until is null or lease_until < now())))
                returning attempt""")) {
            st.setString(1, owner);
            st.setDouble(2, lease.toMillis() / 1000.0);
            st.setLong(3, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                attempt = rs.getInt(1);
            }
        }
        try (PreparedStatement st = c.prepareStatement("delete from value_push_rejection where push_id = ?")) {
            st.setLong(1, id);
            st.executeUpdate();
        }
        return Optional.of(new Claim(id, owner, attempt));
    }

    /** Renews the leases of the pushes {@code owner} is running. */
    public static int renew(Connection c, String owner, List<Long> ids, Duration lease) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement st = c.prepareStatement("update value_push set lease_until = now() + make_interval(secs => ?) "
                + "where id = any(?) and owner = ? and status in ('RECEIVING', 'VALIDATING', 'MERGING')")) {
            st.setDouble(1, lease.toMillis() / 1000.0);
            st.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            st.setString(3, owner);
            return st.executeUpdate();
        }
    }

    /**
     * Marks FAILED the running pushes whose lease ran out (their instance stopped or died): nothing of them was
     * written, since the final status commits with the values. Rows another instance is updating are skipped, never
     * waited for. Live leases, this instance's or another's, are left alone.
     */
    public static List<Long> failStale(Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                update value_push set status = 'FAILED', committed = false, finished_at = now(), failure_code = 'PUSH_INTERRUPTED',
                       message = 'The instance working on this push stopped before it finished; nothing was written. Send the file again '
                                 || 'with the same Idempotency-Key (or push it again) to complete it'
                where id in (select id from value_push
                             where status in ('RECEIVING', 'VALIDATING', 'MERGING') and (lease_until is null or lease_until < now())
                             for update skip locked)
                returning id""")) {
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The final state of a batch. */
    public record Outcome(String status, boolean committed, long read, long accepted, long rejected, ValueMerge.Counts counts,
                          String message, int responseStatus, String touched, String failureCode) {
        public static Outcome succeeded(boolean committed, long read, long accepted, long rejected, ValueMerge.Counts counts,
                                        String message, int responseStatus, String touched) {
            return new Outcome("SUCCEEDED", committed, read, accepted, rejected, counts, message, responseStatus, touched, null);
        }

        public static Outcome failed(long read, long rejected, String failureCode, String message, int responseStatus) {
            return new Outcome("FAILED", false, read, 0, rejected, null, message, responseStatus, null, failureCode);
        }
    }

    /** The final state of a batch written in one transaction (no claim: JSON batches, identical re-pushes). */
    public static void finish(Connection c, long id, Outcome o) throws SQLException {
        finish(c, new Claim(id, null, 1), o);
    }

    /**
     * The final state of an attempt, only while its claim holds: false (nothing changed) once the push was failed as
     * interrupted or taken over by another attempt, so a late finish can never turn a FAILED push SUCCEEDED. A push's
     * success is written on the data connection before the values commit, in the same transaction.
     */
    public static boolean finish(Connection c, Claim claim, Outcome o) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                update value_push set status = ?, committed = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?, inserted = ?,
                       updated = ?, unchanged = ?, retired = ?, retained_foreign = ?, message = ?, response_status = ?, finished_at = now(),
                       touched = ?, failure_code = ?, lease_until = null
                where id = ? and owner is not distinct from ? and attempt = ? and status in ('RECEIVING', 'VALIDATING', 'MERGING')""")) {
            ValueMerge.Counts k = o.counts() == null ? new ValueMerge.Counts(0, 0, 0, 0) : o.counts();
            st.setString(1, o.status());
            st.setBoolean(2, o.committed());
            st.setLong(3, o.read());
            st.setLong(4, o.accepted());
            st.setLong(5, o.rejected());
            st.setLong(6, k.inserted());
            st.setLong(7, k.updated());
            st.setLong(8, o.counts() == null ? 0 : Math.max(0, o.accepted() - k.inserted() - k.updated()));
            st.setLong(9, k.retired());
            st.setLong(10, k.retainedForeign());
            if (o.message() == null) {
                st.setNull(11, Types.VARCHAR);
            } else {
                st.setString(11, o.message().length() > 2000 ? o.message().substring(0, 2000) : o.message());
            }
            st.setInt(12, o.responseStatus());
            st.setString(13, o.touched() != null && o.touched().length() <= 4000 ? o.touched() : null);
            st.setString(14, o.failureCode());
            st.setLong(15, claim.id());
            st.setString(16, claim.owner());
            st.setInt(17, claim.attempt());
            return st.executeUpdate() == 1;
        }
    }

    /** Stores rejections (severity E) or warnings (W) of an attempt from sequence number {@code firstSeq} on, while its claim holds. */
    public static void rejections(Connection c, Claim claim, int firstSeq, List<RowError> errors, char severity) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("insert into value_push_rejection (push_id, seq, line, column_name, code, message, severity) "
                + "select ?, ?, ?, ?, ?, ?, ? where exists (select 1 from value_push where" + CLAIMED + ")")) {
            int seq = firstSeq;
            for (RowError e : errors) {
                claimed(st, 8, claim);
                st.setLong(1, claim.id());
                st.setInt(2, seq++);
                st.setLong(3, e.line());
                st.setString(4, e.column());
                st.setString(5, e.code());
                st.setString(6, e.message().length() > 1000 ? e.message().substring(0, 1000) : e.message());
                st.setString(7, String.valueOf(severity));
                st.addBatch();
            }
            st.executeBatch();
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
    public record Earlier(long id, long rowsRead, long rowsAccepted, java.util.Set<String> slices) {
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
                        new java.util.TreeSet<>(java.util.Arrays.asList(rs.getString(4).split(",")))));
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
