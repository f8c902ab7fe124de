package org.muster.devstack.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.muster.devstack.twilio.SandboxAccounts.ACCOUNT_SID;
import static org.muster.devstack.twilio.SandboxAccounts.AUTH_TOKEN;
import static org.muster.devstack.twilio.SandboxAccounts.SENDER;

/** The sender's throughput: a token bucket of {@code messagesPerSecond}, refusing with 429 / 20429 past it. */
class TwilioSandboxRateLimitTest {

    private TwilioSandbox sandbox;
    private TwilioRestClient client;

    /**
     * The SDK's first request in a JVM loads hundreds of classes, long enough for a slow bucket to refill between
     * two sends; warm it up on an unlimited sandbox so each test measures the rate, not class loading.
     */
    @BeforeAll
    static void warmUpTheSdk() {
        try (TwilioSandbox unlimited = new TwilioSandbox(SandboxAccounts.config().build()).start()) {
            Message.creator(new PhoneNumber("+93700000000"), new PhoneNumber(SENDER), "warm-up")
                    .create(SandboxAccounts.client(unlimited));
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void a_message_past_the_configured_rate_is_refused_with_20429() {
        start(1);
        send("+93700000001");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> send("+93700000002"));

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getCode()).isEqualTo(20429);
        assertThat(sandbox.allMessages()).hasSize(1);
    }

    @Test
    void messages_within_the_configured_rate_are_all_accepted() {
        start(5);

        for (int i = 0; i < 5; i++) {
            String to = "+9370000001" + i;
            assertThatCode(() -> send(to)).doesNotThrowAnyException();
        }
        assertThat(sandbox.allMessages()).hasSize(5);
    }

    @Test
    void without_a_configured_rate_nothing_is_refused() {
        start(0);

        for (int i = 0; i < 30; i++) {
            send("+937000002" + (10 + i));
        }
        assertThat(sandbox.allMessages()).hasSize(30);
    }

    @Test
    void a_refused_sender_is_accepted_again_once_the_bucket_refills() {
        start(4);
        for (int i = 0; i < 4; i++) {
            send("+9370000003" + i);
        }
        assertThat(catchThrowableOfType(ApiException.class, () -> send("+93700000039")).getCode()).isEqualTo(20429);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .ignoreException(ApiException.class)
                .until(() -> send("+93700000039") != null);
    }

    @Test
    void the_429_answer_says_when_to_retry() throws Exception {
        start(1);
        send("+93700000001");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("To=%2B93700000002&From=%2B15005550006&Body=Leave"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).contains("\"code\":20429").contains("\"status\":429")
                .contains("https://www.twilio.com/docs/errors/20429");
    }

    private void start(double messagesPerSecond) {
        sandbox = new TwilioSandbox(SandboxAccounts.config().messagesPerSecond(messagesPerSecond).build()).start();
        client = SandboxAccounts.client(sandbox);
    }

    private Message send(String to) {
        return Message.creator(new PhoneNumber(to), new PhoneNumber(SENDER), "Leave now").create(client);
    }
}
