package vn.gems.common.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PostgreSQL restart is a 503 with Retry-After, never a 500 (issue 12.4), and a constraint's name is never
 * shown to the caller (issue 12.7). The end-to-end proof is {@code DatabaseRestartE2eTest}.
 */
class DatabaseProblemsTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static Problem problem(Response r) {
        return (Problem) r.getEntity();
    }

    private void assertUnavailable(Throwable e) {
        Response r = mappers.unexpected(e, null);
        assertEquals(503, r.getStatus(), String.valueOf(e));
        assertEquals("DATABASE_UNAVAILABLE", problem(r).code());
        assertEquals(String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        assertFalse(problem(r).detail().contains("08006"), "no driver text");
    }

    @Test
    void aConnectionKilledByARestartIs503() {
        // What a pooled connection meets after the server restarted or pg_terminate_backend: SQLState 57P01 / 08006.
        assertUnavailable(new PersistenceException(new GenericJDBCException("could not execute statement",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
        assertUnavailable(new JDBCConnectionException("could not prepare statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertUnavailable(new RuntimeException("commit failed", new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void noConnectionToBeHadIs503() {
        assertUnavailable(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        SQLException acquisition = new SQLException("Acquisition timeout while waiting for new connection");
        acquisition.setStackTrace(new StackTraceElement[]{new StackTraceElement("io.agroal.pool.ConnectionPool", "getConnection", null, 1)});
        assertUnavailable(new PersistenceException(new GenericJDBCException("Unable to acquire JDBC Connection", acquisition)));
    }

    @Test
    void otherDatabaseErrorsStay500() {
        Response r = mappers.unexpected(new PersistenceException(new SQLGrammarException("bad",
                new SQLException("relation \"x\" does not exist", "42P01"))), null);
        assertEquals(500, r.getStatus());
        assertEquals("INTERNAL_ERROR", problem(r).code());
        assertFalse(DatabaseFailures.unavailable(new SQLException("no state")), "an SQLException not from the pool is no outage");
    }

    @Test
    void constraintNamesStayInTheLog() {
        ConstraintViolationException cv = new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint \"uk_agency_code\"", "23505"), "uk_agency_code");
        for (Throwable e : new Throwable[]{cv, new PersistenceException(cv)}) {
            Response r = mappers.unexpected(e, null);
            assertEquals(409, r.getStatus());
            assertEquals("CONSTRAINT_VIOLATION", problem(r).code());
            assertFalse(problem(r).detail().contains("uk_agency_code"), problem(r).detail());
            assertTrue(problem(r).detail().startsWith("The change conflicts with existing data"));
        }
    }
}
