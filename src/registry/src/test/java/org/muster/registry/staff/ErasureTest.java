package org.muster.registry.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.registry.Households;
import org.muster.registry.national.Erasure;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class ErasureTest {

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "admin", roles = {"consular-admin", "consular-officer", "consular-viewer"})
    void erasure_leaves_no_personal_data_and_publishes_a_tombstone() {
        String family = "Erase" + UUID.randomUUID().toString().substring(0, 8);
        String passport = Households.passport();
        String body = Households.kabulFamily(family, passport, "+93700123458");
        String key = UUID.randomUUID().toString();
        List<String> ids = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds");
        String registrant = ids.get(0);
        // The snapshot is relayed, and its row stays in the outbox for the outbox's retention.
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(registrant, "sent_at IS NOT NULL") == 1);

        given().delete("/nationals/" + registrant).then().statusCode(204);

        given().get("/nationals/" + registrant).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM national WHERE id = ?1", registrant)).isZero();
        assertThat(count("SELECT count(*) FROM identity_document WHERE number = ?1", passport)).isZero();
        assertThat(count("SELECT count(*) FROM contact_point WHERE address = ?1", "+93700123458")).isZero();
        assertThat(count("SELECT count(*) FROM welfare_report WHERE national_id = ?1", registrant)).isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE national_id = ?1 AND detail IS NOT NULL",
                registrant)).isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE national_id = ?1 AND action = 'ERASED'",
                registrant)).isEqualTo(1);
        // The rest of the household stays registered.
        assertThat(count("SELECT count(*) FROM national WHERE id = ?1", ids.get(1))).isEqualTo(1);
        // Of the outbox, only the tombstone names the person; the registration's hash, computed
        // over their names and passport, is gone, and a late retry of it registers nobody again.
        assertThat(outboxRows(registrant, "payload IS NOT NULL")).isZero();
        assertThat(outboxRows(registrant, "payload IS NULL")).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT request_hash FROM registration_request WHERE idempotency_key = ?1")
                .setParameter(1, key).getSingleResult())).isEqualTo(Erasure.ERASED_REQUEST);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/public/registrations").then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", endsWith("/registration-withdrawn"));
        assertThat(count("SELECT count(*) FROM identity_document WHERE number = ?1", passport)).isZero();

        try (TopicReader reader = new TopicReader(Topics.REGISTRY_NATIONALS)) {
            ConsumerRecord<String, String> tombstone = reader.awaitRecords(all -> all.stream()
                            .anyMatch(r -> registrant.equals(r.key()) && r.value() == null), Duration.ofSeconds(30))
                    .stream().filter(r -> registrant.equals(r.key()) && r.value() == null).findFirst().orElseThrow();
            assertThat(TopicReader.header(tombstone, "ce_type")).isEqualTo(NationalSnapshot.ERASED_TYPE);
            assertThat(TopicReader.header(tombstone, "content-type")).isNull();
        }
    }

    @Test
    @TestSecurity(user = "officer", roles = {"consular-officer", "consular-viewer"})
    void an_officer_may_not_erase() {
        given().delete("/nationals/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void without_a_token_erasure_answers_401() {
        given().delete("/nationals/" + UUID.randomUUID()).then().statusCode(401);
    }

    private long outboxRows(String key, String condition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM outbox WHERE topic = ?1 AND event_key = ?2 AND " + condition)
                .setParameter(1, Topics.REGISTRY_NATIONALS).setParameter(2, key).getSingleResult()).longValue());
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            query.setParameter(1, parameter.startsWith("+") || parameter.startsWith("P")
                    ? parameter : UUID.fromString(parameter));
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
