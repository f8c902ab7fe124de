package org.muster.alerts.audience;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.EventJson;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.platform.inbox.InboxTransactions;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.inbox.ProcessedEvents;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps alerts' audience projection in step with {@code muster.registry.nationals}: a snapshot
 * replaces the person's row unless the row already holds a newer version; a tombstone (null
 * value, with or without CloudEvents headers) deletes the person. Each event applies once.
 */
@ApplicationScoped
public class AudienceProjection {

    static final String CONSUMER = "alerts-audience";

    @Inject
    InboxTransactions inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    ProcessedEvents processed;

    @Incoming("registry-nationals")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            // Erasure: forget the person, whatever the headers say. Deleting twice is harmless.
            UUID nationalId = UUID.fromString(record.key());
            inbox.apply(CONSUMER, () -> erase(nationalId));
            return;
        }
        IncomingEvent event = IncomingEvent.of(record);
        if (!NationalSnapshot.TYPE.equals(event.type())) {
            return;
        }
        NationalSnapshot snapshot = EventJson.fromJson(event.data(), NationalSnapshot.class);
        inbox.apply(CONSUMER, () -> {
            if (processed.firstTime(CONSUMER, event.id())) {
                apply(snapshot);
            }
        });
    }

    void erase(UUID nationalId) {
        entityManager.createNativeQuery("DELETE FROM audience_member WHERE national_id = ?1")
                .setParameter(1, nationalId).executeUpdate();
        // The campaigns' copies too (name, contact points): a campaign still fanning out no longer
        // requests the person, and progress no longer lists them. Their counts and delivery statuses
        // (ids and region only) stay. One primary-key probe per campaign, no index of its own.
        entityManager.createNativeQuery("DELETE FROM campaign_recipient r USING campaign c "
                        + "WHERE r.campaign_id = c.id AND r.national_id = ?1")
                .setParameter(1, nationalId).executeUpdate();
    }

    void apply(NationalSnapshot s) {
        entityManager.createNativeQuery("""
                        INSERT INTO audience_member (national_id, household_id, nationality, preferred_language, country,
                            region, city, vulnerabilities, welfare_status, evacuation_status, display_name, contacts,
                            version, projected_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, string_to_array(?8, ','), ?9, ?10, ?11, CAST(?12 AS jsonb), ?13, ?14)
                        ON CONFLICT (national_id) DO UPDATE SET household_id = EXCLUDED.household_id,
                            nationality = EXCLUDED.nationality, preferred_language = EXCLUDED.preferred_language,
                            country = EXCLUDED.country, region = EXCLUDED.region, city = EXCLUDED.city,
                            vulnerabilities = EXCLUDED.vulnerabilities, welfare_status = EXCLUDED.welfare_status,
                            evacuation_status = EXCLUDED.evacuation_status, display_name = EXCLUDED.display_name,
                            contacts = EXCLUDED.contacts, version = EXCLUDED.version, projected_at = EXCLUDED.projected_at
                        WHERE audience_member.version < EXCLUDED.version
                        """)
                .setParameter(1, s.nationalId())
                .setParameter(2, s.householdId())
                .setParameter(3, s.nationality())
                .setParameter(4, s.preferredLanguage())
                .setParameter(5, s.location() == null ? null : s.location().country())
                .setParameter(6, s.location() == null ? null : s.location().region())
                .setParameter(7, s.location() == null ? null : s.location().city())
                .setParameter(8, s.vulnerabilities().stream().map(Enum::name).collect(Collectors.joining(",")))
                .setParameter(9, s.welfareStatus().name())
                .setParameter(10, s.evacuationStatus().name())
                .setParameter(11, s.displayName())
                .setParameter(12, EventJson.toJson(s.contactPoints()))
                .setParameter(13, s.version())
                .setParameter(14, Instant.now())
                .executeUpdate();
    }
}
