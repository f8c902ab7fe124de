package org.muster.evacuation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.testing.MusterStackResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/**
 * Every endpoint that takes a body, sent bad input: a 400 problem+json naming each field at
 * fault, and nothing written (the flight, its manifest and its audit stay as they were).
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
@TestSecurity(user = "officer-ines", roles = {"consular-officer", "consular-viewer"})
class BadInputTest {

    private static final Instant DEPARTURE = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_written() {
        String number = Fixtures.flightNumber();
        UUID flight = Fixtures.scheduleFlight(number, 20, 2, 3, DEPARTURE);
        UUID national = UUID.randomUUID();
        Fixtures.publish(Fixtures.snapshot(national, UUID.randomUUID(), "Parisa Noori", EvacuationStatus.REQUESTED, 1,
                List.of()));
        String entry = given().contentType(ContentType.JSON)
                .body(Map.of("nationalId", national.toString(), "reason", "bad input test"))
                .post("/flights/" + flight + "/manifest").then().statusCode(201).extract().path("id");
        String f = "/flights/" + flight;
        String e = f + "/manifest/" + entry;

        // The flight itself.
        Map<String, Object> flightBody = new HashMap<>(Fixtures.flight(number, 20, 2, 3, DEPARTURE));
        flightBody.put("seats", "many");
        refused("PUT", f, flightBody, "seats");
        refused("POST", "/flights", flightBody, "seats");
        flightBody.put("seats", 0);
        flightBody.put("scheduledDeparture", "tomorrow");
        refused("PUT", f, flightBody, "scheduledDeparture");
        Map<String, Object> lowered = new HashMap<>(Fixtures.flight(number, 20, 2, 3, DEPARTURE));
        lowered.put("seatsHeldBack", -1);
        lowered.put("partnerQuota", 1001);
        refused("PUT", f, lowered, "seatsHeldBack", "partnerQuota");
        refused("POST", f + "/status", Map.of(), "status");
        refused("POST", f + "/status", Map.of("status", "LANDED"), "status");
        refused("PUT", f + "/assembly", Map.of(), "assemblyPointId", "reportingTime");
        refused("PUT", f + "/assembly", Map.of("assemblyPointId", UUID.randomUUID().toString(),
                "reportingTime", DEPARTURE.minus(3, ChronoUnit.HOURS).toString()), "assemblyPointId");
        refused("PUT", f + "/assembly", Map.of("assemblyPointId", "here",
                "reportingTime", DEPARTURE.minus(3, ChronoUnit.HOURS).toString()), "assemblyPointId");
        refused("PUT", f + "/assembly", Map.of("assemblyPointId", UUID.randomUUID().toString(), "reportingTime", "soon"),
                "reportingTime");

        // The manifest by hand.
        refused("POST", f + "/manifest", Map.of(), "nationalId", "reason");
        refused("POST", f + "/manifest", Map.of("nationalId", UUID.randomUUID().toString(), "reason", "x"), "nationalId");
        refused("POST", e + "/move", Map.of(), "toFlightId", "reason");
        refused("POST", e + "/move", Map.of("toFlightId", flight.toString(), "reason", "x"), "toFlightId");
        refused("POST", e + "/move", Map.of("toFlightId", UUID.randomUUID().toString(), "reason", "x"), "toFlightId");
        refused("POST", e + "/move", Map.of("toFlightId", flight.toString(), "wholeHousehold", "perhaps", "reason", "x"),
                "wholeHousehold");
        refused("POST", e + "/offload", Map.of("reason", " "), "reason");
        refused("POST", e + "/offload", Map.of("reason", "x".repeat(501)), "reason");
        refused("PUT", e + "/document", Map.of("documentNumber", "X1234567", "documentType", "passport",
                "issuingState", "GBR", "surname", "Noori", "dateOfBirth", "2999-01-01"), "documentType", "dateOfBirth");
        refused("PUT", e + "/document", Map.of("documentNumber", "X1234567", "issuingState", "GBR", "surname", "Noori",
                "dateOfBirth", "1990-13-01"), "dateOfBirth");

        // Confirmation and the control point.
        refused("POST", f + "/confirmations", Map.of("entryIds", List.of("not-an-id")), "entryIds[0]");
        refused("POST", f + "/check-in", Map.of(), "mrz");
        refused("POST", f + "/boarding", Map.of("mrz", " "), "mrz");

        // Assembly points.
        refused("POST", "/assembly-points", Map.of("name", "Gate", "place", "x".repeat(501),
                "instructions", Map.of("en", "")), "place", "instructions[en]");
        String point = given().contentType(ContentType.JSON).body(Map.of("name", "Serena Hotel", "place", "Froshgah Street",
                "instructions", Map.of("en", "North gate."))).post("/assembly-points").then().statusCode(201)
                .extract().path("id");
        refused("PUT", "/assembly-points/" + point, Map.of("name", "", "place", "Froshgah Street",
                "instructions", Map.of("xx-!!", "text")), "name");
        given().get("/assembly-points/" + point).then().body("name", is("Serena Hotel"));

        // Nothing was written.
        given().get(f).then().statusCode(200).body("seats", is(20)).body("seatsHeldBack", is(2))
                .body("partnerQuota", is(3)).body("status", is("PLANNED")).body("assemblyPointId", is((Object) null))
                .body("version", is(0));
        given().get(e).then().statusCode(200).body("status", is("ASSIGNED")).body("document", is((Object) null))
                .body("version", is(0));
        List<String> actions = given().get(f + "/manifest/audit").then().statusCode(200).extract().path("action");
        assertThat(actions).containsExactly("FLIGHT_SCHEDULED", "ADDED");
    }

    private static void refused(String method, String path, Object body, String... fields) {
        var request = given().contentType(ContentType.JSON).body(body);
        var response = "PUT".equals(method) ? request.put(path) : request.post(path);
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", fields.length == 1 ? hasItem(fields[0]) : hasItems(fields));
    }
}
