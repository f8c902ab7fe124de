package org.muster.evacuation.manifest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.evacuation.Fixtures;
import org.muster.testing.MusterStackResource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/** An officer's moves: a household travels together unless the officer says otherwise, and says why. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
@TestSecurity(user = "officer-ines", roles = {"consular-officer", "consular-viewer"})
class ManualChangesTest {

    private static final Instant DEPARTURE = Instant.now().plus(12, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

    @Test
    void a_move_takes_the_household_along_unless_the_officer_splits_it() {
        UUID first = Fixtures.scheduleFlight(Fixtures.flightNumber(), 10, 0, 0, DEPARTURE);
        UUID second = Fixtures.scheduleFlight(Fixtures.flightNumber(), 10, 0, 0, DEPARTURE.plus(2, ChronoUnit.HOURS));
        UUID household = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        UUID son = UUID.randomUUID();
        Fixtures.publish(Fixtures.snapshot(mother, household, "Mariam Haidari", EvacuationStatus.REQUESTED, 1, List.of()));
        Fixtures.publish(Fixtures.snapshot(son, household, "Yusuf Haidari", EvacuationStatus.REQUESTED, 1, List.of()));
        String motherOnFirst = add(first, mother);
        String sonOnFirst = add(first, son);

        // By default the whole household moves: both old entries CANCELLED, both new ones ASSIGNED.
        List<Map<String, Object>> moved = given().contentType(ContentType.JSON)
                .body(Map.of("toFlightId", second.toString(), "reason", "first flight needed for medical cases"))
                .post("/flights/" + first + "/manifest/" + motherOnFirst + "/move").then().statusCode(200)
                .body("$", hasSize(2)).extract().path("$");
        assertThat(moved).extracting(m -> m.get("nationalId")).containsExactlyInAnyOrder(mother.toString(), son.toString());
        assertThat(moved).extracting(m -> (String) m.get("reason"))
                .allSatisfy(r -> assertThat(r).contains("by officer-ines", "first flight needed for medical cases"));
        given().get("/flights/" + first + "/manifest/" + sonOnFirst).then().body("status", is("CANCELLED"));
        given().get("/flights/" + first).then().body("seatsTaken", is(0));
        given().get("/flights/" + second).then().body("seatsTaken", is(2));

        // Split at the officer's word: only the son goes back, and the audit says why.
        String sonOnSecond = moved.stream().filter(m -> son.toString().equals(m.get("nationalId")))
                .map(m -> (String) m.get("id")).findFirst().orElseThrow();
        given().contentType(ContentType.JSON)
                .body(Map.of("toFlightId", first.toString(), "wholeHousehold", false, "reason", "travels with his school"))
                .post("/flights/" + second + "/manifest/" + sonOnSecond + "/move").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].nationalId", is(son.toString()));
        given().get("/flights/" + second).then().body("seatsTaken", is(1));
        given().get("/flights/" + second + "/manifest/audit").then().statusCode(200)
                .body("findAll { it.action == 'MOVED' && it.entryId == '" + sonOnSecond + "' }.detail",
                        hasItem(containsString("travels with his school")));
    }

    private static String add(UUID flight, UUID national) {
        return given().contentType(ContentType.JSON).body(Map.of("nationalId", national.toString(), "reason", "by hand"))
                .post("/flights/" + flight + "/manifest").then().statusCode(201).extract().path("id");
    }
}
