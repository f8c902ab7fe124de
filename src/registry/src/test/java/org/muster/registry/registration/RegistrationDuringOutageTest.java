package org.muster.registry.registration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.muster.registry.Households;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TcpGate;
import org.muster.testing.TestStack;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the registry cannot reach PostgreSQL (a restart, a failover, the network), a citizen's
 * registration and a staff search answer 503 with Retry-After, not 500; the registration retried
 * with its Idempotency-Key once the database is back is recorded once. The service reaches
 * PostgreSQL through a gate the test cuts: open connections are reset, new ones refused.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = MusterStackResource.SCHEMA_ARG, value = "registry"),
        @ResourceArg(name = MusterStackResource.DATABASE_ARG, value = "gated")})
class RegistrationDuringOutageTest {

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "viewer", roles = "consular-viewer")
    void while_the_database_is_away_requests_answer_503_with_retry_after_and_a_retried_registration_is_recorded_once() {
        String passport = Households.passport();
        String family = "Outage" + UUID.randomUUID().toString().substring(0, 6);
        String body = Households.kabulFamily(family, passport, "+93700123458");
        String key = UUID.randomUUID().toString();

        TcpGate database = TestStack.postgresGate();
        database.cut();
        try {
            Response refused = register(body, key);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.jsonPath().getString("type")).endsWith("database-unavailable");
            assertThat(refused.asString()).doesNotContain("PSQLException").doesNotContain("127.0.0.1");

            Response search = given().queryParam("q", family).get("/nationals");
            assertThat(search.statusCode()).isEqualTo(503);
            assertThat(search.header("Retry-After")).isEqualTo("5");
        } finally {
            database.restore();
        }

        // As a client told 503 would: retry with the same key until it is recorded.
        Response recorded = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> register(body, key), r -> r.statusCode() == 201);
        List<String> ids = recorded.jsonPath().getList("nationalIds");
        assertThat(ids).hasSize(3);
        assertThat(register(body, key).jsonPath().getList("nationalIds", String.class)).isEqualTo(ids);
        long households = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(DISTINCT household_id) FROM national WHERE family_name = ?1")
                .setParameter(1, family).getSingleResult())).longValue();
        assertThat(households).isEqualTo(1);
    }

    private static Response register(String body, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/public/registrations");
    }
}
