package org.muster.platform.migration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Platform migrations (V0.x) sort before a service's own (V1 on, here the fixture's V1), so a
 * platform migration released later meets databases that already have the service's: the
 * services' configuration must apply it then, not refuse to start.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "platform"))
class PlatformMigrationsTest {

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_platform_migration_released_after_a_services_own_is_applied_out_of_order_at_start() throws SQLException {
        // A database migrated before V0.3 (outbox batch rows) existed: the fixture's V1 applied, 0.3 not.
        execute("DELETE FROM flyway_schema_history WHERE version = '0.3'");
        execute("ALTER TABLE outbox DROP COLUMN events, DROP COLUMN batch");

        // What the service does at start (quarkus.flyway.migrate-at-start), with the same configuration.
        flyway.migrate();

        assertThat(query("SELECT success FROM flyway_schema_history WHERE version = '0.3'")).isEqualTo("t");
        assertThat(query("SELECT max(installed_rank) = (SELECT installed_rank FROM flyway_schema_history WHERE version = '0.3') "
                + "FROM flyway_schema_history")).as("applied after the fixture's V1").isEqualTo("t");
        assertThat(query("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = 'outbox' AND column_name IN ('events', 'batch')")).isEqualTo("2");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
