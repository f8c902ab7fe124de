package org.muster.devstack.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes {@code X-Twilio-Signature} as Twilio does: Base64(HMAC-SHA1(auth token, URL + every POST parameter
 * sorted by name, name then value, concatenated)).
 *
 * <p>Applications validate against the URL they believe Twilio called (their public URL, behind a proxy), not the one
 * the request reached. With a public base URL configured, signatures are computed over that scheme and authority
 * with the path and query of the URL actually called, which is what such an application will reconstruct.
 */
final class WebhookSigner {

    private final String authToken;
    private final URI publicBaseUrl;

    /** @param publicBaseUrl may be null: sign the URL as called */
    WebhookSigner(String authToken, URI publicBaseUrl) {
        this.authToken = authToken;
        this.publicBaseUrl = publicBaseUrl;
    }

    String sign(URI calledUrl, Map<String, String> params) {
        return signature(authToken, signingUrl(calledUrl), params);
    }

    String signingUrl(URI calledUrl) {
        if (publicBaseUrl == null) {
            return calledUrl.toString();
        }
        String query = calledUrl.getRawQuery() == null ? "" : "?" + calledUrl.getRawQuery();
        return publicBaseUrl.getScheme() + "://" + publicBaseUrl.getRawAuthority() + calledUrl.getRawPath() + query;
    }

    static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
