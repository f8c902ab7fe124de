package org.muster.notifier.sending;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VoiceScriptTest {

    @Test
    void says_the_message_twice_inside_a_one_digit_gather() {
        String twiml = VoiceScript.alert("Leave now & go to gate 3.", "en-GB", "https://n.example/twilio/calls/x/gather");

        assertThat(twiml).startsWith("<?xml").contains("<Gather action=\"https://n.example/twilio/calls/x/gather\"")
                .contains("numDigits=\"1\"").contains("method=\"POST\"").contains("language=\"en-GB\"")
                .contains("Press 1 if you are safe");
        assertThat(twiml.split("Leave now &amp; go to gate 3.", -1)).hasSize(3);
        assertThat(twiml.indexOf("</Gather>")).isGreaterThan(twiml.lastIndexOf("Press 1"));
    }

    @Test
    void dari_has_its_prompt_and_no_unsupported_voice() {
        String twiml = VoiceScript.alert("کابل را ترک کنید", "fa-AF", "https://n.example/g");

        assertThat(twiml).contains("۱ را فشار دهید").doesNotContain("language=");
    }

    @Test
    void smtp_reply_codes_are_found_in_the_failure() {
        assertThat(EmailProvider.smtpReply(new RuntimeException("x", new RuntimeException(
                "550 5.1.1 <a@b.c>: Recipient address rejected")))).isEqualTo("550");
        assertThat(EmailProvider.smtpReply(new RuntimeException("421 Try again later"))).isEqualTo("421");
        assertThat(EmailProvider.smtpReply(new RuntimeException("Connection refused"))).isNull();
    }
}
