package org.muster.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the outbox relay for the lifetime of the service. */
@ApplicationScoped
public class OutboxRelayService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** Off only where a test drives relays by hand. */
    @ConfigProperty(name = "muster.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "muster.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "muster.outbox.poll-interval", defaultValue = "PT0.25S")
    Duration pollInterval;

    @ConfigProperty(name = "muster.outbox.retention", defaultValue = "P7D")
    Duration retention;

    /**
     * Relays working side by side, each on its share of the slots: while one waits for Kafka's
     * acknowledgements another reads and marks its rows. A fan-out of 100,000 requests needs more
     * than one; most services do not.
     */
    @ConfigProperty(name = "muster.outbox.relay.workers", defaultValue = "1")
    int workers;

    private volatile List<OutboxRelay> relays = List.of();
    private OutboxPublisher publisher;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("muster.outbox.pending", this, OutboxRelayService::pendingCount)
                .description("Outbox events not yet acknowledged by Kafka")
                .register(meters);
        if (enabled) {
            publisher = KafkaOutboxPublisher.create(bootstrapServers, source(), Map.of());
            OutboxRelay.Settings settings = new OutboxRelay.Settings(batchSize, pollInterval, Duration.ofSeconds(30),
                    retention, Duration.ofSeconds(1));
            List<OutboxRelay> started = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                OutboxRelay relay = new OutboxRelay(dataSource, publisher,
                        settings.withShare(new OutboxRelay.Share(i, workers)));
                relay.start(workers == 1 ? "outbox-relay" : "outbox-relay-" + i);
                started.add(relay);
            }
            relays = List.copyOf(started);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        List<OutboxRelay> running = relays;
        if (!running.isEmpty()) {
            running.forEach(OutboxRelay::stop);
            publisher.close();
        }
    }

    /** The CloudEvents source of this service's events. */
    public String source() {
        return "/muster/" + serviceName;
    }

    public void wake() {
        relays.forEach(OutboxRelay::wake);
    }

    private double pendingCount() {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(events), 0) FROM outbox WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
