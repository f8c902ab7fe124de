package org.muster.devstack.twilio;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.muster.devstack.twilio.SandboxAccounts.ACCOUNT_SID;
import static org.muster.devstack.twilio.SandboxAccounts.AUTH_TOKEN;
import static org.muster.devstack.twilio.SandboxAccounts.SENDER;
import static org.muster.devstack.twilio.SandboxAccounts.SERVICE_SID;

/** Status callbacks for messages and calls: signed, in order, ending as the recipient's number says. */
class TwilioSandboxCallbacksTest {

    private static final String STATUS = "/twilio/status";
    private static final String RECIPIENT = "+93700111222";
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final RequestValidator validator = new RequestValidator(AUTH_TOKEN);
    private WebhookReceiver app;
    private TwilioSandbox sandbox;
    private TwilioRestClient client;

    @BeforeEach
    void start() throws IOException {
        app = new WebhookReceiver();
        sandbox = new TwilioSandbox(SandboxAccounts.config().build()).start();
        client = SandboxAccounts.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        app.close();
    }

    @Test
    void status_callbacks_arrive_signed_so_that_twilio_request_validator_accepts_them() {
        Message message = sendThroughService(RECIPIENT);

        await().atMost(PATIENCE).until(() -> app.receivedAt(STATUS).size() == 3);
        assertThat(app.receivedAt(STATUS)).allSatisfy(callback -> {
            assertThat(callback.signature()).isNotBlank();
            assertThat(validator.validate(callback.url(), callback.params(), callback.signature())).isTrue();
            assertThat(callback.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(callback.params())
                    .containsEntry("MessageSid", message.getSid())
                    .containsEntry("SmsSid", message.getSid())
                    .containsEntry("AccountSid", ACCOUNT_SID)
                    .containsEntry("MessagingServiceSid", SERVICE_SID)
                    .containsEntry("To", RECIPIENT)
                    .containsEntry("From", SENDER)
                    .containsEntry("ApiVersion", "2010-04-01");
            assertThat(callback.param("SmsStatus")).isEqualTo(callback.param("MessageStatus"));
        });
    }

    @Test
    void a_tampered_parameter_or_another_auth_token_fails_validation() {
        sendThroughService(RECIPIENT);
        await().atMost(PATIENCE).until(() -> !app.receivedAt(STATUS).isEmpty());
        WebhookReceiver.Received callback = app.receivedAt(STATUS).get(0);

        Map<String, String> tampered = new HashMap<>(callback.params());
        tampered.put("MessageStatus", "delivered-by-an-attacker");

        assertThat(validator.validate(callback.url(), callback.params(), callback.signature())).isTrue();
        assertThat(validator.validate(callback.url(), tampered, callback.signature())).isFalse();
        assertThat(validator.validate(callback.url() + "&extra=1", callback.params(), callback.signature())).isFalse();
        assertThat(new RequestValidator("another-token").validate(callback.url(), callback.params(),
                callback.signature())).isFalse();
    }

    @Test
    void a_message_through_a_messaging_service_reports_queued_sent_delivered_in_order() {
        sendThroughService(RECIPIENT);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.values(STATUS, "MessageStatus"))
                .containsExactly("queued", "sent", "delivered"));
        assertThat(app.values(STATUS, "ErrorCode")).containsOnlyNulls();
        assertThat(app.receivedAt(STATUS).get(2).param("RawDlrDoneDate")).matches("[0-9]{10}");
    }

    @Test
    void a_message_from_a_number_reports_sent_then_delivered_as_it_was_created_queued() {
        Message message = Message.creator(new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER), "Leave now")
                .setStatusCallback(app.url(STATUS)).create(client);

        assertThat(message.getStatus()).isEqualTo(Message.Status.QUEUED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.values(STATUS, "MessageStatus"))
                .containsExactly("sent", "delivered"));
    }

    @ParameterizedTest(name = "a number ending {0} ends {1} with {2}")
    @CsvSource({
            "+93700110003, failed, 30003, 'queued,failed'",
            "+93700110005, undelivered, 30005, 'queued,sent,undelivered'",
            "+93700110006, undelivered, 30006, 'queued,sent,undelivered'"})
    void a_failing_test_number_ends_failed_or_undelivered_with_its_error_code(String number, String finalStatus,
                                                                             int errorCode, String progression) {
        Message message = sendThroughService(number);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.values(STATUS, "MessageStatus"))
                .containsExactly(progression.split(",")));
        WebhookReceiver.Received last = app.receivedAt(STATUS).get(app.receivedAt(STATUS).size() - 1);
        assertThat(last.param("ErrorCode")).isEqualTo(String.valueOf(errorCode));
        Message fetched = Message.fetcher(message.getSid()).fetch(client);
        assertThat(fetched.getStatus()).hasToString(finalStatus);
        assertThat(fetched.getErrorCode()).isEqualTo(errorCode);
    }

    @Test
    void callbacks_of_many_messages_each_arrive_in_order() {
        List<String> sids = List.of(sendThroughService("+93700000101").getSid(),
                sendThroughService("+93700000102").getSid(), sendThroughService("+93700000103").getSid());

        await().atMost(PATIENCE).until(() -> app.receivedAt(STATUS).size() == 9);
        for (String sid : sids) {
            assertThat(app.receivedAt(STATUS).stream().filter(r -> sid.equals(r.param("MessageSid")))
                    .map(r -> r.param("MessageStatus"))).containsExactly("queued", "sent", "delivered");
        }
    }

    @Test
    void callbacks_of_different_messages_are_in_flight_at_once_while_the_application_has_not_answered() {
        app.holdAnswers();
        for (int i = 0; i < 10; i++) {
            sendThroughService("+9370000020" + i);
        }

        // Each message's first callback arrives although none has been answered (two at most, once).
        await().atMost(PATIENCE).until(() -> app.receivedAt(STATUS).size() == 10);
        assertThat(app.values(STATUS, "MessageStatus")).containsOnly("queued");
        app.answer();
        await().atMost(PATIENCE).until(() -> app.receivedAt(STATUS).size() == 30);
    }

    @Test
    void behind_a_proxy_callbacks_are_signed_over_the_public_url_the_application_knows() {
        sandbox.close();
        sandbox = new TwilioSandbox(SandboxAccounts.config()
                .publicWebhookBaseUrl(URI.create("https://muster.example.org")).build()).start();
        client = SandboxAccounts.client(sandbox);

        sendThroughService(RECIPIENT);

        await().atMost(PATIENCE).until(() -> !app.receivedAt(STATUS).isEmpty());
        WebhookReceiver.Received callback = app.receivedAt(STATUS).get(0);
        String publicUrl = "https://muster.example.org" + STATUS + "?campaign=c-17";
        assertThat(validator.validate(publicUrl, callback.params(), callback.signature())).isTrue();
        assertThat(validator.validate(callback.url(), callback.params(), callback.signature())).isFalse();
    }

    @Test
    void a_call_is_queued_and_reports_each_requested_event_in_order() {
        Call call = Call.creator(new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER),
                        new Twiml("<Response><Say>Leave immediately.</Say></Response>"))
                .setStatusCallback(app.url(STATUS))
                .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
                .create(client);

        assertThat(call.getSid()).matches("CA[0-9a-f]{32}");
        assertThat(call.getStatus()).isEqualTo(Call.Status.QUEUED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.values(STATUS, "CallStatus"))
                .containsExactly("initiated", "ringing", "in-progress", "completed"));
        assertThat(app.values(STATUS, "SequenceNumber")).containsExactly("0", "1", "2", "3");
        assertThat(app.receivedAt(STATUS)).allSatisfy(callback -> {
            assertThat(callback.params()).containsEntry("CallSid", call.getSid()).containsEntry("To", RECIPIENT);
            assertThat(validator.validate(callback.url(), callback.params(), callback.signature())).isTrue();
        });
        assertThat(Call.fetcher(call.getSid()).fetch(client).getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(sandbox.callsTo(RECIPIENT)).singleElement()
                .satisfies(c -> assertThat(c.twiml()).contains("Leave immediately."));
    }

    @Test
    void a_call_without_requested_events_reports_only_its_completion_as_twilio_does() {
        Call.creator(new PhoneNumber("+93700110003"), new PhoneNumber(SENDER),
                new Twiml("<Response><Say>Leave immediately.</Say></Response>"))
                .setStatusCallback(app.url(STATUS)).create(client);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(app.values(STATUS, "CallStatus"))
                .containsExactly("no-answer"));
    }

    private Message sendThroughService(String to) {
        return Message.creator(new PhoneNumber(to), SERVICE_SID, "Leave immediately for assembly point B.")
                .setStatusCallback(app.url(STATUS + "?campaign=c-17"))
                .create(client);
    }
}
