package org.muster.platform.problem;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutagesTest {

    @Test
    void a_database_that_cannot_be_reached_is_an_outage_however_deep_it_is_wrapped() {
        assertThat(DatabaseOutages.isOutage(new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))).isTrue();
        assertThat(DatabaseOutages.isOutage(new PersistenceException("flush failed",
                new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE)))).isTrue();
        assertThat(DatabaseOutages.isOutage(new IllegalStateException("commit failed",
                new org.hibernate.exception.JDBCConnectionException("lost", new SQLException("lost"))))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseOutages.isOutage(new SQLTransientConnectionException("no connection"))).isTrue();
        // Agroal's: no connection came free within the acquisition timeout.
        assertThat(DatabaseOutages.isOutage(new SQLException("Acquisition timeout while waiting for new connection",
                new TimeoutException()))).isTrue();
    }

    @Test
    void a_failure_of_the_request_itself_is_not_an_outage() {
        assertThat(DatabaseOutages.isOutage(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new PSQLException("syntax error", PSQLState.SYNTAX_ERROR))).isFalse();
        assertThat(DatabaseOutages.isOutage(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutages.isOutage(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseOutages.isOutage(null)).isFalse();
    }
}
