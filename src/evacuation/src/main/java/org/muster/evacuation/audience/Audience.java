package org.muster.evacuation.audience;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.muster.contracts.EventJson;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.evacuation.manifest.ManifestErasure;
import org.muster.platform.inbox.InboxTransactions;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.inbox.ProcessedEvents;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps evacuation's projection of {@code muster.registry.nationals}: the newest snapshot of each
 * national (by version), and nothing at all of someone registry erased.
 */
@ApplicationScoped
public class Audience {

    static final String CONSUMER = "evacuation-nationals";
    private static final Logger LOG = Logger.getLogger(Audience.class);

    @Inject
    InboxTransactions inbox;

    @Inject
    ProcessedEvents processed;

    @Inject
    ManifestErasure erasure;

    @Incoming("registry-nationals")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // A tombstone, with or without CloudEvents headers: forgetting twice is harmless.
            UUID nationalId = UUID.fromString(record.key());
            inbox.apply(CONSUMER, () -> forget(nationalId));
            return;
        }
        IncomingEvent event = IncomingEvent.of(record);
        if (NationalSnapshot.ERASED_TYPE.equals(event.type())) {
            UUID nationalId = UUID.fromString(record.key());
            inbox.apply(CONSUMER, () -> {
                if (processed.firstTime(CONSUMER, event.id())) {
                    forget(nationalId);
                }
            });
        } else if (NationalSnapshot.TYPE.equals(event.type())) {
            NationalSnapshot snapshot = EventJson.fromJson(event.data(), NationalSnapshot.class);
            inbox.apply(CONSUMER, () -> {
                if (processed.firstTime(CONSUMER, event.id())) {
                    apply(snapshot);
                }
            });
        } else {
            LOG.debugf("ignoring %s on the nationals topic", event.type());
        }
    }

    /** Applies a snapshot unless a newer one is already held. */
    void apply(NationalSnapshot s) {
        National n = National.findById(s.nationalId());
        if (n != null && n.snapshotVersion >= s.version()) {
            return;
        }
        if (n == null) {
            n = new National();
            n.id = s.nationalId();
        }
        n.householdId = s.householdId();
        n.nationality = s.nationality();
        n.preferredLanguage = s.preferredLanguage();
        n.displayName = s.displayName();
        n.vulnerabilities = new java.util.ArrayList<>(s.vulnerabilities().stream().map(Enum::name).toList());
        n.contactPoints = new java.util.ArrayList<>(s.contactPoints());
        n.requestedAt = requestedAt(n.requestedAt, s);
        n.evacuationStatus = s.evacuationStatus();
        n.snapshotVersion = s.version();
        n.updatedAt = Instant.now();
        n.persist();
    }

    /**
     * The time the person asked for a seat. Someone who lost a seat (no-show, offloaded) is back
     * among those waiting with their first request time: they asked long ago and are still here.
     */
    static Instant requestedAt(Instant requestedBefore, NationalSnapshot s) {
        return switch (s.evacuationStatus()) {
            case REQUESTED, MANIFESTED, CHECKED_IN -> requestedBefore != null ? requestedBefore : s.occurredAt();
            case NOT_REQUESTED, DECLINED, EVACUATED -> null;
        };
    }

    private void forget(UUID nationalId) {
        National.deleteById(nationalId);
        erasure.forget(nationalId);
    }
}
