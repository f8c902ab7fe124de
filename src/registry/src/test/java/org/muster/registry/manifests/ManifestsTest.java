package org.muster.registry.manifests;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.ManifestStatus;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.contracts.evacuation.ManifestEntryStatusChanged;
import org.muster.contracts.evacuation.PassengerManifested;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.registry.Households;
import org.muster.registry.national.National;
import org.muster.testing.EventProducer;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TopicReader;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What evacuation publishes on the manifests moves a national's evacuation status, once per event. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class ManifestsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Test
    void a_passenger_goes_from_manifested_to_checked_in_to_evacuated_and_the_snapshot_follows() {
        UUID national = registerAndRequest();
        UUID household = household(national);
        UUID flight = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        Instant t0 = Instant.now();

        publish(new PassengerManifested(flight, entry, national, household, "GB", ManifestStatus.ASSIGNED, 1, t0));
        await().atMost(WAIT).until(() -> statusOf(national) == EvacuationStatus.MANIFESTED);

        publish(new ManifestEntryStatusChanged(flight, entry, national, household, "GB", ManifestStatus.CHECKED_IN, 1,
                t0.plusSeconds(60)));
        publish(new ManifestEntryStatusChanged(flight, entry, national, household, "GB", ManifestStatus.BOARDED, 1,
                t0.plusSeconds(120)));
        publish(new FlightDeparted(flight, t0.plusSeconds(600), 1, t0.plusSeconds(600)));
        await().atMost(WAIT).until(() -> statusOf(national) == EvacuationStatus.EVACUATED);

        try (TopicReader reader = new TopicReader(Topics.REGISTRY_NATIONALS)) {
            reader.awaitRecords(records -> records.stream()
                    .filter(r -> r.key().equals(national.toString()) && r.value() != null)
                    .map(r -> EventJson.fromJson(r.value(), NationalSnapshot.class))
                    .anyMatch(s -> s.evacuationStatus() == EvacuationStatus.EVACUATED), WAIT);
        }
    }

    @Test
    void a_late_cancellation_of_an_old_flight_does_not_undo_a_seat_on_a_new_one_and_a_redelivery_counts_once() {
        UUID national = registerAndRequest();
        UUID household = household(national);
        UUID oldFlight = UUID.randomUUID();
        UUID newFlight = UUID.randomUUID();
        UUID oldEntry = UUID.randomUUID();
        Instant t0 = Instant.now();

        publish(new PassengerManifested(oldFlight, oldEntry, national, household, "GB", ManifestStatus.ASSIGNED, 1, t0));
        String moveId = UUID.randomUUID().toString();
        PassengerManifested move = new PassengerManifested(newFlight, UUID.randomUUID(), national, household, "GB",
                ManifestStatus.ASSIGNED, 1, t0.plusSeconds(30));
        EventProducer.publish(Topics.EVACUATION_MANIFESTS, move, moveId, "evacuation");
        EventProducer.publish(Topics.EVACUATION_MANIFESTS, move, moveId, "evacuation");
        // Read after the move although it happened before it: must change nothing.
        String lateCancel = UUID.randomUUID().toString();
        EventProducer.publish(Topics.EVACUATION_MANIFESTS, new ManifestEntryStatusChanged(oldFlight, oldEntry, national,
                household, "GB", ManifestStatus.CANCELLED, 1, t0.plusSeconds(20)), lateCancel, "evacuation");

        await().atMost(WAIT).until(() -> processed(lateCancel) && processed(moveId));
        assertThat(statusOf(national)).isEqualTo(EvacuationStatus.MANIFESTED);
        assertThat(flightOf(national)).isEqualTo(newFlight);
        assertThat(changesAudited(national)).isEqualTo(1);
    }

    @Test
    void an_offloaded_passenger_waits_for_a_seat_again() {
        UUID national = registerAndRequest();
        UUID household = household(national);
        UUID flight = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        Instant t0 = Instant.now();
        publish(new PassengerManifested(flight, entry, national, household, "GB", ManifestStatus.CONFIRMED, 1, t0));
        await().atMost(WAIT).until(() -> statusOf(national) == EvacuationStatus.MANIFESTED);

        publish(new ManifestEntryStatusChanged(flight, entry, national, household, "GB", ManifestStatus.OFFLOADED, 1,
                t0.plusSeconds(5)));
        await().atMost(WAIT).until(() -> statusOf(national) == EvacuationStatus.REQUESTED);
    }

    private static void publish(org.muster.contracts.EventPayload event) {
        EventProducer.publish(Topics.EVACUATION_MANIFESTS, event, UUID.randomUUID().toString(), "evacuation");
    }

    private static UUID registerAndRequest() {
        var registered = given().contentType(ContentType.JSON)
                .body(Households.kabulFamily("Manifest" + UUID.randomUUID().toString().substring(0, 6)))
                .post("/public/registrations").then().statusCode(201).extract();
        given().header("X-Self-Service-Token", registered.<String>path("selfServiceToken"))
                .post("/public/self/evacuation-request").then().statusCode(200);
        return UUID.fromString(registered.path("nationalIds[0]"));
    }

    private UUID household(UUID national) {
        return QuarkusTransaction.requiringNew().call(() -> National.<National>findById(national).householdId);
    }

    private EvacuationStatus statusOf(UUID national) {
        return QuarkusTransaction.requiringNew().call(() -> National.<National>findById(national).evacuationStatus);
    }

    private UUID flightOf(UUID national) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "SELECT flight_id FROM manifest_placement WHERE national_id = ?1", UUID.class)
                .setParameter(1, national).getSingleResult());
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'registry-manifests' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1);
    }

    private long changesAudited(UUID national) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM audit_entry WHERE national_id = ?1 AND actor = 'evacuation'")
                .setParameter(1, national).getSingleResult()).longValue());
    }
}
