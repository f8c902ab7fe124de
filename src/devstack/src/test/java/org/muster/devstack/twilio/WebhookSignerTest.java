package org.muster.devstack.twilio;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    /** The worked example of Twilio's webhook-security documentation. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+14158675309",
            "Digits", "1234",
            "From", "+14158675309",
            "To", "+18005551212");

    @Test
    void the_signature_matches_twilios_documented_example() {
        assertThat(WebhookSigner.signature("12345", URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void the_sdk_validator_accepts_what_the_signer_produces_and_nothing_else() {
        WebhookSigner signer = new WebhookSigner("secret-token", null);
        URI url = URI.create("http://127.0.0.1:8080/twilio/status?campaign=7");
        Map<String, String> params = Map.of("MessageSid", "SM1", "MessageStatus", "delivered", "Body", "دری");

        String signature = signer.sign(url, params);

        RequestValidator validator = new RequestValidator("secret-token");
        assertThat(validator.validate(url.toString(), params, signature)).isTrue();
        assertThat(validator.validate(url.toString(), Map.of("MessageSid", "SM1", "MessageStatus", "failed",
                "Body", "دری"), signature)).isFalse();
        assertThat(new RequestValidator("other-token").validate(url.toString(), params, signature)).isFalse();
    }

    @Test
    void with_a_public_base_url_the_signed_url_is_the_public_one_with_the_called_path_and_query() {
        WebhookSigner signer = new WebhookSigner("t", URI.create("https://muster.example.org"));

        assertThat(signer.signingUrl(URI.create("http://10.0.0.7:8080/twilio/status?c=1")))
                .isEqualTo("https://muster.example.org/twilio/status?c=1");
    }
}
