package org.muster.notifier.webhooks;

import com.twilio.security.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;
import org.muster.platform.security.TwilioWebhooks;

/**
 * Accepts a webhook only if its {@code X-Twilio-Signature} is Twilio's HMAC of the URL Twilio called and the form
 * parameters, keyed with the account's auth token. The URL is rebuilt from the configured public base URL, not
 * from the request's Host header, which a proxy (or an attacker) decides.
 */
@ApplicationScoped
public class WebhookSignatures {

    @ConfigProperty(name = "muster.twilio.auth-token")
    Optional<String> authToken;

    @ConfigProperty(name = "muster.notifier.public-base-url")
    String publicBaseUrl;

    /** @throws ProblemException 403 unless the signature is valid */
    public void require(UriInfo uri, MultivaluedMap<String, String> form, String signature) {
        if (signature == null || signature.isBlank() || authToken.isEmpty()) {
            throw refused("missing " + TwilioWebhooks.SIGNATURE_HEADER);
        }
        String query = uri.getRequestUri().getRawQuery();
        String url = publicBaseUrl + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        Map<String, String> params = new HashMap<>();
        if (form != null) {
            form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        if (!new RequestValidator(authToken.get()).validate(url, params, signature)) {
            throw refused("invalid " + TwilioWebhooks.SIGNATURE_HEADER);
        }
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(Problem.of("webhook-signature", "Webhook signature refused", 403, detail));
    }
}
