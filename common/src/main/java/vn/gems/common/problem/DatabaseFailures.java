package vn.gems.common.problem;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is down or restarting (the connection broke, none can be made, the pool gave up waiting)
 * from a failure of the request itself. Judged by exception type and SQLState, never by message text.
 */
public final class DatabaseFailures {

    /** What a 503 {@code DATABASE_UNAVAILABLE} asks the caller to wait: a restart takes a second or two. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /**
     * PostgreSQL codes of a server that went away or is not accepting work yet: admin/crash shutdown (a restart,
     * {@code pg_terminate_backend}), "starting up", and no connection slot left. Class 08 is checked apart.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFailures() {
    }

    /** True if {@code e} or one of its causes says the database could not be reached or dropped the connection. */
    public static boolean unavailable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JDBCConnectionException
                    || c instanceof SQLTransientConnectionException
                    || c instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
                if (state == null && fromPool(sql)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Agroal's own failures (acquisition time-out: no connection could be had in time) carry no SQLState. */
    private static boolean fromPool(SQLException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.agroal.");
    }
}
