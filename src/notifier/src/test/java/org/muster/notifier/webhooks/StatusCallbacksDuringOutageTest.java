package org.muster.notifier.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.DeliveryStatus;
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
 * Twilio does not send a status callback again: one that arrives while notifier cannot reach PostgreSQL waits
 * for the database (within Twilio's 15 s) and is answered 204 once stored, not 503 and lost.
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

    private double retries() {
        Counter counter = meters.find("muster.notifier.callbacks.retries").counter();
        return counter == null ? 0 : counter.count();
    }
}
