package vn.gems.indicators.push.service;

import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * A push that failed on our side, as callers and the push's stored status see it: a stable code and a sentence, never
 * driver, SQL or exception text. The detail goes to the log with the request id, which the sentence quotes. Nothing
 * was written (the data transaction rolled back), so both codes let a retry with the same Idempotency-Key run the push
 * again.
 */
public record PushFailure(int status, String code, String sentence) {

    private static final Logger LOG = Logger.getLogger(PushFailure.class);

    /** Classifies {@code e} and logs it; {@code pushId} may be null before the push has a record. */
    public static PushFailure of(Throwable e, Long pushId, String requestId) {
        String push = pushId == null ? "a push" : "push " + pushId;
        String quote = requestId == null ? "" : " (request " + requestId + ")";
        if (databaseUnreachable(e)) {
            LOG.warnf(e, "%s: the database was unreachable%s", push, quote);
            return new PushFailure(503, "DATABASE_UNAVAILABLE", "The database could not be reached, so nothing was written; "
                    + "send the same request again (with the same Idempotency-Key) in a few seconds" + quote);
        }
        LOG.errorf(e, "%s failed%s", push, quote);
        return new PushFailure(500, "INTERNAL_ERROR", "The push failed on our side and nothing was written; send it again "
                + "(with the same Idempotency-Key), and quote the request id if it keeps failing" + quote);
    }

    /** Connection failures (SQLSTATE class 08), shutdowns and crashes (57P), out of resources (53): worth a retry. */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return true;
                }
            }
        }
        return false;
    }
}
