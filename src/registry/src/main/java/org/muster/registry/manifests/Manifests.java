package org.muster.registry.manifests;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.EventJson;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.contracts.evacuation.ManifestEntryStatusChanged;
import org.muster.contracts.evacuation.PassengerManifested;
import org.muster.platform.inbox.InboxTransactions;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.inbox.ProcessedEvents;

/**
 * Evacuation status from {@code muster.evacuation.manifests}: a seat on a manifest, check-in,
 * a lost seat, a departure. Each event is applied once, however often Kafka delivers it.
 */
@ApplicationScoped
public class Manifests {

    static final String CONSUMER = "registry-manifests";

    @Inject
    ProcessedEvents processed;

    @Inject
    InboxTransactions inbox;

    @Inject
    ManifestChanges changes;

    @Incoming("evacuation-manifests")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!event.isTombstone()) {
            inbox.apply(CONSUMER, () -> apply(event));
        }
    }

    private void apply(IncomingEvent event) {
        if (!processed.firstTime(CONSUMER, event.id())) {
            return;
        }
        switch (event.type()) {
            case PassengerManifested.TYPE -> {
                PassengerManifested p = EventJson.fromJson(event.data(), PassengerManifested.class);
                changes.entryChanged(p.nationalId(), p.flightId(), p.entryId(), p.status(), p.occurredAt());
            }
            case ManifestEntryStatusChanged.TYPE -> {
                ManifestEntryStatusChanged c = EventJson.fromJson(event.data(), ManifestEntryStatusChanged.class);
                changes.entryChanged(c.nationalId(), c.flightId(), c.entryId(), c.status(), c.occurredAt());
            }
            case FlightDeparted.TYPE -> changes.departed(EventJson.fromJson(event.data(), FlightDeparted.class));
            default -> {
                // Flight schedules and changes: nothing the registry keeps.
            }
        }
    }
}
