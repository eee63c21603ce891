package vn.gems.indicators.push.service;

import vn.gems.indicators.push.merge.ValueMerge;
import vn.gems.indicators.push.rules.RowError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The writes of a push's attempts on {@code value_push}: progress, rejections and the final state, each only while the
 * attempt's claim (owner, attempt) still holds; taking a push over for a new attempt; renewing and recovering leases.
 */
public final class PushAttempts {

    private PushAttempts() {
    }

    /** One instance's claim on one attempt of a running push: every write of the attempt names it. */
    public record Claim(long id, String owner, int attempt) {
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
}
