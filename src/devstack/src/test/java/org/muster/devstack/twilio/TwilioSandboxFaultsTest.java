package org.muster.devstack.twilio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.devstack.twilio.SandboxAccounts.ACCOUNT_SID;
import static org.muster.devstack.twilio.SandboxAccounts.AUTH_TOKEN;
import static org.muster.devstack.twilio.SandboxAccounts.SENDER;

/**
 * Transient faults by number ({@link ApiFault}), seen with a plain HTTP client: the SDK itself resends a POST
 * that got a 5xx, which would hide how many requests the sandbox refused.
 */
class TwilioSandboxFaultsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private TwilioSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = new TwilioSandbox(SandboxAccounts.config().build()).start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void a_number_ending_in_0429_is_refused_twice_with_20429_and_retry_after_then_accepted() throws Exception {
        List<HttpResponse<String>> answers = sendThrice("Messages", "+93700110429");

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(429, 429, 201);
        assertThat(answers.get(0).body()).contains("20429");
        assertThat(answers.get(0).headers().firstValue("Retry-After")).contains("1");
        assertThat(sandbox.messagesTo("+93700110429")).hasSize(1);
    }

    @Test
    void a_number_ending_in_0500_is_refused_twice_with_500_then_accepted() throws Exception {
        List<HttpResponse<String>> answers = sendThrice("Messages", "+93700110500");

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(500, 500, 201);
        assertThat(answers.get(1).body()).contains("20500");
    }

    @Test
    void a_number_ending_in_0599_never_recovers() throws Exception {
        assertThat(sendThrice("Messages", "+93700110599")).extracting(HttpResponse::statusCode)
                .containsExactly(500, 500, 500);
        assertThat(sandbox.allMessages()).isEmpty();
    }

    @Test
    void calls_get_the_same_faults() throws Exception {
        assertThat(sendThrice("Calls", "+93700120429")).extracting(HttpResponse::statusCode)
                .containsExactly(429, 429, 201);
    }

    @Test
    void reset_forgets_the_counts() throws Exception {
        sendThrice("Messages", "+93700130500");
        sandbox.reset();

        assertThat(post("Messages", "+93700130500").statusCode()).isEqualTo(500);
    }

    private List<HttpResponse<String>> sendThrice(String resource, String to) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(post(resource, to));
        }
        return answers;
    }

    private HttpResponse<String> post(String resource, String to) throws Exception {
        String form = "To=" + to.replace("+", "%2B") + "&From=" + SENDER.replace("+", "%2B")
                + (resource.equals("Calls") ? "&Twiml=%3CResponse%2F%3E" : "&Body=hello");
        String credentials = Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/2010-04-01/Accounts/" + ACCOUNT_SID + "/" + resource + ".json"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
