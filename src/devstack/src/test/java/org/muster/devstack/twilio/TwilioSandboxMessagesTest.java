package org.muster.devstack.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.muster.devstack.twilio.SandboxAccounts.ACCOUNT_SID;
import static org.muster.devstack.twilio.SandboxAccounts.SENDER;
import static org.muster.devstack.twilio.SandboxAccounts.SERVICE_SID;

/** The Messages API through the real Twilio SDK and the project's client. */
class TwilioSandboxMessagesTest {

    private static final String DARI = "سفارت: لطفاً فوراً محل را ترک کنید و به نقطه تجمع در میدان هوایی بروید. ";
    private static final String RECIPIENT = "+93700111222";

    private TwilioSandbox sandbox;
    private TwilioRestClient client;

    @BeforeEach
    void start() {
        sandbox = new TwilioSandbox(SandboxAccounts.config()
                .unsubscribedNumbers(Set.of("+93700999001"))
                .landlineNumbers(Set.of("+93202100100"))
                .build()).start();
        client = SandboxAccounts.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void an_sms_is_queued_with_a_message_sid_and_its_segment_count() {
        Message message = Message.creator(new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER),
                "Leave immediately for assembly point B.").create(client);

        assertThat(message.getSid()).matches("SM[0-9a-f]{32}");
        assertThat(message.getAccountSid()).isEqualTo(ACCOUNT_SID);
        assertThat(message.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(message.getNumSegments()).isEqualTo("1");
        assertThat(message.getTo()).isEqualTo(RECIPIENT);
        assertThat(message.getFrom()).hasToString(SENDER);
        assertThat(message.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);
        assertThat(message.getDateCreated()).isNotNull();
        assertThat(message.getUri()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/"
                + message.getSid() + ".json");
        assertThat(sandbox.messagesTo(RECIPIENT)).extracting(SandboxMessage::sid).containsExactly(message.getSid());
    }

    @Test
    void a_whatsapp_message_keeps_its_channel_and_reaches_the_same_phone() {
        Message message = Message.creator(new PhoneNumber("whatsapp:" + RECIPIENT),
                new PhoneNumber("whatsapp:" + SENDER), DARI.repeat(3)).create(client);

        assertThat(message.getTo()).isEqualTo("whatsapp:" + RECIPIENT);
        assertThat(message.getNumSegments()).as("WhatsApp is not split into SMS segments").isEqualTo("1");
        assertThat(sandbox.messagesTo(RECIPIENT)).singleElement()
                .satisfies(m -> assertThat(m.channel()).isEqualTo("whatsapp"));
    }

    @Test
    void a_message_through_a_messaging_service_is_accepted_before_a_sender_is_chosen() {
        Message message = Message.creator(new PhoneNumber(RECIPIENT), SERVICE_SID, "Leave now").create(client);

        assertThat(message.getStatus()).isEqualTo(Message.Status.ACCEPTED);
        assertThat(message.getMessagingServiceSid()).isEqualTo(SERVICE_SID);
        assertThat(message.getFrom()).isNull();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Message fetched = Message.fetcher(message.getSid()).fetch(client);
            assertThat(fetched.getStatus()).isEqualTo(Message.Status.DELIVERED);
            assertThat(fetched.getFrom()).hasToString(SENDER);
        });
    }

    @Test
    void fetching_a_message_returns_it_with_its_current_status() {
        Message created = Message.creator(new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER), "Leave now")
                .create(client);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Message fetched = Message.fetcher(created.getSid()).fetch(client);
            assertThat(fetched.getSid()).isEqualTo(created.getSid());
            assertThat(fetched.getBody()).isEqualTo("Leave now");
            assertThat(fetched.getStatus()).isEqualTo(Message.Status.DELIVERED);
            assertThat(fetched.getDateSent()).isNotNull();
        });
    }

    @Test
    void a_dari_message_counts_ucs2_segments_at_70_then_67_characters() {
        assertThat(segmentsOf(dari(70))).isEqualTo("1");
        assertThat(segmentsOf(dari(71))).isEqualTo("2");
        assertThat(segmentsOf(dari(134))).isEqualTo("2");
        assertThat(segmentsOf(dari(135))).isEqualTo("3");
        assertThat(sandbox.allMessages()).extracting(SandboxMessage::encoding).containsOnly("UCS-2");
    }

    @Test
    void a_latin_message_counts_gsm7_segments_at_160_then_153_characters() {
        assertThat(segmentsOf("a".repeat(160))).isEqualTo("1");
        assertThat(segmentsOf("a".repeat(161))).isEqualTo("2");
        assertThat(segmentsOf("a".repeat(306))).isEqualTo("2");
        assertThat(segmentsOf("a".repeat(307))).isEqualTo("3");
    }

    @Test
    void wrong_credentials_are_refused_with_20003() {
        TwilioRestClient intruder = SandboxAccounts.clientWithToken(sandbox, "not-the-token");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> Message.creator(
                new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER), "Leave now").create(intruder));

        assertThat(refused.getCode()).isEqualTo(20003);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(sandbox.allMessages()).isEmpty();
    }

    @Test
    void an_invalid_number_is_refused_with_21211() {
        assertThat(refusal("0700111222").getCode()).isEqualTo(21211);
        assertThat(refusal("+93 700 111 222").getCode()).isEqualTo(21211);
        assertThat(refusal("+9370").getStatusCode()).isEqualTo(400);
    }

    @Test
    void a_number_on_the_unsubscribed_list_is_refused_with_21610() {
        ApiException refused = refusal("+93700999001");

        assertThat(refused.getCode()).isEqualTo(21610);
        assertThat(refused.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21610");
    }

    @Test
    void a_landline_is_refused_for_sms_with_21614() {
        assertThat(refusal("+93202100100").getCode()).isEqualTo(21614);
    }

    @Test
    void a_message_without_a_body_is_refused_with_21602() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> Message.creator(
                new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER), (String) null).create(client));

        assertThat(refused.getCode()).isEqualTo(21602);
    }

    @Test
    void whatsapp_to_a_plain_sms_sender_is_refused_with_21910() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> Message.creator(
                new PhoneNumber("whatsapp:" + RECIPIENT), new PhoneNumber(SENDER), "Leave now").create(client));

        assertThat(refused.getCode()).isEqualTo(21910);
    }

    @Test
    void a_validity_period_beyond_ten_hours_is_refused_with_21624() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> Message.creator(
                        new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER), "Leave now")
                .setValidityPeriod(36_001).create(client));

        assertThat(refused.getCode()).isEqualTo(21624);
    }

    @Test
    void an_unknown_message_is_not_found_with_20404() {
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> Message.fetcher("SM00000000000000000000000000000000").fetch(client));

        assertThat(missing.getCode()).isEqualTo(20404);
        assertThat(missing.getStatusCode()).isEqualTo(404);
    }

    private String segmentsOf(String body) {
        return Message.creator(new PhoneNumber(RECIPIENT), new PhoneNumber(SENDER), body).create(client)
                .getNumSegments();
    }

    private ApiException refusal(String to) {
        return catchThrowableOfType(ApiException.class, () -> Message.creator(
                new PhoneNumber(to), new PhoneNumber(SENDER), "Leave now").create(client));
    }

    private static String dari(int length) {
        return DARI.repeat(length / DARI.length() + 1).substring(0, length);
    }
}
