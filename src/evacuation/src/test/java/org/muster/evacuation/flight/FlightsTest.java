package org.muster.evacuation.flight;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.common.FlightStatus;
import org.muster.contracts.evacuation.FlightChanged;
import org.muster.contracts.evacuation.FlightScheduled;
import org.muster.evacuation.Fixtures;
import org.muster.testing.EventSchemas;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TopicReader;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/** Planning flights and assembly points through the API, with their events. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
@TestSecurity(user = "officer-ines", roles = {"consular-officer", "consular-viewer"})
class FlightsTest {

    private static final Instant DEPARTURE = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void an_officer_plans_a_flight_and_changes_it_and_each_is_published_through_the_outbox() {
        String number = Fixtures.flightNumber();
        UUID id = Fixtures.scheduleFlight(number, 180, 12, 20, DEPARTURE);
        given().get("/flights/" + id).then().statusCode(200)
                .body("status", is("PLANNED"))
                .body("seatsFree", is(148))
                .body("flightNumber", is(number));

        Map<String, Object> changed = new HashMap<>(Fixtures.flight(number, 200, 12, 20, DEPARTURE.plusSeconds(3600)));
        given().contentType(ContentType.JSON).body(changed).put("/flights/" + id).then().statusCode(200)
                .body("seats", is(200)).body("seatsFree", is(168));
        given().contentType(ContentType.JSON).body(Map.of("status", "CONFIRMED")).post("/flights/" + id + "/status")
                .then().statusCode(200).body("status", is("CONFIRMED"));

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            List<ConsumerRecord<String, String>> mine = reader.awaitRecords(records -> records.stream()
                    .filter(r -> r.key().equals(id.toString())).count() >= 3, Fixtures.WAIT).stream()
                    .filter(r -> r.key().equals(id.toString())).toList();
            assertThat(mine).extracting(r -> TopicReader.header(r, "ce_type"))
                    .containsExactly(FlightScheduled.TYPE, FlightChanged.TYPE, FlightChanged.TYPE);
            for (ConsumerRecord<String, String> r : mine) {
                assertThat(EventSchemas.errors(TopicReader.header(r, "ce_type"), r.value())).isEmpty();
            }
            FlightScheduled scheduled = EventJson.fromJson(mine.get(0).value(), FlightScheduled.class);
            assertThat(scheduled.seats()).isEqualTo(168);
            assertThat(scheduled.status()).isEqualTo(FlightStatus.PLANNED);
            FlightChanged last = EventJson.fromJson(mine.get(2).value(), FlightChanged.class);
            assertThat(last.seats()).isEqualTo(188);
            assertThat(last.status()).isEqualTo(FlightStatus.CONFIRMED);
            assertThat(EventJson.fromJson(mine.get(1).value(), FlightChanged.class).status()).isEqualTo(FlightStatus.PLANNED);
            assertThat(last.scheduledDeparture()).isEqualTo(DEPARTURE.plusSeconds(3600));
        }
        given().get("/flights/" + id + "/manifest/audit").then().statusCode(200)
                .body("action", hasItems("FLIGHT_SCHEDULED", "FLIGHT_CHANGED", "FLIGHT_STATUS"))
                .body("actor", hasItem("officer-ines"));
    }

    @Test
    void bad_flights_are_refused_naming_each_field() {
        Map<String, Object> bad = new HashMap<>(Fixtures.flight("QR12345", 10, 8, 5, DEPARTURE));
        bad.put("origin", "kb1");
        bad.remove("aircraftType");
        given().contentType(ContentType.JSON).body(bad).post("/flights").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("flightNumber", "origin", "aircraftType"));

        Map<String, Object> inconsistent = new HashMap<>(Fixtures.flight("QR123", 10, 8, 5, DEPARTURE));
        inconsistent.put("destination", "KBL");
        inconsistent.put("checkInCloses", DEPARTURE.plusSeconds(60).toString());
        given().contentType(ContentType.JSON).body(inconsistent).post("/flights").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("seatsHeldBack", "destination", "checkInCloses"));

        given().contentType(ContentType.JSON).body("{\"carrier\": \"X\", \"seats\": \"many\"}").post("/flights")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/flights/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_lifecycle_refuses_a_jump_and_a_full_flight_cannot_shrink_below_its_passengers() {
        UUID id = Fixtures.scheduleFlight(Fixtures.flightNumber(), 50, 0, 0, DEPARTURE);
        given().contentType(ContentType.JSON).body(Map.of("status", "BOARDING")).post("/flights/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("invalid-transition"));
        given().contentType(ContentType.JSON).body(Map.of("status", "LANDED")).post("/flights/" + id + "/status")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("status", "CANCELLED")).post("/flights/" + id + "/status")
                .then().statusCode(200).body("status", is("CANCELLED"));
        given().contentType(ContentType.JSON).body(Fixtures.flight("QR1", 50, 0, 0, DEPARTURE)).put("/flights/" + id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void assembly_points_carry_instructions_per_language_and_a_flight_gets_one_with_a_reporting_time() {
        String point = given().contentType(ContentType.JSON).body(Map.of("name", "Baron Hotel", "place",
                        "Airport Road, Kabul", "instructions", Map.of("en", "Use the north gate.", "fa-af", "دروازه شمالی")))
                .post("/assembly-points").then().statusCode(201)
                .body("instructions.fa-AF", is("دروازه شمالی")).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "place", "Y", "instructions",
                        Map.of("english!", "text"))).post("/assembly-points").then().statusCode(400)
                .body("errors.field", hasItem("instructions[english!]"));
        given().contentType(ContentType.JSON).body(Map.of("name", "", "place", "Y", "instructions", Map.of()))
                .post("/assembly-points").then().statusCode(400)
                .body("errors.field", hasItems("name", "instructions"));

        UUID flight = Fixtures.scheduleFlight(Fixtures.flightNumber(), 50, 0, 0, DEPARTURE);
        given().contentType(ContentType.JSON).body(Map.of("assemblyPointId", point, "reportingTime",
                        DEPARTURE.minus(4, ChronoUnit.HOURS).toString())).put("/flights/" + flight + "/assembly")
                .then().statusCode(200).body("assemblyPointId", is(point));
        given().contentType(ContentType.JSON).body(Map.of("assemblyPointId", point, "reportingTime",
                        DEPARTURE.plusSeconds(60).toString())).put("/flights/" + flight + "/assembly")
                .then().statusCode(400).body("errors.field", hasItem("reportingTime"));
        given().get("/assembly-points").then().statusCode(200).body("id", hasItem(point));
    }

    @Test
    void who_created_and_changed_an_assembly_point_is_audited_with_the_languages_changed() {
        String point = given().contentType(ContentType.JSON).body(Map.of("name", "Serena Hotel", "place",
                        "Froshgah Street, Kabul", "instructions", Map.of("en", "South gate.", "ps", "سویلی دروازه")))
                .post("/assembly-points").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", "Serena Hotel", "place", "Froshgah Street, Kabul",
                        "instructions", Map.of("en", "North gate, after 18:00.", "ps", "سویلی دروازه", "fr", "Porte nord.")))
                .put("/assembly-points/" + point).then().statusCode(200);

        given().get("/assembly-points/" + point + "/audit").then().statusCode(200)
                .body("action", contains("ASSEMBLY_POINT_CREATED", "ASSEMBLY_POINT_CHANGED"))
                .body("actor", everyItem(is("officer-ines")))
                .body("[0].detail", is("Serena Hotel | Froshgah Street, Kabul | instructions in en, ps"))
                .body("[1].detail", containsString("; instructions changed: en, fr"));
        given().get("/assembly-points/" + UUID.randomUUID() + "/audit").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
