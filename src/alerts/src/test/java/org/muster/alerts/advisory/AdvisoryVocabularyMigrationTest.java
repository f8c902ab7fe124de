package org.muster.alerts.advisory;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.muster.devstack.postgres.PostgresServer;
import org.muster.testing.TestStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V5 on advisory versions written with the vocabulary before issue #4's: a schema of its own taken
 * to V4 by Flyway, rows in the old values, then the remaining migrations, as a deployed service
 * would run them.
 */
class AdvisoryVocabularyMigrationTest {

    private static final String SCHEMA = "alerts_v5_migration";

    private PostgresServer postgres;

    @BeforeEach
    void dropSchema() throws SQLException {
        postgres = TestStack.postgres();
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @AfterEach
    void cleanUp() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    @Test
    void old_levels_and_actions_are_rewritten_into_issue_fours_vocabulary() throws SQLException {
        flyway("4").migrate();
        // old level, old action -> expected level, expected action
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("NORMAL_PRECAUTIONS/NONE", "EXERCISE_NORMAL_PRECAUTIONS/NONE");
        cases.put("HIGH_CAUTION/MONITOR", "INCREASED_CAUTION/NONE");
        cases.put("AVOID_NON_ESSENTIAL_TRAVEL/SHELTER", "RECONSIDER_TRAVEL/SHELTER_IN_PLACE");
        cases.put("AVOID_ALL_TRAVEL/EVACUATE", "DO_NOT_TRAVEL/LEAVE_IMMEDIATELY");
        cases.put("AVOID_ALL_TRAVEL/AVOID", "DO_NOT_TRAVEL/NONE");
        cases.put("LEAVE_NOW/NONE", "DO_NOT_TRAVEL/LEAVE_IMMEDIATELY");
        cases.put("LEAVE_NOW/EVACUATE", "DO_NOT_TRAVEL/LEAVE_IMMEDIATELY");
        cases.put("LEAVE_NOW/SHELTER", "DO_NOT_TRAVEL/SHELTER_IN_PLACE");
        cases.put("LEAVE_NOW/PREPARE", "DO_NOT_TRAVEL/NONE");
        cases.put("NORMAL_PRECAUTIONS/ALL_CLEAR", "EXERCISE_NORMAL_PRECAUTIONS/NONE");
        UUID advisory = UUID.randomUUID();
        Map<Integer, String> expected = new LinkedHashMap<>();
        try (Connection c = connection()) {
            insertAdvisory(c, advisory, cases.size());
            int version = 1;
            for (Map.Entry<String, String> e : cases.entrySet()) {
                String[] old = e.getKey().split("/");
                insertVersion(c, advisory, version, old[0], old[1]);
                expected.put(version++, e.getValue());
            }
        }

        flyway(null).migrate();

        Map<Integer, String> actual = new LinkedHashMap<>();
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, level, action FROM " + SCHEMA
                     + ".advisory_version ORDER BY version")) {
            while (rs.next()) {
                actual.put(rs.getInt(1), rs.getString(2) + "/" + rs.getString(3));
            }
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                .schemas(SCHEMA)
                .locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static void insertAdvisory(Connection c, UUID id, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SCHEMA + ".advisory"
                + " (id, current_version, state, created_by, created_at, updated_at) VALUES (?, ?, 'ACTIVE', 'officer-ana', now(), now())")) {
            s.setObject(1, id);
            s.setInt(2, version);
            s.executeUpdate();
        }
    }

    private static void insertVersion(Connection c, UUID advisory, int version, String level, String action) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + SCHEMA + ".advisory_version"
                + " (id, advisory_id, version, change, country, level, action, status, regions, effective_at,"
                + " published_by, published_at) VALUES (?, ?, ?, ?, 'AF', ?, ?, 'ACTUAL', '{AF-KAB}', ?, 'officer-ana', ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, advisory);
            s.setInt(3, version);
            s.setString(4, version == 1 ? "ISSUED" : "UPDATED");
            s.setString(5, level);
            s.setString(6, action);
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
