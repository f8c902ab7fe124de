package org.muster.notifier.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muster.notifier.NotifierStack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's every-second queries read the delivery table only through its partial indexes:
 * with sequential scans switched off, PostgreSQL still plans one when no index applies, so a
 * query that cannot use them (a bound state, an IN list) shows up as {@code Seq Scan}.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class HousekeepingQueriesTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {Deliveries.WAITING_STEPS, Deliveries.QUEUE_DEPTH})
    void reads_deliveries_through_a_partial_index(String query) throws Exception {
        String plan = plan(query);

        assertThat(plan).doesNotContain("Seq Scan").contains("Index");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT channel, count(*) FROM delivery WHERE dispatch IN ('READY', 'IN_FLIGHT') GROUP BY channel",
            "SELECT * FROM delivery WHERE dispatch = CAST(current_setting('application_name') AS text) ORDER BY created_at"})
    void the_check_tells_a_query_that_reads_every_delivery(String query) throws Exception {
        assertThat(plan(query)).contains("Seq Scan on delivery");
    }

    private String plan(String query) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                s.execute("RESET enable_seqscan");
            }
        }
        return plan.toString();
    }
}
