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
    }

    @Test
    void constraintsBugsAndBadInputAreNot() {
        assertFalse(ProblemMappers.databaseUnavailable(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        assertFalse(ProblemMappers.databaseUnavailable(new IllegalStateException("a bug")));
        assertFalse(ProblemMappers.databaseUnavailable(new NullPointerException()));
    }
}
