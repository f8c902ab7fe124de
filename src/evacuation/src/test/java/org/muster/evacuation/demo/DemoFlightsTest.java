package org.muster.evacuation.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** The demo flights of make run: planned like an officer's, and a second start creates nothing. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
@TestSecurity(user = "viewer", roles = "consular-viewer")
class DemoFlightsTest {

    @Inject
    DemoFlights demo;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "muster.demo.seed")
    boolean seed;

    @Test
    void the_demo_flights_and_assembly_point_are_created_once_and_a_restart_duplicates_nothing() {
        // Tests never seed at start: the flights below exist only because this test loads them.
        assertThat(seed).isFalse();
        Instant firstStart = Instant.now();
        long before = count("SELECT count(*) FROM assembly_point WHERE id = ?1", DemoFlights.BARON_HOTEL)
                + DemoFlights.FLIGHTS.stream().mapToLong(d -> count("SELECT count(*) FROM flight WHERE id = ?1", d.id())).sum();
        assertThat(demo.load(firstStart)).isEqualTo(3 - before);
        assertThat(demo.load(firstStart.plus(1, ChronoUnit.DAYS))).isZero();
        assertThat(demo.load(Instant.now())).isZero();

        given().get("/assembly-points/" + DemoFlights.BARON_HOTEL).then().statusCode(200)
                .body("name", is("Baron Hotel"))
                .body("instructions.fa-AF", notNullValue()).body("instructions.ps", notNullValue())
                .body("instructions.en", notNullValue());
        for (DemoFlights.Demo d : DemoFlights.FLIGHTS) {
            given().get("/flights/" + d.id()).then().statusCode(200)
                    .body("flightNumber", is(d.number())).body("origin", is("KBL")).body("destination", is(d.destination()))
                    .body("assemblyPointId", is(DemoFlights.BARON_HOTEL.toString()))
                    .body("seatsFree", is(d.seats() - d.heldBack() - d.quota()));
            // Planned once, by the seed: one FLIGHT_SCHEDULED (written with its FlightScheduled event).
            assertThat(audits(d.id(), "FLIGHT_SCHEDULED")).containsExactly("demo-seed");
            assertThat(audits(d.id(), "ASSEMBLY_SET")).containsExactly("demo-seed");
        }
        assertThat(DemoFlights.FLIGHTS).extracting(DemoFlights.Demo::destination).containsExactly("DOH", "ISB");
        assertThat(count("SELECT count(*) FROM assembly_point WHERE id = ?1", DemoFlights.BARON_HOTEL)).isEqualTo(1);
        given().get("/flights/" + DemoFlights.KBL_DOH).then()
                .body("scheduledDeparture", is(firstStart.truncatedTo(ChronoUnit.HOURS).plus(24, ChronoUnit.HOURS).toString()))
                .body("reportingTime", is(firstStart.truncatedTo(ChronoUnit.HOURS).plus(19, ChronoUnit.HOURS).toString()));
    }

    private List<String> audits(UUID flight, String action) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT actor FROM audit_entry WHERE flight_id = ?1 AND action = ?2", String.class)
                .setParameter(1, flight).setParameter(2, action).getResultList());
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }
}
