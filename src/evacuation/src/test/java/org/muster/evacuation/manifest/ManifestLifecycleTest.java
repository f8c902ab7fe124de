package org.muster.evacuation.manifest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.FlightStatus;
import org.muster.contracts.common.ManifestStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.evacuation.FlightChanged;
import org.muster.contracts.evacuation.FlightDeparted;
import org.muster.contracts.evacuation.ManifestEntryStatusChanged;
import org.muster.contracts.evacuation.PassengerManifested;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.evacuation.Fixtures;
import org.muster.evacuation.Mrzs;
import org.muster.evacuation.export.PaxlstReader;
import org.muster.testing.EventSchemas;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TopicReader;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * A manifest from allocation to departure on the real PostgreSQL and Kafka: preview and commit,
 * changes by hand, confirmation messages, check-in by MRZ, boarding, closing, departure, exports.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "evacuation"))
@TestSecurity(user = "officer-ines", roles = {"consular-officer", "consular-viewer"})
class ManifestLifecycleTest {

    private static final Instant DEPARTURE = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

    @Inject
    EntityManager entityManager;

    record People(UUID anna, UUID baby, UUID ravi, UUID lena, List<UUID> khans) {
    }

    @Test
    void from_allocation_to_departure() throws Exception {
        isolate();
        People p = people();
        String n1 = Fixtures.flightNumber();
        String n2 = Fixtures.flightNumber();
        // 5 seats, 1 held back for crew, 1 for partners: 3 for nationals.
        UUID f1 = Fixtures.scheduleFlight(n1, 5, 1, 1, DEPARTURE);
        UUID f2 = Fixtures.scheduleFlight(n2, 10, 0, 0, DEPARTURE.plus(3, ChronoUnit.HOURS));

        // Preview: explains, writes nothing.
        JsonPath preview = given().post("/allocations/preview").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("householdsPlaced")).isEqualTo(4);
        assertThat(preview.getList("placements.priority")).containsExactly("MEDICAL", "FAMILY_WITH_CHILDREN", "OTHER",
                "OTHER");
        given().get("/flights/" + f1 + "/manifest").then().statusCode(200).body("$", hasSize(0));

        JsonPath committed = given().post("/allocations").then().statusCode(200).extract().jsonPath();
        assertThat(committed.getList("placements.flightNumber")).containsExactly(n1, n1, n2, n1);
        assertThat(committed.getString("placements[2].reason")).contains(n1 + " had 1", "3 needed together");
        assertThat(committed.getInt("peoplePlaced")).isEqualTo(7);
        assertThat(committed.getInt("seatsUsed")).isEqualTo(6);
        given().get("/flights/" + f1).then().body("seatsFree", is(0));
        Map<UUID, UUID> entries = entriesByNational(f1);
        assertThat(entries).containsOnlyKeys(p.ravi(), p.anna(), p.baby(), p.lena());
        given().get("/flights/" + f1 + "/manifest/" + entries.get(p.baby())).then().body("seats", is(0));
        // A second allocation finds nobody waiting.
        given().post("/allocations").then().statusCode(200).body("householdsPlaced", is(0));

        // By hand: Lena moves to the later flight; the seat goes to a Khan taken alone, at the officer's word.
        given().contentType(ContentType.JSON).body(Map.of("toFlightId", f2.toString(), "reason", "travels with friends"))
                .post("/flights/" + f1 + "/manifest/" + entries.get(p.lena()) + "/move").then().statusCode(200)
                .body("[0].flightId", is(f2.toString()));
        UUID khan = p.khans().get(0);
        UUID khanOnF2 = entriesByNational(f2).get(khan);
        given().contentType(ContentType.JSON).body(Map.of("reason", "needed on the first flight"))
                .post("/flights/" + f2 + "/manifest/" + khanOnF2 + "/offload").then().statusCode(200)
                .body("status", is("CANCELLED"));
        given().contentType(ContentType.JSON).body(Map.of("nationalId", khan.toString(), "reason", "interpreter"))
                .post("/flights/" + f1 + "/manifest").then().statusCode(201).body("seats", is(1));
        given().contentType(ContentType.JSON).body(Map.of("nationalId", p.khans().get(1).toString(), "reason", "x"))
                .post("/flights/" + f1 + "/manifest").then().statusCode(409).body("type", containsString("already-manifested"));
        given().contentType(ContentType.JSON).body(Map.of("toFlightId", f1.toString(), "reason", "x"))
                .post("/flights/" + f2 + "/manifest/" + entriesByNational(f2).get(p.khans().get(1)) + "/move")
                .then().statusCode(409).body("type", containsString("flight-full"));
        given().contentType(ContentType.JSON).body(Map.of("nationalId", "not-a-uuid", "reason", "x"))
                .post("/flights/" + f1 + "/manifest").then().statusCode(400).contentType("application/problem+json");
        entries = entriesByNational(f1);

        // Confirmation: each passenger with a contact point gets one message, in their language.
        String point = given().contentType(ContentType.JSON).body(Map.of("name", "Baron Hotel", "place",
                        "Airport Road, Kabul", "instructions", Map.of("en", "Use the north gate.", "fr", "Porte nord.")))
                .post("/assembly-points").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of()).post("/flights/" + f1 + "/confirmations").then().statusCode(409)
                .body("type", containsString("no-assembly-point"));
        Instant reporting = DEPARTURE.minus(3, ChronoUnit.HOURS);
        for (UUID f : List.of(f1, f2)) {
            given().contentType(ContentType.JSON).body(Map.of("assemblyPointId", point, "reportingTime", reporting.toString()))
                    .put("/flights/" + f + "/assembly").then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(Map.of()).post("/flights/" + f1 + "/confirmations").then()
                .statusCode(200).body("confirmed", is(4)).body("messages", is(3))
                .body("unreachable", hasItem(entries.get(p.baby()).toString()));
        UUID lenaOnF2 = entriesByNational(f2).get(p.lena());
        given().contentType(ContentType.JSON).body(Map.of("entryIds", List.of(lenaOnF2.toString())))
                .post("/flights/" + f2 + "/confirmations").then().statusCode(200).body("messages", is(1));
        given().contentType(ContentType.JSON).body(Map.of("entryIds", List.of(UUID.randomUUID().toString())))
                .post("/flights/" + f2 + "/confirmations").then().statusCode(400).body("errors.field", hasItem("entryIds[0]"));
        try (TopicReader reader = new TopicReader(Topics.DELIVERY_REQUESTS)) {
            List<DeliveryRequested> mine = reader.awaitRecords(records -> requests(records, p).size() >= 4, Fixtures.WAIT)
                    .stream().filter(r -> isFor(r, p)).map(r -> {
                        assertThat(EventSchemas.errors(DeliveryRequested.TYPE, r.value())).isEmpty();
                        return EventJson.fromJson(r.value(), DeliveryRequested.class);
                    }).toList();
            assertThat(mine).hasSize(4);
            DeliveryRequested toLena = mine.stream().filter(d -> d.recipientId().equals(p.lena())).findFirst().orElseThrow();
            assertThat(toLena.language()).isEqualTo("fr-FR");
            assertThat(toLena.body()).contains(n2, "Baron Hotel", "Porte nord.", "Présentez-vous");
            DeliveryRequested toAnna = mine.stream().filter(d -> d.recipientId().equals(p.anna())).findFirst().orElseThrow();
            assertThat(toAnna.body()).contains(n1, "KBL", "DOH", "Use the north gate.",
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneOffset.UTC)
                            .format(reporting));
            assertThat(toAnna.priority()).isEqualTo(DeliveryPriority.LEAVE_NOW);
            assertThat(toAnna.campaignId()).isEqualTo(entries.get(p.anna()));
        }

        // The control point.
        transition(f1, "CONFIRMED");
        given().contentType(ContentType.JSON).body(Map.of("mrz", Mrzs.TD3_SPECIMEN))
                .post("/flights/" + f1 + "/check-in").then().statusCode(409).body("type", containsString("check-in-closed"));
        transition(f1, "CHECK_IN_OPEN");
        transition(f2, "CONFIRMED");
        transition(f2, "CHECK_IN_OPEN");
        // Every check digit of the specimen, wrong in turn: refused, naming the one at fault.
        Map<Integer, String> digits = Map.of(9, "document number", 19, "date of birth", 27, "expiry date",
                42, "personal number", 43, "composite");
        digits.forEach((index, field) -> {
            char right = Mrzs.TD3_SPECIMEN.split("\n")[1].charAt(index);
            String wrong = Mrzs.corruptLine2(Mrzs.TD3_SPECIMEN, index, right == '1' ? '2' : '1');
            given().contentType(ContentType.JSON).body(Map.of("mrz", wrong)).post("/flights/" + f1 + "/check-in")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("mrz"))
                    .body("errors.message", hasItem(containsString(field)));
        });
        given().contentType(ContentType.JSON).body(Map.of("mrz", "P<UTO")).post("/flights/" + f1 + "/check-in")
                .then().statusCode(400).body("errors.field", hasItem("mrz"));
        // Anna has no document on record: her name matches, and the scan records her passport.
        given().contentType(ContentType.JSON).body(Map.of("mrz", Mrzs.TD3_SPECIMEN)).post("/flights/" + f1 + "/check-in")
                .then().statusCode(200).body("matchedBy", is("NAME")).body("entry.status", is("CHECKED_IN"))
                .body("entry.document.number", is("L898902C3")).body("entry.document.dateOfBirth", is("1974-08-12"));
        // Scanned again at the other flight's desk: she is on another flight.
        given().contentType(ContentType.JSON).body(Map.of("mrz", Mrzs.TD3_SPECIMEN)).post("/flights/" + f2 + "/check-in")
                .then().statusCode(409).body("type", containsString("passenger-on-another-flight"))
                .body("detail", containsString(n1));
        // Her ID card has another number, and nobody without a document on record has her name: unknown.
        given().contentType(ContentType.JSON).body(Map.of("mrz", Mrzs.TD1_SPECIMEN)).post("/flights/" + f1 + "/check-in")
                .then().statusCode(404).body("type", containsString("passenger-unknown"));
        // Ravi's passport was recorded by an officer beforehand; the scan matches number, birth date and surname.
        given().contentType(ContentType.JSON).body(Map.of("documentNumber", "X1234567", "issuingState", "GBR",
                        "surname", "Shah", "givenNames", "Ravi", "dateOfBirth", "1980-02-29"))
                .put("/flights/" + f1 + "/manifest/" + entries.get(p.ravi()) + "/document").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("documentNumber", "X-1", "issuingState", "gbr",
                        "surname", "", "dateOfBirth", "2999-01-01"))
                .put("/flights/" + f1 + "/manifest/" + entries.get(p.ravi()) + "/document").then().statusCode(400)
                .body("errors.field", hasItems("documentNumber", "issuingState", "surname", "dateOfBirth"));
        String raviPassport = Mrzs.td3("GBR", "SHAH", "RAVI", "X1234567", "800229", 'M', "300101");
        given().contentType(ContentType.JSON).body(Map.of("mrz", raviPassport)).post("/flights/" + f1 + "/check-in")
                .then().statusCode(200).body("matchedBy", is("DOCUMENT")).body("entry.nationalId", is(p.ravi().toString()));
        given().post("/flights/" + f1 + "/check-in/" + entries.get(p.baby())).then().statusCode(200)
                .body("entry.status", is("CHECKED_IN"));

        // Boarding, closing, departure.
        given().post("/flights/" + f1 + "/boarding/" + entries.get(p.anna())).then().statusCode(409)
                .body("type", containsString("not-boarding"));
        transition(f1, "BOARDING");
        for (UUID national : List.of(p.anna(), p.baby(), p.ravi())) {
            given().post("/flights/" + f1 + "/boarding/" + entries.get(national)).then().statusCode(200)
                    .body("status", is("BOARDED"));
        }
        given().post("/flights/" + f1 + "/boarding/" + entries.get(khan)).then().statusCode(409)
                .body("type", containsString("not-checked-in"));
        transition(f1, "CLOSED");
        given().get("/flights/" + f1 + "/manifest/" + entries.get(khan)).then().body("status", is("NO_SHOW"));
        transition(f1, "DEPARTED");

        try (TopicReader reader = new TopicReader(Topics.EVACUATION_MANIFESTS)) {
            List<ConsumerRecord<String, String>> f1Events = reader.awaitRecords(records -> records.stream()
                    .anyMatch(r -> r.key().equals(f1.toString()) && FlightDeparted.TYPE.equals(TopicReader.header(r, "ce_type"))),
                    Fixtures.WAIT).stream().filter(r -> r.key().equals(f1.toString())).toList();
            for (ConsumerRecord<String, String> r : f1Events) {
                assertThat(EventSchemas.errors(TopicReader.header(r, "ce_type"), r.value())).isEmpty();
            }
            assertThat(f1Events.stream().filter(r -> PassengerManifested.TYPE.equals(TopicReader.header(r, "ce_type"))))
                    .hasSize(5);
            List<ManifestEntryStatusChanged> changes = f1Events.stream()
                    .filter(r -> ManifestEntryStatusChanged.TYPE.equals(TopicReader.header(r, "ce_type")))
                    .map(r -> EventJson.fromJson(r.value(), ManifestEntryStatusChanged.class)).toList();
            assertThat(changes).filteredOn(c -> c.nationalId().equals(khan)).extracting(ManifestEntryStatusChanged::status)
                    .containsExactly(ManifestStatus.CONFIRMED, ManifestStatus.NO_SHOW);
            assertThat(changes).filteredOn(c -> c.nationalId().equals(p.anna()))
                    .extracting(ManifestEntryStatusChanged::status)
                    .containsExactly(ManifestStatus.CONFIRMED, ManifestStatus.CHECKED_IN, ManifestStatus.BOARDED);
            FlightDeparted departed = f1Events.stream().filter(r -> FlightDeparted.TYPE.equals(TopicReader.header(r, "ce_type")))
                    .map(r -> EventJson.fromJson(r.value(), FlightDeparted.class)).findFirst().orElseThrow();
            assertThat(departed.passengersBoarded()).isEqualTo(3);
            // The flight's own lifecycle, one for one, as other services see it.
            assertThat(f1Events.stream().filter(r -> FlightChanged.TYPE.equals(TopicReader.header(r, "ce_type")))
                    .map(r -> EventJson.fromJson(r.value(), FlightChanged.class).status()))
                    .containsExactly(FlightStatus.CONFIRMED, FlightStatus.CHECK_IN_OPEN, FlightStatus.BOARDING,
                            FlightStatus.CLOSED, FlightStatus.DEPARTED);
        }
        given().get("/flights/" + f1 + "/manifest/audit").then().statusCode(200)
                .body("action", hasItems("ALLOCATED", "MOVED", "ADDED", "CONFIRMED", "DOCUMENT_RECORDED", "CHECKED_IN",
                        "BOARDED", "NO_SHOW", "FLIGHT_STATUS"))
                .body("actor", hasItem("officer-ines"));

        exports(f1, n1, p);
        // Every change, and every export, is in the audit of the flight it concerns.
        given().get("/flights/" + f1 + "/manifest/audit").then().statusCode(200)
                .body("action", hasItems("FLIGHT_SCHEDULED", "ASSEMBLY_SET", "EXPORTED"))
                .body("detail", hasItems(containsString("CSV"), containsString("PDF"), containsString("PAXLST")));
        given().get("/flights/" + f2 + "/manifest/audit").then().statusCode(200)
                .body("action", hasItems("ALLOCATED", "MOVED", "CANCELLED", "CONFIRMED"));
    }

    @Test
    void an_erased_person_loses_their_seat_and_every_personal_detail() {
        isolate();
        UUID id = UUID.randomUUID();
        Fixtures.publish(Fixtures.snapshot(id, UUID.randomUUID(), "Omid Karimi", EvacuationStatus.REQUESTED, 1, List.of()));
        UUID flight = Fixtures.scheduleFlight(Fixtures.flightNumber(), 10, 0, 0, DEPARTURE);
        given().post("/allocations").then().statusCode(200).body("peoplePlaced", is(1));
        UUID entry = entriesByNational(flight).get(id);

        org.muster.testing.EventProducer.publishTombstone(Topics.REGISTRY_NATIONALS, id.toString(),
                NationalSnapshot.ERASED_TYPE, "registry");
        org.awaitility.Awaitility.await().atMost(Fixtures.WAIT).until(() -> Fixtures.version(id) == -1L);
        given().get("/flights/" + flight + "/manifest/" + entry).then().statusCode(200)
                .body("status", is("CANCELLED")).body("displayName", is((Object) null));
        long details = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_entry WHERE national_id = ?1 AND detail IS NOT NULL")
                .setParameter(1, id).getSingleResult()).longValue());
        assertThat(details).isZero();
    }

    private void exports(UUID flight, String number, People p) throws Exception {
        String csv = given().get("/flights/" + flight + "/exports/manifest.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("national_id"))
                .containsExactlyInAnyOrder(p.anna().toString(), p.baby().toString(), p.ravi().toString());
        assertThat(rows).filteredOn(r -> r.get("national_id").equals(p.anna().toString()))
                .extracting(r -> r.get("document_number")).containsExactly("L898902C3");

        byte[] pdf = given().get("/flights/" + flight + "/exports/manifest.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Passenger manifest " + number, "ERIKSSON, ANNA MARIA", "SHAH, RAVI",
                    "3 passengers, 2 seats");
        }

        String paxlst = given().get("/flights/" + flight + "/exports/paxlst").then().statusCode(200).extract().asString();
        PaxlstReader.Read read = PaxlstReader.read(paxlst);
        assertThat(read.errors()).isEmpty();
        assertThat(read.flightNumber()).isEqualTo(number);
        assertThat(read.passengers()).hasSize(3);
        Map<String, String> anna = read.passengers().stream().filter(m -> "ERIKSSON".equals(m.get("NAD 4.1")))
                .filter(m -> m.containsKey("DOC 2.1")).findFirst().orElseThrow();
        assertThat(anna).containsEntry("NAD 4.2", "ANNA MARIA").containsEntry("ATT 3.1", "F")
                .containsEntry("DOC 2.1", "L898902C3").containsEntry("NAT 2.1", "UTO")
                .containsEntry("DTM 1.2", "740812|120415");
        assertThat(read.passengers()).extracting(m -> m.get("NAD 4.1")).contains("SHAH");
    }

    private void transition(UUID flight, String status) {
        given().contentType(ContentType.JSON).body(Map.of("status", status)).post("/flights/" + flight + "/status")
                .then().statusCode(200).body("status", is(status));
    }

    private static Map<UUID, UUID> entriesByNational(UUID flight) {
        JsonPath manifest = given().get("/flights/" + flight + "/manifest").then().statusCode(200).extract().jsonPath();
        Map<UUID, UUID> entries = new HashMap<>();
        List<Map<String, Object>> rows = manifest.getList("$");
        for (Map<String, Object> row : rows) {
            if (ManifestStatus.valueOf((String) row.get("status")).holdsSeat()
                    || ManifestStatus.valueOf((String) row.get("status")) == ManifestStatus.NO_SHOW) {
                entries.put(UUID.fromString((String) row.get("nationalId")), UUID.fromString((String) row.get("id")));
            }
        }
        return entries;
    }

    private static List<ConsumerRecord<String, String>> requests(List<ConsumerRecord<String, String>> records, People p) {
        return records.stream().filter(r -> isFor(r, p)).toList();
    }

    private static boolean isFor(ConsumerRecord<String, String> r, People p) {
        return List.of(p.anna(), p.ravi(), p.lena(), p.khans().get(0), p.baby()).stream()
                .anyMatch(id -> id.toString().equals(r.key()));
    }

    /**
     * Allocation takes every open flight and everyone waiting: other tests' flights are cancelled
     * and their waiting people forgotten, so that this test sees only its own.
     */
    private void isolate() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("UPDATE flight SET state = 'CANCELLED' "
                    + "WHERE state IN ('PLANNED', 'CONFIRMED', 'CHECK_IN_OPEN')").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM national WHERE evacuation_status = 'REQUESTED'").executeUpdate();
        });
    }

    /**
     * Anna (family with an infant) asked first, the Khans (three) next, Lena (French) after
     * them, Ravi (medical) last.
     */
    private static People people() {
        Instant t = Instant.now();
        UUID eriksson = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        UUID baby = UUID.randomUUID();
        publish(anna, eriksson, "Anna Maria Eriksson", "en", List.of(), t, true);
        publish(baby, eriksson, "Liv Eriksson", "en", List.of(Vulnerability.INFANT), t, false);
        UUID khanHousehold = UUID.randomUUID();
        List<UUID> khans = new ArrayList<>();
        for (String name : List.of("Omar Khan", "Sara Khan", "Ali Khan")) {
            UUID id = UUID.randomUUID();
            khans.add(id);
            publish(id, khanHousehold, name, "en", List.of(), t.plusSeconds(60), true);
        }
        khans.sort(null);
        UUID lena = UUID.randomUUID();
        publish(lena, UUID.randomUUID(), "Lena Dahl", "fr-FR", List.of(), t.plusSeconds(120), true);
        UUID ravi = UUID.randomUUID();
        publish(ravi, UUID.randomUUID(), "Ravi Shah", "en", List.of(Vulnerability.MEDICAL), t.plusSeconds(180), true);
        return new People(anna, baby, ravi, lena, khans);
    }

    private static void publish(UUID id, UUID household, String name, String language, List<Vulnerability> v,
                                Instant requestedAt, boolean reachable) {
        NationalSnapshot s = Fixtures.snapshot(id, household, name, EvacuationStatus.REQUESTED, 1, v);
        Fixtures.publish(new NationalSnapshot(s.nationalId(), s.householdId(), s.nationality(), language, s.location(),
                reachable ? s.contactPoints() : List.of(), s.vulnerabilities(), s.welfareStatus(), s.evacuationStatus(),
                s.displayName(), s.version(), requestedAt));
    }
}
