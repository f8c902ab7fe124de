package org.muster.evacuation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import org.muster.contracts.Topics;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.common.WelfareStatus;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.evacuation.audience.National;
import org.muster.testing.EventProducer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Test data: flights through the API, nationals through registry's topic. */
public final class Fixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger FLIGHT_NUMBERS = new AtomicInteger((int) (System.nanoTime() % 5000));

    private Fixtures() {
    }

    public static String flightNumber() {
        return "QR" + (1000 + FLIGHT_NUMBERS.incrementAndGet() % 9000);
    }

    public static Map<String, Object> flight(String number, int seats, int heldBack, int quota, Instant departure) {
        return Map.of("carrier", "Qatar Airways", "flightNumber", number, "aircraftType", "C-17A",
                "seats", seats, "seatsHeldBack", heldBack, "partnerQuota", quota, "origin", "KBL",
                "destination", "DOH", "scheduledDeparture", departure.toString(),
                "checkInCloses", departure.minus(1, ChronoUnit.HOURS).toString());
    }

    /** Plans a flight as an officer would (the caller must run as an officer) and returns its id. */
    public static UUID scheduleFlight(String number, int seats, int heldBack, int quota, Instant departure) {
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(flight(number, seats, heldBack, quota, departure))
                .post("/flights").then().statusCode(201).extract().path("id"));
    }

    public static NationalSnapshot snapshot(UUID id, UUID household, String name, EvacuationStatus status, long version,
                                            List<Vulnerability> vulnerabilities) {
        return new NationalSnapshot(id, household, "GB", "en", new NationalSnapshot.Location("AF", "AF-KAB", "Kabul"),
                List.of(new NationalSnapshot.ContactPoint(Channel.SMS, "+447700900" + String.format("%03d",
                        Math.abs(id.hashCode()) % 1000), true, false, 1)),
                vulnerabilities, WelfareStatus.SAFE, status, name, version, Instant.now());
    }

    /** Publishes a snapshot as registry does and waits until the projection holds that version. */
    public static void publish(NationalSnapshot snapshot) {
        EventProducer.publish(Topics.REGISTRY_NATIONALS, snapshot, UUID.randomUUID().toString(), "registry");
        await().atMost(WAIT).until(() -> version(snapshot.nationalId()) >= snapshot.version());
    }

    public static long version(UUID nationalId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            National n = National.findById(nationalId);
            return n == null ? -1L : n.snapshotVersion;
        });
    }
}
