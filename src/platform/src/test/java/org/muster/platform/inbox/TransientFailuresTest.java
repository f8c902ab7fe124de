package org.muster.platform.inbox;

import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void a_lost_or_refused_connection_deep_in_the_causes_is_the_database_s() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        var wrapped = new IllegalStateException("commit failed", new RuntimeException("jdbc", refused));
        assertThat(TransientFailures.isTransient(wrapped)).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("password authentication failed", "28P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void the_pool_s_acquisition_timeout_has_no_sqlstate_and_passes() {
        assertThat(TransientFailures.isTransient(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
    }

    @Test
    void what_the_event_caused_is_not_transient() {
        assertThat(TransientFailures.isTransient(new SQLException("value too long for type character varying(64)", "22001"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("unknown region AF-XXX"))).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(new JsonParseException(null, "Unexpected character")))).isFalse();
        assertThat(TransientFailures.isTransient(new IncomingEvent.MalformedEventException("no ce_id"))).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }

    @Test
    void a_cause_that_points_back_at_itself_ends_the_walk() {
        var first = new RuntimeException("first");
        var second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(TransientFailures.isTransient(first)).isFalse();
    }
}
