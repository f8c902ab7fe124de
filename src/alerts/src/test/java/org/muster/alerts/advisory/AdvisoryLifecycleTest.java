package org.muster.alerts.advisory;

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
import org.muster.alerts.AdvisoryFixtures;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.AdvisoryPublished;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.testing.EventSchemas;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "alerts"))
class AdvisoryLifecycleTest {

    @Inject
    EntityManager entityManager;

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void dari_and_pashto_survive_the_api_the_database_and_the_event() {
        String id = given().contentType(ContentType.JSON).body(AdvisoryFixtures.leaveImmediately())
                .post("/advisories").then().statusCode(201)
                .body("version", equalTo(1))
                .body("texts.'fa-AF'.headline", equalTo(AdvisoryFixtures.DARI_HEADLINE))
                .extract().path("id");

        given().get("/advisories/" + id).then().statusCode(200)
                .body("texts.'fa-AF'.body", equalTo(AdvisoryFixtures.DARI_BODY))
                .body("texts.ps.headline", equalTo(AdvisoryFixtures.PASHTO_HEADLINE))
                .body("texts.ps.body", equalTo(AdvisoryFixtures.PASHTO_BODY))
                .body("regions", equalTo(List.of("AF-KAB", "AF-BAL")))
                .body("areas", hasSize(2));

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "SELECT t.headline FROM advisory_text t JOIN advisory_version v ON v.id = t.version_id "
                                + "WHERE v.advisory_id = ?1 AND t.language = 'ps'")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(stored).isEqualTo(AdvisoryFixtures.PASHTO_HEADLINE);

        AdvisoryPublished event = awaitEvent(id, 1);
        // The outbox keeps payloads as jsonb, which does not keep key order: the languages, not their order.
        assertThat(event.texts().keySet()).containsExactlyInAnyOrder("en", "fr", "de", "fa-AF", "ps");
        assertThat(event.texts().get("fa-AF").headline()).isEqualTo(AdvisoryFixtures.DARI_HEADLINE);
        assertThat(event.texts().get("fa-AF").body()).isEqualTo(AdvisoryFixtures.DARI_BODY);
        assertThat(event.texts().get("ps").body()).isEqualTo(AdvisoryFixtures.PASHTO_BODY);
        assertThat(event.regions()).containsExactly("AF-KAB", "AF-BAL");
        assertThat(event.level()).isEqualTo(AdvisoryLevel.DO_NOT_TRAVEL);
        assertThat(event.action()).isEqualTo(AdvisoryAction.LEAVE_IMMEDIATELY);
    }

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void every_change_is_a_new_version_kept_and_published() {
        Map<String, Object> body = AdvisoryFixtures.leaveImmediately();
        String id = given().contentType(ContentType.JSON).body(body).post("/advisories").then().statusCode(201)
                .extract().path("id");

        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "regions", List.of("AF-KAB")))
                .put("/advisories/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("change", equalTo("UPDATED"));
        given().post("/advisories/" + id + "/cancel").then().statusCode(200)
                .body("version", equalTo(3)).body("state", equalTo("CANCELLED")).body("expiresAt", notNullValue());

        given().get("/advisories/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2, 3)))
                .body("change", equalTo(List.of("ISSUED", "UPDATED", "CANCELLED")));
        given().get("/advisories/" + id + "/versions/1").then().statusCode(200)
                .body("regions", equalTo(List.of("AF-KAB", "AF-BAL")));
        // A cancelled advisory no longer changes, and is not current any more.
        given().contentType(ContentType.JSON).body(body).put("/advisories/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        given().get("/advisories").then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));

        assertThat(awaitEvent(id, 2).regions()).containsExactly("AF-KAB");
        AdvisoryPublished cancelled = awaitEvent(id, 3);
        assertThat(cancelled.expiresAt()).isNotNull();
    }

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void superseding_ends_the_old_advisory_and_issues_one_that_names_it() {
        Map<String, Object> body = AdvisoryFixtures.leaveImmediately();
        String old = given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(
                        AdvisoryFixtures.with(body, "level", "RECONSIDER_TRAVEL"), "action", "NONE"))
                .post("/advisories").then().statusCode(201).extract().path("id");

        String replacement = given().contentType(ContentType.JSON).body(body)
                .post("/advisories/" + old + "/supersede").then().statusCode(201)
                .body("supersedes", equalTo(old)).body("version", equalTo(1)).extract().path("id");

        given().get("/advisories/" + old).then().statusCode(200)
                .body("state", equalTo("SUPERSEDED")).body("supersededBy", equalTo(replacement))
                .body("version", equalTo(2))
                .body("level", equalTo("RECONSIDER_TRAVEL")).body("action", equalTo("NONE"));
        given().get("/advisories").then().statusCode(200)
                .body("id", hasItem(replacement)).body("id", org.hamcrest.Matchers.not(hasItem(old)));
        assertThat(awaitEvent(replacement, 1).supersedes()).isEqualTo(UUID.fromString(old));
        assertThat(awaitEvent(old, 2).expiresAt()).isNotNull();
    }

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void bad_input_answers_400_naming_the_field_and_writes_nothing() {
        Map<String, Object> body = AdvisoryFixtures.leaveImmediately();
        long before = count();
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "regions", List.of("AF-KAB", "AF-XXX")))
                .post("/advisories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("regions[1]"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "regions", List.of("FR-75")))
                .post("/advisories").then().statusCode(400).body("errors.field", hasItem("regions[0]"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "texts",
                        Map.of("not a language", Map.of("headline", "x", "body", "y"))))
                .post("/advisories").then().statusCode(400).body("errors.field", hasItem("texts[not a language]"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "level", null))
                .post("/advisories").then().statusCode(400).body("errors.field", hasItem("level"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "level", "PANIC"))
                .post("/advisories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("level"));
        // The vocabulary before issue #4's is unknown now.
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "level", "LEAVE_NOW"))
                .post("/advisories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("level"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "action", "EVACUATE"))
                .post("/advisories").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("action"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "action", null))
                .post("/advisories").then().statusCode(400).body("errors.field", hasItem("action"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "expiresAt", "2001-01-01T00:00:00Z"))
                .post("/advisories").then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "areas", List.of(Map.of("description", "open",
                        "polygon", List.of(Map.of("latitude", 1, "longitude", 1), Map.of("latitude", 2, "longitude", 1),
                                Map.of("latitude", 2, "longitude", 2), Map.of("latitude", 1, "longitude", 2))))))
                .post("/advisories").then().statusCode(400).body("errors.field", hasItem("areas[0]"));
        given().contentType(ContentType.JSON).body(AdvisoryFixtures.with(body, "texts", Map.of("en",
                        Map.of("headline", "", "body", "y"))))
                .post("/advisories").then().statusCode(400).body("errors.field", hasItem("texts[en].headline"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @TestSecurity(user = "officer-ana", roles = {"consular-officer", "consular-viewer"})
    void an_unknown_advisory_is_404() {
        given().get("/advisories/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().post("/advisories/" + UUID.randomUUID() + "/cancel").then().statusCode(404);
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM advisory_version").getSingleResult()).longValue());
    }

    static AdvisoryPublished awaitEvent(String advisoryId, int version) {
        try (TopicReader reader = new TopicReader(Topics.ALERTS_ADVISORIES)) {
            ConsumerRecord<String, String> record = reader.awaitRecords(all -> all.stream().anyMatch(r -> matches(r, advisoryId, version)),
                    Duration.ofSeconds(30)).stream().filter(r -> matches(r, advisoryId, version)).findFirst().orElseThrow();
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo(AdvisoryPublished.TYPE);
            assertThat(EventSchemas.errors(AdvisoryPublished.TYPE, record.value())).isEmpty();
            return EventJson.fromJson(record.value(), AdvisoryPublished.class);
        }
    }

    private static boolean matches(ConsumerRecord<String, String> r, String advisoryId, int version) {
        return advisoryId.equals(r.key()) && r.value() != null
                && EventJson.fromJson(r.value(), AdvisoryPublished.class).version() == version;
    }
}
