package org.muster.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forgets the event ids {@link ProcessedEvents} recorded longer ago than {@code muster.inbox.retention}
 * (30 days): the table would otherwise keep one row per event a service ever consumed. Kafka
 * redelivers what a consumer had not committed, minutes later, not weeks; an older event that
 * comes again (an operator resetting offsets) meets the consumers' own guards (the highest
 * version wins, a status never goes back). Every hour, in chunks, each in a short transaction of
 * its own, so consumers are never held up.
 */
@ApplicationScoped
public class ProcessedEventsRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventsRetention.class);
    private static final int CHUNK = 10_000;
    private static final String FORGET = """
            DELETE FROM processed_event WHERE ctid IN (
                SELECT ctid FROM processed_event WHERE processed_at < now() - make_interval(secs => ?) LIMIT ?)""";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "muster.inbox.retention", defaultValue = "P30D")
    Duration retention;

    @ConfigProperty(name = "muster.inbox.retention-interval", defaultValue = "PT1H")
    Duration interval;

    private ScheduledExecutorService timer;

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "processed-event-retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::forgetQuietly, interval.toSeconds(), interval.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /**
     * Deletes the ids recorded before the retention, a chunk per transaction.
     *
     * @return how many were deleted
     */
    public int forgetOld() throws SQLException {
        int forgotten = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement forget = connection.prepareStatement(FORGET)) {
            connection.setAutoCommit(true);
            forget.setLong(1, retention.toSeconds());
            forget.setInt(2, CHUNK);
            int deleted;
            do {
                deleted = forget.executeUpdate();
                forgotten += deleted;
            } while (deleted == CHUNK);
        }
        return forgotten;
    }

    private void forgetQuietly() {
        try {
            int forgotten = forgetOld();
            if (forgotten > 0) {
                LOG.debugf("forgot %d processed event ids older than %s", forgotten, retention);
            }
        } catch (SQLException | RuntimeException e) {
            // The next round tries again; nothing depends on it succeeding now.
            LOG.warnf("could not forget old processed event ids: %s", e.getMessage());
        }
    }
}
