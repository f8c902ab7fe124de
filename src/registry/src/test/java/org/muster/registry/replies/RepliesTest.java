package org.muster.registry.replies;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.muster.contracts.Topics;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.registry.Households;
import org.muster.registry.national.National;
import org.muster.testing.EventProducer;
import org.muster.testing.MusterStackResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replies that notifier publishes change welfare and opt-outs, once per event. */
@QuarkusTest
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class RepliesTest {

    @Inject
    EntityManager entityManager;

    private static final String PHONE = "+93700123456";

    @Test
    void help_from_the_registrant_marks_the_household_as_needing_help_once_however_often_it_comes() {
        List<String> ids = register();
        UUID registrant = UUID.fromString(ids.get(0));
        String eventId = UUID.randomUUID().toString();
        ReplyReceived help = reply(registrant, ReplyKeyword.HELP);

        publish(help, eventId);
        publish(help, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> welfareOf(ids).stream().allMatch("NEEDS_HELP"::equals));
        // A later event of the same key (so the same partition) is consumed after the duplicate:
        // once it is recorded, the duplicate has been seen too, and skipped.
        String later = UUID.randomUUID().toString();
        publish(reply(registrant, ReplyKeyword.NONE), later);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(later));
        assertThat(reports(registrant)).isEqualTo(1);
    }

    @Test
    void safe_from_the_registrant_marks_the_household_safe_and_a_later_help_overrides_it() {
        List<String> ids = register();
        UUID registrant = UUID.fromString(ids.get(0));

        publish(reply(registrant, ReplyKeyword.SAFE), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> welfareOf(ids).stream().allMatch("SAFE"::equals));

        publish(reply(registrant, ReplyKeyword.HELP), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> welfareOf(ids).stream().allMatch("NEEDS_HELP"::equals));
        assertThat(reports(registrant)).isEqualTo(2);
    }

    @Test
    void stop_opts_out_the_number_it_came_from_and_start_opts_it_back_in() {
        List<String> ids = register();
        UUID registrant = UUID.fromString(ids.get(0));

        publish(reply(registrant, ReplyKeyword.STOP), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> optedOut(registrant));

        publish(reply(registrant, ReplyKeyword.START), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> !optedOut(registrant));
    }

    private static List<String> register() {
        return given().contentType(ContentType.JSON)
                .body(Households.kabulFamily("Reply" + UUID.randomUUID().toString().substring(0, 6),
                        Households.passport(), PHONE))
                .post("/public/registrations").then().statusCode(201).extract().path("nationalIds");
    }

    private static ReplyReceived reply(UUID recipient, ReplyKeyword keyword) {
        return new ReplyReceived(UUID.randomUUID(), recipient, UUID.randomUUID(), Channel.SMS, PHONE, keyword,
                keyword.name(), Instant.now());
    }

    private static void publish(ReplyReceived reply, String eventId) {
        EventProducer.publish(Topics.DELIVERY_EVENTS, reply, eventId, "notifier");
    }

    private List<String> welfareOf(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ids.stream()
                .map(id -> National.<National>findById(UUID.fromString(id)).welfareStatus.name()).toList());
    }

    private boolean optedOut(UUID registrant) {
        return QuarkusTransaction.requiringNew().call(() -> National.<National>findById(registrant).contactPoints
                .stream().filter(c -> c.channel == Channel.SMS).allMatch(c -> c.optedOut));
    }

    private long reports(UUID national) {
        return count("SELECT count(*) FROM welfare_report WHERE national_id = ?1", national);
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'registry-replies' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1);
    }

    private long count(String sql, UUID parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            if (parameter != null) {
                query.setParameter(1, parameter);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
