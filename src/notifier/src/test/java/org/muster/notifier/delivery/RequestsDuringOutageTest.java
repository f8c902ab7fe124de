package org.muster.notifier.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;
import org.muster.testing.MusterStackResource;
import org.muster.testing.TcpGate;
import org.muster.testing.TestStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A "leave now" request that arrives while notifier cannot reach PostgreSQL waits for the database
 * and is sent, once, when it is back; notifier goes on taking requests afterwards without a restart.
 */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = MusterStackResource.SCHEMA_ARG, value = "notifier"),
        @ResourceArg(name = MusterStackResource.DATABASE_ARG, value = "gated")})
class RequestsDuringOutageTest {

    @Inject
    MeterRegistry meters;

    @Test
    void a_request_taken_during_an_outage_is_sent_once_the_database_is_back_and_intake_goes_on() {
        DeliveryRequested during = Requests.sms("+93700717011", "Leave Kabul now. Go to the Baron Hotel.");
        double retriesBefore = retries();

        TcpGate database = TestStack.postgresGate();
        database.cut();
        try {
            Requests.publish(during);
            await().atMost(Duration.ofSeconds(60)).until(() -> retries() >= retriesBefore + 2);
        } finally {
            database.restore();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> NotifierStack.twilio().messagesTo("+93700717011").size() == 1);
        DeliveryRequested after = Requests.sms("+93700717021", "Leave Kabul now. Go to the Baron Hotel.");
        Requests.publish(after);
        await().atMost(Duration.ofSeconds(60)).until(() -> NotifierStack.twilio().messagesTo("+93700717021").size() == 1);
        assertThat(NotifierStack.twilio().messagesTo("+93700717011")).hasSize(1);
    }

    private double retries() {
        Counter counter = meters.find("muster.inbox.retries").tag("consumer", RequestIntake.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }
}
