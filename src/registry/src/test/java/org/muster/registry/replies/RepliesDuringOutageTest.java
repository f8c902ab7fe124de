package org.muster.registry.replies;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.registry.Households;
import org.muster.registry.national.National;
import org.muster.testing.EventProducer;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TcpGate;
import org.muster.testing.TestStack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A citizen's HELP that arrives while the registry cannot reach PostgreSQL (a restart, a failover,
 * the network) waits for the database and is applied once it is back: it is not dead-lettered.
 * The service reaches PostgreSQL through a gate the test cuts: open connections are reset, new
 * ones refused.
 */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = MusterStackResource.SCHEMA_ARG, value = "registry"),
        @ResourceArg(name = MusterStackResource.DATABASE_ARG, value = "gated")})
class RepliesDuringOutageTest {

    private static final String PHONE = "+93700123457";

    @Inject
    MeterRegistry meters;

    @Test
    void help_sent_while_the_database_is_away_is_applied_when_it_is_back() {
        List<String> ids = given().contentType(ContentType.JSON)
                .body(Households.kabulFamily("Outage" + UUID.randomUUID().toString().substring(0, 6),
                        Households.passport(), PHONE))
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds");
        UUID registrant = UUID.fromString(ids.get(0));
        double retriesBefore = retries();

        TcpGate database = TestStack.postgresGate();
        database.cut();
        try {
            EventProducer.publish(Topics.DELIVERY_EVENTS, new ReplyReceived(UUID.randomUUID(), registrant,
                    UUID.randomUUID(), Channel.SMS, PHONE, ReplyKeyword.HELP, "HELP", Instant.now()),
                    UUID.randomUUID().toString(), "notifier");
            // The consumer has met the outage, twice: it is waiting, not dead-lettering.
            await().atMost(Duration.ofSeconds(60)).until(() -> retries() >= retriesBefore + 2);
        } finally {
            database.restore();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> welfareOf(ids).stream().allMatch("NEEDS_HELP"::equals));
        assertThat(welfareOf(ids)).containsOnly("NEEDS_HELP");
    }

    private double retries() {
        Counter counter = meters.find("muster.inbox.retries").tag("consumer", Replies.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> welfareOf(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> National.<National>findById(UUID.fromString(id)).welfareStatus.name()).toList());
    }
}
