package org.muster.devstack.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.muster.devstack.twilio.SandboxAccounts.ACCOUNT_SID;
import static org.muster.devstack.twilio.SandboxAccounts.AUTH_TOKEN;
import static org.muster.devstack.twilio.SandboxAccounts.SENDER;

/** Replies from phones: posted signed to the inbound webhook, with Twilio's STOP / START handling. */
class TwilioSandboxInboundTest {

    private static final String INBOUND = "/twilio/inbound";
    private static final String CITIZEN = "+93700111222";

    private WebhookReceiver app;
    private TwilioSandbox sandbox;
    private TwilioRestClient client;

    @BeforeEach
    void start() throws IOException {
        app = new WebhookReceiver();
        sandbox = new TwilioSandbox(SandboxAccounts.config().inboundWebhookUrl(app.url(INBOUND)).build()).start();
        client = SandboxAccounts.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        app.close();
    }

    @Test
    void an_inbound_reply_is_posted_signed_to_the_webhook() {
        SandboxMessage reply = sandbox.injectInboundSms(CITIZEN, SENDER, "SAFE");

        await().atMost(Duration.ofSeconds(5)).until(() -> app.receivedAt(INBOUND).size() == 1);
        WebhookReceiver.Received webhook = app.receivedAt(INBOUND).get(0);
        assertThat(webhook.params())
                .containsEntry("MessageSid", reply.sid())
                .containsEntry("SmsMessageSid", reply.sid())
                .containsEntry("AccountSid", ACCOUNT_SID)
                .containsEntry("From", CITIZEN)
                .containsEntry("To", SENDER)
                .containsEntry("Body", "SAFE")
                .containsEntry("NumMedia", "0")
                .containsEntry("SmsStatus", "received")
                .doesNotContainKey("OptOutType");
        assertThat(new RequestValidator(AUTH_TOKEN).validate(webhook.url(), webhook.params(), webhook.signature()))
                .isTrue();
        assertThat(reply.sid()).matches("SM[0-9a-f]{32}");
        assertThat(reply.direction()).isEqualTo("inbound");
    }

    @Test
    void stop_makes_the_next_sms_fail_with_21610_and_start_lifts_it() {
        send();
        sandbox.injectInboundSms(CITIZEN, SENDER, " stop ");

        ApiException refused = catchThrowableOfType(ApiException.class, this::send);
        assertThat(refused.getCode()).isEqualTo(21610);
        assertThat(sandbox.isUnsubscribed(CITIZEN)).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(app.values(INBOUND, "OptOutType"))
                .containsExactly("STOP"));

        sandbox.injectInboundSms(CITIZEN, SENDER, "START");

        assertThat(send().getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(sandbox.isUnsubscribed(CITIZEN)).isFalse();
    }

    @Test
    void a_reply_typed_into_the_sandbox_over_http_reaches_the_webhook() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/sandbox/inbound"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("from=%2B93700111222&to=%2B15005550006&body=HELP"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"direction\":\"inbound\"");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(app.receivedAt(INBOUND))
                .singleElement().satisfies(webhook -> {
                    assertThat(webhook.param("Body")).isEqualTo("HELP");
                    assertThat(webhook.param("OptOutType")).isEqualTo("HELP");
                }));
    }

    @Test
    void a_reply_from_something_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> sandbox.injectInboundSms("citizen", SENDER, "SAFE"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.allMessages()).isEmpty();
    }

    private Message send() {
        return Message.creator(new PhoneNumber(CITIZEN), new PhoneNumber(SENDER), "Leave now").create(client);
    }
}
