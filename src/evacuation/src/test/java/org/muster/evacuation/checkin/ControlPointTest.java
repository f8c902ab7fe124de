package org.muster.evacuation.checkin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.evacuation.Fixtures;
import org.muster.evacuation.Mrzs;
import org.muster.platform.mrz.Mrz;
import org.muster.platform.mrz.MrzResult;
import org.muster.testing.MusterStackResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * The control point on the real PostgreSQL: check-in by ID card (TD1), and boarding at the gate by
 * the same scan, with a clear answer for each passenger who may not board.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
@TestSecurity(user = "officer-ines", roles = {"consular-officer", "consular-viewer"})
class ControlPointTest {

    private static final Instant DEPARTURE = Instant.now().plus(8, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

    /** Surnames of this run only: a scan matches by name across every flight. */
    private static String surname() {
        Random random = new Random();
        StringBuilder s = new StringBuilder("TEST");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        return s.toString();
    }

    @Test
    void an_id_card_checks_in_and_every_check_digit_of_the_td1_specimen_is_verified() {
        String surname = surname();
        UUID flight = openFlight();
        UUID entry = addPassenger(flight, "Nadia " + surname);

        // The ICAO TD1 specimen with each check digit wrong in turn: refused, naming the digit at fault.
        Map<int[], String> digits = Map.of(new int[] {0, 14}, "document number", new int[] {1, 6}, "date of birth",
                new int[] {1, 14}, "expiry date", new int[] {1, 29}, "composite");
        digits.forEach((at, field) -> given().contentType(ContentType.JSON)
                .body(Map.of("mrz", Mrzs.corrupt(Mrzs.TD1_SPECIMEN, at[0], at[1])))
                .post("/flights/" + flight + "/check-in").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("mrz"))
                .body("errors.message", hasItem(containsString(field))));

        String card = Mrzs.td1("GBR", surname, "NADIA", "ID4471902", "900312", 'F', "310101");
        assertThat(Mrz.parse(card)).isInstanceOf(MrzResult.Valid.class);
        given().contentType(ContentType.JSON).body(Map.of("mrz", card)).post("/flights/" + flight + "/check-in")
                .then().statusCode(200).body("matchedBy", is("NAME")).body("entry.id", is(entry.toString()))
                .body("entry.status", is("CHECKED_IN")).body("entry.document.type", is("I"))
                .body("entry.document.number", is("ID4471902")).body("entry.document.dateOfBirth", is("1990-03-12"));
        // The same card again: already checked in, by the document now on record.
        given().contentType(ContentType.JSON).body(Map.of("mrz", card)).post("/flights/" + flight + "/check-in")
                .then().statusCode(200).body("matchedBy", is("DOCUMENT")).body("entry.status", is("CHECKED_IN"));
    }

    @Test
    void boarding_by_scan_answers_clearly_for_each_passenger_who_may_not_board() {
        String s1 = surname();
        String s2 = surname();
        String s3 = surname();
        String s4 = surname();
        UUID gate = openFlight();
        UUID other = openFlight();
        String otherNumber = given().get("/flights/" + other).then().extract().path("flightNumber");
        UUID nadia = addPassenger(gate, "Nadia " + s1);
        UUID farid = addPassenger(gate, "Farid " + s2);
        UUID omar = addPassenger(gate, "Omar " + s3);
        UUID zahra = addPassenger(other, "Zahra " + s4);

        String nadiaCard = Mrzs.td1("GBR", s1, "NADIA", "ID5512033", "880704", 'F', "300630");
        String faridPassport = Mrzs.td3("GBR", s2, "FARID", "P7730114", "750101", 'M', "290909");
        String omarPassport = Mrzs.td3("GBR", s3, "OMAR", "P2208871", "010515", 'M', "320101");
        String zahraPassport = Mrzs.td3("GBR", s4, "ZAHRA", "P9901276", "991231", 'F', "300101");
        String stranger = Mrzs.td3("GBR", surname(), "NOBODY", "P0000042", "700101", 'M', "300101");

        given().contentType(ContentType.JSON).body(Map.of("mrz", nadiaCard)).post("/flights/" + gate + "/check-in")
                .then().statusCode(200);
        given().post("/flights/" + gate + "/check-in/" + farid).then().statusCode(200);
        given().post("/flights/" + other + "/check-in/" + zahra).then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("mrz", nadiaCard)).post("/flights/" + gate + "/boarding")
                .then().statusCode(409).body("type", containsString("not-boarding"));
        transition(gate, "BOARDING");

        // A wrong check digit, a stranger, someone not checked in, someone on another flight.
        given().contentType(ContentType.JSON).body(Map.of("mrz", Mrzs.corrupt(faridPassport, 1, 19)))
                .post("/flights/" + gate + "/boarding").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("mrz")).body("errors.message", hasItem(containsString("date of birth")));
        given().contentType(ContentType.JSON).body(Map.of("mrz", stranger)).post("/flights/" + gate + "/boarding")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", containsString("passenger-unknown"));
        given().contentType(ContentType.JSON).body(Map.of("mrz", omarPassport)).post("/flights/" + gate + "/boarding")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("not-checked-in")).body("detail", containsString("check the passenger in first"));
        given().get("/flights/" + gate + "/manifest/" + omar).then().body("status", is("ASSIGNED"))
                .body("document", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("mrz", zahraPassport)).post("/flights/" + gate + "/boarding")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("passenger-on-another-flight")).body("detail", containsString(otherNumber));
        given().get("/flights/" + other + "/manifest/" + zahra).then().body("status", is("CHECKED_IN"));

        // Nadia by the card on record; Farid, checked in without a document, by name: his passport is recorded.
        given().contentType(ContentType.JSON).body(Map.of("mrz", nadiaCard)).post("/flights/" + gate + "/boarding")
                .then().statusCode(200).body("matchedBy", is("DOCUMENT")).body("entry.id", is(nadia.toString()))
                .body("entry.status", is("BOARDED"));
        given().contentType(ContentType.JSON).body(Map.of("mrz", nadiaCard)).post("/flights/" + gate + "/boarding")
                .then().statusCode(200).body("entry.status", is("BOARDED"));
        given().contentType(ContentType.JSON).body(Map.of("mrz", faridPassport)).post("/flights/" + gate + "/boarding")
                .then().statusCode(200).body("matchedBy", is("NAME")).body("entry.id", is(farid.toString()))
                .body("entry.status", is("BOARDED")).body("entry.document.number", is("P7730114"));
        given().contentType(ContentType.JSON).body(Map.of("mrz", "")).post("/flights/" + gate + "/boarding")
                .then().statusCode(400).body("errors.field", hasItem("mrz"));

        JsonPath audit = given().get("/flights/" + gate + "/manifest/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> boarded = audit.<Map<String, Object>>getList("$").stream()
                .filter(a -> "BOARDED".equals(a.get("action"))).toList();
        assertThat(boarded).extracting(a -> a.get("entryId")).containsExactlyInAnyOrder(nadia.toString(), farid.toString());
        assertThat(boarded).extracting(a -> (String) a.get("detail"))
                .allSatisfy(d -> assertThat(d).contains("at the gate"))
                .anySatisfy(d -> assertThat(d).contains("document recorded"));
        assertThat(boarded).extracting(a -> a.get("actor")).containsOnly("officer-ines");
    }

    @Test
    void offloading_and_cancelling_give_seats_back_and_each_change_is_audited() {
        UUID flight = openFlight();
        UUID checkedIn = addPassenger(flight, "Soraya " + surname());
        UUID assigned = addPassenger(flight, "Jamil " + surname());
        UUID offloaded = addPassenger(flight, "Wahid " + surname());
        given().post("/flights/" + flight + "/check-in/" + checkedIn).then().statusCode(200);
        given().post("/flights/" + flight + "/check-in/" + offloaded).then().statusCode(200);
        given().get("/flights/" + flight).then().body("seatsTaken", is(3));

        // Taken off after check-in: OFFLOADED, with the officer's reason.
        given().contentType(ContentType.JSON).body(Map.of("reason", "refused the security check"))
                .post("/flights/" + flight + "/manifest/" + offloaded + "/offload").then().statusCode(200)
                .body("status", is("OFFLOADED"));
        given().get("/flights/" + flight).then().body("seatsTaken", is(2));

        transition(flight, "CANCELLED");
        given().get("/flights/" + flight + "/manifest/" + assigned).then().body("status", is("CANCELLED"));
        given().get("/flights/" + flight + "/manifest/" + checkedIn).then().body("status", is("OFFLOADED"));
        given().get("/flights/" + flight).then().body("seatsTaken", is(0)).body("status", is("CANCELLED"));
        given().post("/flights/" + flight + "/check-in/" + assigned).then().statusCode(409)
                .body("type", containsString("check-in-closed"));

        JsonPath audit = given().get("/flights/" + flight + "/manifest/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = audit.getList("$");
        assertThat(rows).filteredOn(a -> offloaded.toString().equals(a.get("entryId")) && "OFFLOADED".equals(a.get("action")))
                .extracting(a -> (String) a.get("detail")).containsExactly("CHECKED_IN -> OFFLOADED: refused the security check");
        assertThat(rows).filteredOn(a -> assigned.toString().equals(a.get("entryId")))
                .extracting(a -> a.get("action")).containsExactly("ADDED", "CANCELLED");
        assertThat(rows).filteredOn(a -> checkedIn.toString().equals(a.get("entryId")))
                .extracting(a -> a.get("action")).containsExactly("ADDED", "CHECKED_IN", "OFFLOADED");
        assertThat(rows).extracting(a -> a.get("action")).contains("FLIGHT_SCHEDULED", "FLIGHT_STATUS");
    }

    /** A flight with check-in open. */
    private static UUID openFlight() {
        UUID flight = Fixtures.scheduleFlight(Fixtures.flightNumber(), 20, 0, 0, DEPARTURE);
        transition(flight, "CONFIRMED");
        transition(flight, "CHECK_IN_OPEN");
        return flight;
    }

    /** A national put on the flight by hand; returns the entry id. */
    private static UUID addPassenger(UUID flight, String name) {
        UUID id = UUID.randomUUID();
        Fixtures.publish(Fixtures.snapshot(id, UUID.randomUUID(), name, EvacuationStatus.NOT_REQUESTED, 1, List.of()));
        return UUID.fromString(given().contentType(ContentType.JSON)
                .body(Map.of("nationalId", id.toString(), "reason", "control point test"))
                .post("/flights/" + flight + "/manifest").then().statusCode(201).extract().path("id"));
    }

    private static void transition(UUID flight, String status) {
        given().contentType(ContentType.JSON).body(Map.of("status", status)).post("/flights/" + flight + "/status")
                .then().statusCode(200).body("status", is(status));
    }
}
