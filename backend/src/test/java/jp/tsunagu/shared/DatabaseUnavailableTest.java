package jp.tsunagu.shared;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures say "the database is away" (answered 503 with Retry-After) and which are faults (500 or 4xx). */
class DatabaseUnavailableTest {

    @Test
    void aLostOrRefusedConnectionOrAServerShuttingDownIsUnavailability() {
        assertTrue(ProblemMappers.databaseUnavailable(new PersistenceException(
                new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(ProblemMappers.databaseUnavailable(new SQLTransientConnectionException("no connection")));
        assertTrue(ProblemMappers.databaseUnavailable(new SQLException("Acquisition timeout while waiting for new connection")));
        // A commit cut off as the server goes away: the I/O error is suppressed under the transaction manager's exception.
        Exception commit = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.initCause(new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE));
        commit.addSuppressed(xa);
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(commit)));
    }

    @Test
    void constraintsBugsAndBadInputAreNot() {
        assertFalse(ProblemMappers.databaseUnavailable(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertFalse(ProblemMappers.databaseUnavailable(new IllegalStateException("a bug")));
        assertFalse(ProblemMappers.databaseUnavailable(new NullPointerException()));
    }
}
