package org.muster.notifier.webhooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.contracts.EventJson;
import org.muster.contracts.Topics;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.notifier.Signatures;
import org.muster.notifier.delivery.Delivery;
import org.muster.testing.EventSchemas;
import org.muster.testing.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Twilio's webhooks: signed or refused, never backwards, and replies in every supported language. */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class WebhooksTest {

    private static TopicReader events;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    Lookups lookups;

    @Inject
    StatusCallbacks callbacks;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @BeforeAll
    static void read() {
        events = new TopicReader(Topics.DELIVERY_EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void a_callback_without_a_valid_signature_is_refused_and_changes_nothing() {
        Delivery delivery = delivered("+93700202011");
        String path = "/twilio/messages/" + delivery.id + "/status";
        Map<String, String> failed = Map.of("MessageSid", delivery.providerId, "MessageStatus", "read");

        form(failed).post(path).then().statusCode(403).contentType("application/problem+json");
        form(failed).header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl").post(path).then().statusCode(403);
        // Signed with another token: refused too.
        form(failed).header("X-Twilio-Signature", Signatures.sign("another-token", NotifierStack.baseUrl() + path,
                failed)).post(path).then().statusCode(403);
        // Signed, but over other parameters than those sent.
        form(failed).header("X-Twilio-Signature", sign(path, Map.of("MessageStatus", "read"))).post(path).then()
                .statusCode(403);

        Delivery after = lookups.delivery(delivery.requestId);
        assertThat(after.status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(lookups.history(delivery.id)).hasSize(lookups.history(delivery.id).size())
                .noneMatch(h -> h.status == DeliveryStatus.READ);

        form(failed).header("X-Twilio-Signature", sign(path, failed)).post(path).then().statusCode(204);
        assertThat(lookups.delivery(delivery.requestId).status).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void an_inbound_message_or_a_call_status_without_a_valid_signature_is_refused_and_changes_nothing() {
        String inbound = "/twilio/inbound";
        Map<String, String> message = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", "+93700202099", "To", NotifierStack.SENDER, "Body", "SAFE");
        form(message).post(inbound).then().statusCode(403).contentType("application/problem+json");
        form(message).header("X-Twilio-Signature", Signatures.sign("another-token", NotifierStack.baseUrl() + inbound,
                message)).post(inbound).then().statusCode(403);
        assertThat(lookups.repliesFrom("+93700202099")).isEmpty();

        UUID recipient = UUID.randomUUID();
        DeliveryRequested request = Requests.request(UUID.randomUUID(), recipient, Channel.VOICE, "+93700202098",
                "en", "Leave now.", 0);
        Requests.publish(request);
        Delivery call = await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(request.requestId()),
                d -> d != null && d.status == DeliveryStatus.DELIVERED);
        String status = "/twilio/calls/" + call.id + "/status";
        Map<String, String> busy = Map.of("CallSid", call.providerId, "CallStatus", "busy");
        form(busy).post(status).then().statusCode(403);
        form(busy).header("X-Twilio-Signature", sign(status, Map.of("CallStatus", "busy"))).post(status).then()
                .statusCode(403);
        assertThat(lookups.delivery(request.requestId()).status).isEqualTo(DeliveryStatus.DELIVERED);

        // Signed as Twilio signs it, the same message is taken.
        form(message).header("X-Twilio-Signature", sign(inbound, message)).post(inbound).then().statusCode(200);
        assertThat(lookups.repliesFrom("+93700202099")).singleElement()
                .satisfies(reply -> assertThat(reply.keyword).isEqualTo(ReplyKeyword.SAFE));
    }

    @Test
    void a_late_callback_never_moves_the_status_backwards() {
        Delivery delivery = delivered("+93700202012");
        String path = "/twilio/messages/" + delivery.id + "/status";

        for (String late : List.of("sent", "queued", "undelivered", "failed")) {
            Map<String, String> params = Map.of("MessageSid", delivery.providerId, "MessageStatus", late,
                    "ErrorCode", "30003");
            form(params).header("X-Twilio-Signature", sign(path, params)).post(path).then().statusCode(204);
        }

        Delivery after = lookups.delivery(delivery.requestId);
        assertThat(after.status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(after.errorCode).isNull();
        assertThat(lookups.history(delivery.id)).anyMatch(h -> h.detail.startsWith("ignored"));
    }

    @Test
    void concurrent_callbacks_are_committed_together_and_answered_only_once_committed() throws Exception {
        Delivery blocker = delivered("+93700206011");
        Delivery first = delivered("+93700206012");
        Delivery second = delivered("+93700206013");
        Delivery outOfOrder = delivered("+93700206014");
        Delivery forged = delivered("+93700206015");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        CompletableFuture<HttpResponse<String>> blocked;
        CompletableFuture<HttpResponse<String>> refused;
        try (Connection lock = dataSource.getConnection(); Connection watch = dataSource.getConnection()) {
            // Holds the writer on its first batch, so that what comes next queues up as one batch.
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("SELECT 1 FROM delivery WHERE id = '" + blocker.id + "' FOR UPDATE");
            }
            blocked = postStatus(blocker, "read", true);
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForLocks(watch) > 0);

            answers.add(postStatus(first, "read", true));
            await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.waiting() == 1);
            answers.add(postStatus(second, "read", true));
            await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.waiting() == 2);
            answers.add(postStatus(outOfOrder, "read", true));
            await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.waiting() == 3);
            // Twilio sends callbacks concurrently: "delivered" may come after "read".
            answers.add(postStatus(outOfOrder, "delivered", true));
            await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.waiting() == 4);
            refused = postStatus(forged, "read", false);
            assertThat(refused.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(403);

            assertThat(callbacks.waiting()).isEqualTo(4);
            assertThat(blocked).isNotDone();
            assertThat(answers).noneMatch(CompletableFuture::isDone);
            lock.rollback();
        }

        assertThat(blocked.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        }
        assertThat(metrics.get("muster.notifier.callbacks.batch").summary().max()).isGreaterThanOrEqualTo(4);
        // Answered, therefore committed: no waiting here.
        assertThat(lookups.delivery(blocker.requestId).status).isEqualTo(DeliveryStatus.READ);
        assertThat(lookups.delivery(first.requestId).status).isEqualTo(DeliveryStatus.READ);
        assertThat(lookups.delivery(second.requestId).status).isEqualTo(DeliveryStatus.READ);
        assertThat(lookups.delivery(outOfOrder.requestId).status).isEqualTo(DeliveryStatus.READ);
        assertThat(lookups.history(outOfOrder.id)).extracting(h -> h.status, h -> h.detail)
                .contains(tuple(DeliveryStatus.READ, "provider callback"),
                        tuple(DeliveryStatus.DELIVERED, "ignored: arrived after READ"));
        assertThat(lookups.delivery(forged.requestId).status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(lookups.history(forged.id)).noneMatch(h -> h.status == DeliveryStatus.READ);
    }

    @ParameterizedTest
    @CsvSource({
            "+93700203011, safe, SAFE",
            "+93700203012, Sain et sauf !, SAFE",
            "+93700203013, sicher, SAFE",
            "+93700203014, امن, SAFE",
            "+93700203015, خوندي, SAFE",
            "+93700203016, HELP, HELP",
            "+93700203017, aide, HELP",
            "+93700203018, Hilfe bitte, HELP",
            "+93700203019, کمک, HELP",
            "+93700203021, مرسته, HELP",
            "+93700203022, Arrêt, STOP",
            "+93700203023, توقف, STOP",
            "+93700203024, ودروه, STOP",
            "+93700203025, démarrer, START",
            "+93700203026, پیل, START",
            "+93700203027, We are at the Serena hotel with two children, NONE"})
    void an_inbound_reply_becomes_an_event_for_the_person_the_number_belongs_to(String number, String text,
                                                                                 ReplyKeyword keyword) {
        Delivery delivery = delivered(number);

        NotifierStack.twilio().injectInboundSms(number, NotifierStack.SENDER, text);

        ReplyReceived reply = awaitReply(delivery.recipientId);
        assertThat(reply.keyword()).isEqualTo(keyword);
        assertThat(reply.text()).isEqualTo(text);
        assertThat(reply.from()).isEqualTo(number);
        assertThat(reply.channel()).isEqualTo(Channel.SMS);
        assertThat(reply.campaignId()).isEqualTo(delivery.campaignId);
        assertThat(lookups.repliesFrom(number)).singleElement().extracting(r -> r.text).isEqualTo(text);
    }

    @Test
    void a_reply_from_an_unknown_number_is_kept_for_staff_and_keyed_by_the_number() {
        NotifierStack.twilio().injectInboundSms("+93700204011", NotifierStack.SENDER, "Is the airport open?");

        List<ConsumerRecord<String, String>> records = events.awaitRecords(
                r -> r.stream().anyMatch(e -> "+93700204011".equals(e.key())), Duration.ofSeconds(20));
        ReplyReceived reply = records.stream().filter(e -> "+93700204011".equals(e.key()))
                .map(e -> EventJson.fromJson(e.value(), ReplyReceived.class)).findFirst().orElseThrow();
        assertThat(reply.recipientId()).isNull();
        assertThat(reply.keyword()).isEqualTo(ReplyKeyword.NONE);
    }

    @Test
    void a_digit_pressed_during_the_call_is_a_reply() {
        UUID recipient = UUID.randomUUID();
        DeliveryRequested request = Requests.request(UUID.randomUUID(), recipient, Channel.VOICE, "+93700205011",
                "ps", "همدا اوس کابل پرېږدئ.", 0);
        Requests.publish(request);
        Delivery call = await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(request.requestId()),
                d -> d != null && d.providerId != null);
        String path = "/twilio/calls/" + call.id + "/gather";
        Map<String, String> params = Map.of("CallSid", call.providerId, "Digits", "2");

        form(params).post(path).then().statusCode(403);
        String twiml = form(params).header("X-Twilio-Signature", sign(path, params)).post(path).then()
                .statusCode(200).extract().asString();
        // Twilio may send the same webhook again: one reply.
        form(params).header("X-Twilio-Signature", sign(path, params)).post(path).then().statusCode(200);

        assertThat(twiml).contains("<Say>مننه");
        ReplyReceived reply = awaitReply(recipient);
        assertThat(reply.keyword()).isEqualTo(ReplyKeyword.HELP);
        assertThat(reply.channel()).isEqualTo(Channel.VOICE);
        assertThat(lookups.repliesFrom("+93700205011")).hasSize(1);
    }

    private Delivery delivered(String number) {
        DeliveryRequested request = Requests.sms(number, "Leave now.");
        Requests.publish(request);
        return await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(request.requestId()),
                d -> d != null && d.status == DeliveryStatus.DELIVERED);
    }

    private static ReplyReceived awaitReply(UUID recipient) {
        List<ConsumerRecord<String, String>> records = events.awaitRecords(r -> r.stream().anyMatch(
                e -> recipient.toString().equals(e.key()) && ReplyReceived.TYPE.equals(TopicReader.header(e,
                        "ce_type"))), Duration.ofSeconds(20));
        ConsumerRecord<String, String> record = records.stream()
                .filter(e -> recipient.toString().equals(e.key())
                        && ReplyReceived.TYPE.equals(TopicReader.header(e, "ce_type")))
                .findFirst().orElseThrow();
        assertThat(EventSchemas.errors(ReplyReceived.TYPE, record.value())).isEmpty();
        return EventJson.fromJson(record.value(), ReplyReceived.class);
    }

    /** A status callback as Twilio posts it; {@code signed} false: a signature over other parameters. */
    static CompletableFuture<HttpResponse<String>> postStatus(Delivery delivery, String status, boolean signed) {
        String path = "/twilio/messages/" + delivery.id + "/status";
        Map<String, String> params = Map.of("MessageSid", delivery.providerId, "MessageStatus", status);
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(NotifierStack.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signed ? sign(path, params) : sign(path, Map.of("MessageStatus", status)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long waitingForLocks(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static RequestSpecification form(Map<String, String> params) {
        RequestSpecification spec = RestAssured.given().contentType("application/x-www-form-urlencoded");
        params.forEach(spec::formParam);
        return spec;
    }

    static String sign(String path, Map<String, String> params) {
        return Signatures.sign(NotifierStack.twilio().config().authToken(), NotifierStack.baseUrl() + path, params);
    }
}
