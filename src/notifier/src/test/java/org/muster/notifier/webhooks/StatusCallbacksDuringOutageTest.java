package org.muster.notifier.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.notifier.delivery.Delivery;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TcpGate;
import org.muster.testing.TestStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twilio does not send a status callback or an inbound message again: one that arrives while notifier cannot reach
 * PostgreSQL waits for the database (within Twilio's 15 s) and is answered once stored, not 503 and lost.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = MusterStackResource.SCHEMA_ARG, value = "notifier"),
        @ResourceArg(name = MusterStackResource.DATABASE_ARG, value = "gated")})
class StatusCallbacksDuringOutageTest {


    @Inject
    Lookups lookups;

    @Inject
    MeterRegistry meters;

    @Test
    void a_read_receipt_during_a_database_blip_is_stored_once_the_database_is_back() throws Exception {
        DeliveryRequested request = Requests.sms("+93700718011", "Leave now.");
        Requests.publish(request);
        Delivery delivery = await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(request.requestId()),
                d -> d != null && d.status == DeliveryStatus.DELIVERED);
        double retriesBefore = retries();

        TcpGate database = TestStack.postgresGate();
        CompletableFuture<HttpResponse<String>> answer;
        database.cut();
        try {
            answer = WebhooksTest.postStatus(delivery, "read", true);
            // The callback met the outage and waits: no answer yet.
            await().atMost(Duration.ofSeconds(10)).until(() -> retries() >= retriesBefore + 1);
            assertThat(answer).isNotDone();
        } finally {
            database.restore();
        }

        assertThat(answer.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        assertThat(lookups.delivery(request.requestId()).status).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void a_help_sent_by_sms_during_a_database_blip_is_stored_once_the_database_is_back() throws Exception {
        String from = "+93700718012";
        String path = "/twilio/inbound";
        Map<String, String> params = Map.of("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "From", from, "To", "+15005550006", "Body", "HELP we are at the airport gate");
        double retriesBefore = retries("muster.notifier.replies.retries");

        TcpGate database = TestStack.postgresGate();
        CompletableFuture<HttpResponse<String>> answer;
        database.cut();
        try {
            answer = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(NotifierStack.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", WebhooksTest.sign(path, params))
                    .POST(HttpRequest.BodyPublishers.ofString(params.entrySet().stream()
                            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // The reply met the outage and waits for the database: no answer yet.
            await().atMost(Duration.ofSeconds(10)).until(() -> retries("muster.notifier.replies.retries") >= retriesBefore + 1);
            assertThat(answer).isNotDone();
        } finally {
            database.restore();
        }

        assertThat(answer.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(lookups.repliesFrom(from)).singleElement()
                .satisfies(reply -> assertThat(reply.keyword).isEqualTo(ReplyKeyword.HELP));
    }

    private double retries() {
        return retries("muster.notifier.callbacks.retries");
    }

    private double retries(String name) {
        Counter counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }
}
