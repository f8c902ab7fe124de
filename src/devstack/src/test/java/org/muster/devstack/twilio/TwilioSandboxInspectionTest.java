package org.muster.devstack.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.devstack.twilio.SandboxAccounts.SENDER;

/** What each phone received, for tests (Java API) and people (HTTP, HTML). */
class TwilioSandboxInspectionTest {

    private static final String AHMAD = "+93700111222";
    private static final String MARYAM = "+93700333444";
    private static final String PASHTO = "سمدستي سفارت پرېږدئ او د راټولېدو ځای ته ورشئ.";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TwilioSandbox sandbox;
    private TwilioRestClient client;

    @BeforeEach
    void start() {
        sandbox = new TwilioSandbox(SandboxAccounts.config().unsubscribedNumbers(Set.of("+93700999001")).build())
                .start();
        client = SandboxAccounts.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void each_phone_keeps_what_it_received_on_every_channel() throws Exception {
        String sms = send(AHMAD, "Leave now").getSid();
        String whatsApp = Message.creator(new PhoneNumber("whatsapp:" + AHMAD), new PhoneNumber("whatsapp:" + SENDER),
                PASHTO).create(client).getSid();
        send(MARYAM, "Assembly point B");

        assertThat(sandbox.messagesTo(AHMAD)).extracting(SandboxMessage::sid).containsExactly(sms, whatsApp);
        assertThat(sandbox.messagesTo("whatsapp:" + AHMAD)).hasSize(2);
        assertThat(sandbox.allMessages()).hasSize(3);

        JsonNode listed = getJson("/sandbox/messages?to=%2B93700111222");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).path("body").asText()).isEqualTo(PASHTO);
        assertThat(listed.get(1).path("to").asText()).isEqualTo("whatsapp:" + AHMAD);
        assertThat(getJson("/sandbox/messages")).hasSize(3);
    }

    @Test
    void a_phone_page_shows_its_messages_calls_replies_and_opt_out() throws Exception {
        send(AHMAD, "Leave now");
        Call.creator(new PhoneNumber(AHMAD), new PhoneNumber(SENDER),
                new Twiml("<Response><Say>Leave now.</Say></Response>")).create(client);
        sandbox.injectInboundSms(AHMAD, SENDER, "STOP");

        JsonNode phone = getJson("/sandbox/phones/+93700111222");

        assertThat(phone.path("number").asText()).isEqualTo(AHMAD);
        assertThat(phone.path("unsubscribed").asBoolean()).isTrue();
        assertThat(phone.path("messages")).hasSize(1);
        assertThat(phone.path("calls")).hasSize(1);
        assertThat(phone.path("sent").get(0).path("body").asText()).isEqualTo("STOP");
    }

    @Test
    void the_page_escapes_what_phones_received_and_lets_right_to_left_text_flow() throws Exception {
        send(AHMAD, "<script>alert('x')</script> & leave");
        send(MARYAM, PASHTO);

        HttpResponse<String> page = get("/sandbox");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").contains("utf-8"));
        assertThat(page.body())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; leave")
                .contains("<td class=\"body\" dir=\"auto\">" + PASHTO + "</td>")
                .contains("<meta charset=\"utf-8\">")
                .contains(AHMAD).contains(MARYAM);
    }

    @Test
    void reset_forgets_traffic_and_stops_but_keeps_the_configured_opt_outs() {
        send(AHMAD, "Leave now");
        sandbox.injectInboundSms(MARYAM, SENDER, "STOP");

        sandbox.reset();

        assertThat(sandbox.allMessages()).isEmpty();
        assertThat(sandbox.isUnsubscribed(MARYAM)).isFalse();
        assertThat(sandbox.isUnsubscribed("+93700999001")).isTrue();
    }

    @Test
    void an_unknown_sandbox_page_is_not_found() throws Exception {
        assertThat(get("/sandbox/nothing-here").statusCode()).isEqualTo(404);
    }

    private Message send(String to, String body) {
        return Message.creator(new PhoneNumber(to), new PhoneNumber(SENDER), body).create(client);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
