package org.muster.platform.outbox;

import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes pending outbox rows to Kafka, then marks them sent.
 *
 * <p>A batch is worked in one database transaction: the relay takes the transaction-scoped
 * advisory lock of each slot it can get, reads the pending rows of those slots in id order,
 * sends them, waits for the broker's acknowledgement of every one, and only then marks them
 * sent and commits. So:
 * <ul>
 *   <li>a relay that dies mid-batch marks nothing; the rows are sent again by the next relay
 *       (at least once: consumers drop the duplicates by {@code ce_id});</li>
 *   <li>two relays never work the same slot at once, so no row is published by both at the same
 *       time and the events of one key keep their order;</li>
 *   <li>replicas of a service share the slots between them.</li>
 * </ul>
 * A batch row ({@link Outbox#recordBatch}) is published as its events, in their order, and marked
 * sent as one row.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String LOCK_SLOTS = """
            SELECT coalesce(array_agg(s), '{}') FROM generate_series(0, ?) s
            WHERE s % ? = ? AND pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox'), s)""";
    /**
     * The pending rows of the locked slots in id order, as many as hold about {@code batchSize}
     * events: a batch row counts its events, and the first row is always read, however large.
     */
    private static final String PENDING = """
            SELECT id, event_id, topic, event_key, event_type, subject, payload::text, occurred_at, batch, trace_parent
            FROM (SELECT *, sum(events) OVER (ORDER BY id) AS through
                  FROM (SELECT id, event_id, topic, event_key, event_type, subject, payload, occurred_at, events, batch,
                               trace_parent
                        FROM outbox WHERE sent_at IS NULL AND slot = ANY(?) ORDER BY id LIMIT ?) first_rows) counted
            WHERE through - events < ? ORDER BY id""";
    private static final String MARK_SENT = "UPDATE outbox SET sent_at = now() WHERE id = ANY(?)";
    private static final String MARK_FAILED =
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ANY(?)";
    private static final String PURGE_SENT = "DELETE FROM outbox WHERE sent_at < now() - make_interval(secs => ?)";

    /**
     * How the relay behaves; defaults suit a service under normal load.
     *
     * @param share which slots this relay works: those whose number modulo {@code share.of()} is
     *              {@code share.index()}. Several relays of one service, each with its own share,
     *              overlap one's wait for Kafka with another's reads and writes; a slot still has
     *              one relay at a time, so the order per key holds.
     */
    public record Settings(int batchSize, Duration pollInterval, Duration sendTimeout, Duration retention,
                           Duration backoffAfterFailure, Share share) {
        public Settings(int batchSize, Duration pollInterval, Duration sendTimeout, Duration retention,
                        Duration backoffAfterFailure) {
            this(batchSize, pollInterval, sendTimeout, retention, backoffAfterFailure, Share.ALL);
        }

        public static Settings defaults() {
            return new Settings(500, Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofDays(7),
                    Duration.ofSeconds(1));
        }

        public Settings withShare(Share share) {
            return new Settings(batchSize, pollInterval, sendTimeout, retention, backoffAfterFailure, share);
        }
    }

    /** The slots {@code s} with {@code s % of == index}. */
    public record Share(int index, int of) {
        public static final Share ALL = new Share(0, 1);

        public Share {
            if (of < 1 || of > OutboxSlots.COUNT || index < 0 || index >= of) {
                throw new IllegalArgumentException("share " + index + " of " + of + " (at most " + OutboxSlots.COUNT + ")");
            }
        }
    }

    private final DataSource dataSource;
    private final OutboxPublisher publisher;
    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread worker;
    private long lastPurgeNanos = System.nanoTime();

    public OutboxRelay(DataSource dataSource, OutboxPublisher publisher, Settings settings) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.settings = settings;
    }

    /** Starts publishing in the background until {@link #stop()}. */
    public synchronized void start(String name) {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the background loop; a batch in flight is finished or rolled back first. */
    public synchronized void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(settings.sendTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    /** Tells the relay that new rows were committed, so it need not wait for its next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                int published = publishBatch();
                purgeOldRowsNowAndThen();
                if (published < settings.batchSize()) {
                    waitForWork(settings.pollInterval());
                }
            } catch (Exception e) {
                LOG.warnf(e, "Outbox relay could not publish; retrying in %s", settings.backoffAfterFailure());
                waitForWork(settings.backoffAfterFailure());
            }
        }
    }

    private void waitForWork(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!woken && running && nanos > 0) {
                nanos = wakeUp.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes one batch of pending rows of the slots this relay can lock.
     *
     * @return how many events were published and marked sent
     */
    public int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<OutboxRecord> batch = readPending(connection, lockSlots(connection));
                if (batch.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                List<Long> ids = send(batch, connection);
                try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
                    update.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                    update.executeUpdate();
                }
                connection.commit();
                return batch.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Array lockSlots(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK_SLOTS)) {
            statement.setInt(1, OutboxSlots.COUNT - 1);
            statement.setInt(2, settings.share().of());
            statement.setInt(3, settings.share().index());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getArray(1);
            }
        }
    }

    private List<OutboxRecord> readPending(Connection connection, Array slots) throws SQLException {
        List<OutboxRecord> batch = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PENDING)) {
            statement.setArray(1, slots);
            statement.setInt(2, settings.batchSize());
            statement.setInt(3, settings.batchSize());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String events = rs.getString(9);
                    if (events != null) {
                        batch.addAll(OutboxBatch.read(rs.getLong(1), rs.getString(3), rs.getTimestamp(8).toInstant(), events,
                                rs.getString(10)));
                    } else {
                        batch.add(new OutboxRecord(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getTimestamp(8).toInstant(), rs.getString(10)));
                    }
                }
            }
        }
        return batch;
    }

    /** Sends the batch in order and waits for every acknowledgement; any failure fails all. */
    private List<Long> send(List<OutboxRecord> batch, Connection connection) throws SQLException {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxRecord event : batch) {
            acks.add(publisher.publish(event));
        }
        publisher.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing outbox events", e);
        } catch (ExecutionException | TimeoutException e) {
            recordFailure(batch, e);
            throw new IllegalStateException("outbox events were not acknowledged by Kafka", e);
        }
        return batch.stream().map(OutboxRecord::id).distinct().toList();
    }

    /** Notes the failure on the rows in a transaction of its own, so it survives the rollback. */
    private void recordFailure(List<OutboxRecord> batch, Exception error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            connection.setAutoCommit(true);
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            update.setString(1, String.valueOf(cause));
            update.setArray(2, connection.createArrayOf("bigint", batch.stream().map(OutboxRecord::id).distinct().toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            LOG.debug("could not record the outbox failure", e);
        }
    }

    private void purgeOldRowsNowAndThen() throws SQLException {
        if (System.nanoTime() - lastPurgeNanos < Duration.ofMinutes(10).toNanos()) {
            return;
        }
        lastPurgeNanos = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(PURGE_SENT)) {
            connection.setAutoCommit(true);
            delete.setLong(1, settings.retention().toSeconds());
            int purged = delete.executeUpdate();
            if (purged > 0) {
                LOG.debugf("purged %d relayed outbox rows", purged);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
