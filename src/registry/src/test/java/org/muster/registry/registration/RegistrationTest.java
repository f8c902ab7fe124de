package org.muster.registry.registration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.registry.Households;
import org.muster.testing.EventSchemas;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TopicReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class RegistrationTest {

    private static ValidatableResponse register(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/public/registrations").then();
    }

    @Test
    void a_household_registers_in_one_request_and_gets_a_reference_and_a_self_service_link() {
        String family = "Rahimi" + UUID.randomUUID().toString().substring(0, 6);
        register(Households.kabulFamily(family), null)
                .statusCode(201)
                .body("reference", matchesPattern("MST-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                .body("nationalIds", hasSize(3))
                .body("selfServiceToken", not(equalTo(null)))
                .body("selfServiceLink", containsString("#"));
    }

    @Test
    void each_person_is_published_as_a_snapshot_that_matches_its_schema_and_carries_no_document_number()
            throws Exception {
        String passport = Households.passport();
        String family = "Karimi" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = register(Households.kabulFamily(family, passport, "+93 70 012 3457"), null)
                .statusCode(201).extract().path("nationalIds");

        try (TopicReader reader = new TopicReader(Topics.REGISTRY_NATIONALS)) {
            List<ConsumerRecord<String, String>> mine = reader.awaitRecords(
                    all -> all.stream().filter(r -> ids.contains(r.key())).count() == 3, Duration.ofSeconds(30))
                    .stream().filter(r -> ids.contains(r.key())).toList();
            for (ConsumerRecord<String, String> record : mine) {
                assertThat(TopicReader.header(record, "ce_type")).isEqualTo(NationalSnapshot.TYPE);
                assertThat(EventSchemas.errors(NationalSnapshot.TYPE, record.value())).isEmpty();
                assertThat(record.value()).doesNotContain(passport);
            }
            NationalSnapshot registrant = mine.stream().map(r -> EventJson.fromJson(r.value(), NationalSnapshot.class))
                    .filter(s -> s.nationalId().toString().equals(ids.get(0))).findFirst().orElseThrow();
            assertThat(registrant.location().region()).isEqualTo("AF-KAB");
            assertThat(registrant.contactPoints()).extracting(NationalSnapshot.ContactPoint::address)
                    .containsExactly("+93700123457", "laila." + family.toLowerCase() + "@example.org");
            assertThat(registrant.preferredLanguage()).isEqualTo("fa-AF");
        }
    }

    @Test
    void a_language_tag_is_kept_in_its_canonical_casing() {
        String family = "Haidari" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = register(Households.kabulFamily(family).replace("\"preferredLanguage\": \"fa-AF\"",
                "\"preferredLanguage\": \"fa-af\""), null).statusCode(201).extract().path("nationalIds");

        try (TopicReader reader = new TopicReader(Topics.REGISTRY_NATIONALS)) {
            ConsumerRecord<String, String> snapshot = reader.awaitRecords(
                    all -> all.stream().anyMatch(r -> ids.get(0).equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> ids.get(0).equals(r.key())).findFirst().orElseThrow();
            assertThat(EventSchemas.errors(NationalSnapshot.TYPE, snapshot.value())).isEmpty();
            assertThat(EventJson.fromJson(snapshot.value(), NationalSnapshot.class).preferredLanguage()).isEqualTo("fa-AF");
        }
    }

    @Test
    void each_household_s_snapshots_continue_the_trace_of_its_own_request_when_households_are_written_together() {
        // Sent at once, so that a writer may take them in one group and one transaction.
        Map<String, List<String>> idsByTrace = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<Void>> sent = java.util.stream.IntStream.range(0, 4).mapToObj(i -> CompletableFuture.runAsync(() -> {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            List<String> ids = given().contentType(ContentType.JSON)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .body(Households.kabulFamily("Azizi" + UUID.randomUUID().toString().substring(0, 6)))
                    .post("/public/registrations").then().statusCode(201).extract().path("nationalIds");
            idsByTrace.put(traceId, ids);
        })).toList();
        sent.forEach(CompletableFuture::join);

        try (TopicReader reader = new TopicReader(Topics.REGISTRY_NATIONALS)) {
            Map<String, String> traceByNational = new HashMap<>();
            reader.awaitRecords(all -> all.stream().map(ConsumerRecord::key).filter(k -> idsByTrace.values().stream()
                    .anyMatch(ids -> ids.contains(k))).distinct().count() == 12, Duration.ofSeconds(30))
                    .forEach(r -> traceByNational.put(r.key(), String.valueOf(TopicReader.header(r, "traceparent"))));
            idsByTrace.forEach((traceId, ids) -> ids.forEach(id -> assertThat(traceByNational.get(id))
                    .as("the snapshot of %s", id)
                    .startsWith("00-" + traceId + "-")
                    .doesNotContain("00f067aa0ba902b7")));
        }
    }

    @Test
    void a_retried_request_with_the_same_idempotency_key_gets_the_first_answer_and_registers_nobody_twice() {
        String key = UUID.randomUUID().toString();
        String body = Households.kabulFamily("Nazari" + UUID.randomUUID().toString().substring(0, 6));
        String reference = register(body, key).statusCode(201).extract().path("reference");
        List<String> ids = register(body, key).statusCode(201).extract().path("nationalIds");

        register(body, key).statusCode(201).body("reference", equalTo(reference)).body("nationalIds", equalTo(ids));
    }

    @Test
    void the_same_idempotency_key_with_another_registration_is_refused() {
        String key = UUID.randomUUID().toString();
        register(Households.kabulFamily("Sadat" + UUID.randomUUID().toString().substring(0, 6)), key).statusCode(201);
        register(Households.kabulFamily("Other" + UUID.randomUUID().toString().substring(0, 6)), key)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://muster.example/problems/idempotency-key-reused"));
    }

    @Test
    void the_same_document_registered_twice_is_refused_without_revealing_the_existing_record() {
        String passport = Households.passport();
        String family = "Hakimi" + UUID.randomUUID().toString().substring(0, 6);
        register(Households.kabulFamily(family, passport, "0700 123 456"), null).statusCode(201);

        String refused = register(Households.kabulFamily("Someone", passport.toLowerCase(), "0700 999 888"), null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo(RegistrationService.DUPLICATE_DETAIL))
                .extract().asString();
        assertThat(refused).doesNotContain(family).doesNotContain("Laila").doesNotContain("MST-");
    }

    @Test
    void the_same_document_sent_from_several_phones_at_once_registers_once_and_every_other_sender_gets_the_duplicate_answer()
            throws Exception {
        String passport = Households.passport();
        List<Callable<ExtractableResponse<Response>>> senders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String body = Households.kabulFamily("Amiri" + UUID.randomUUID().toString().substring(0, 6), passport,
                    "0700 55" + i + " 000");
            senders.add(() -> register(body, UUID.randomUUID().toString()).extract());
        }
        List<ExtractableResponse<Response>> answers = atOnce(senders);

        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() != 201).hasSize(5).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(409);
            assertThat(a.<String>path("type")).isEqualTo("https://muster.example/problems/already-registered");
            assertThat(a.<String>path("detail")).isEqualTo(RegistrationService.DUPLICATE_DETAIL);
        });
    }

    @Test
    void a_request_resent_before_its_first_answer_came_back_gets_the_first_answer() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Households.kabulFamily("Wardak" + UUID.randomUUID().toString().substring(0, 6));
        List<Callable<ExtractableResponse<Response>>> senders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            senders.add(() -> register(body, key).extract());
        }
        List<ExtractableResponse<Response>> answers = atOnce(senders);

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201);
        assertThat(answers).extracting(a -> a.<String>path("reference")).containsOnly(answers.get(0).<String>path("reference"));
        assertThat(answers).extracting(a -> a.<List<String>>path("nationalIds"))
                .containsOnly(answers.get(0).<List<String>>path("nationalIds"));
    }

    /** Sends the requests together, released by one latch, so their transactions overlap. */
    private static <T> List<T> atOnce(List<Callable<T>> senders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> sender : senders) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return sender.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_unknown_region_is_named() {
        register(Households.kabulFamily("X").replace("AF-KAB", "AF-XYZ"), null)
                .statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/location/region"));
    }

    @Test
    void a_region_of_another_country_is_named() {
        register(Households.kabulFamily("X").replace("AF-KAB", "PK-IS"), null)
                .statusCode(400).body("errors.pointer", hasItem("/location/region"))
                .body("errors.message", hasItem(containsString("not a region of AF")));
    }

    @Test
    void a_phone_number_that_is_not_one_is_named() {
        register(Households.kabulFamily("X", Households.passport(), "12"), null)
                .statusCode(400).body("errors.pointer", hasItem("/contacts/0/address"));
    }

    @Test
    void a_document_number_of_spaces_and_hyphens_is_named() {
        // Stored as an empty number, it would make everyone else's "- -" a duplicate document.
        register(Households.kabulFamily("Noori" + UUID.randomUUID().toString().substring(0, 6), "- -", "+93 70 012 3459"), null)
                .statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/registrant/document/number"));
        register(Households.kabulFamily("Noori" + UUID.randomUUID().toString().substring(0, 6), "X " + (System.nanoTime() % 1_000_000) + "-7", "+93 70 012 3459"), null)
                .statusCode(201);
    }

    @Test
    void a_missing_family_name_a_too_long_name_and_a_future_birth_are_each_named() {
        String body = Households.kabulFamily("Y")
                .replace("\"familyName\": \"Y\", \"dateOfBirth\": \"1986-04-12\"",
                        "\"dateOfBirth\": \"2999-04-12\"")
                .replace("\"givenNames\": \"Omid\"", "\"givenNames\": \"" + "O".repeat(101) + "\"");
        register(body, null)
                .statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/registrant/familyName"))
                .body("errors.pointer", hasItem("/registrant/dateOfBirth"))
                .body("errors.pointer", hasItem("/household/0/givenNames"));
    }

    @Test
    void an_impossible_date_is_named() {
        register(Households.kabulFamily("Z").replace("1986-04-12", "1986-02-30"), null)
                .statusCode(400).body("errors[0].pointer", equalTo("/registrant/dateOfBirth"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        register("{\"registrant\": ", null).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void registering_without_consent_is_refused() {
        register(Households.kabulFamily("C").replace("\"given\": true", "\"given\": false"), null)
                .statusCode(400).body("errors.pointer", hasItem("/consent/given"));
    }

    @Test
    void a_refused_registration_writes_nothing() {
        String family = "Nothing" + UUID.randomUUID().toString().substring(0, 6);
        // The registrant and the first member are valid; the contact at the end is not.
        register(Households.kabulFamily(family, Households.passport(), "12"), null).statusCode(400);
        long written = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.muster.registry.national.National.count("familyName", family));
        assertThat(written).isZero();
    }
}
