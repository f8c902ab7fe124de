package org.muster.twilio;

import java.net.URI;
import java.util.Objects;

/**
 * Where and as whom the project talks to Twilio.
 *
 * @param baseUrl             scheme, host and port every API request is sent to: {@link #PRODUCTION_BASE_URL} for
 *                            Twilio itself, the sandbox's URL in development and tests
 * @param accountSid          the account SID ({@code AC...}), also the Basic-auth user name
 * @param authToken           the auth token: Basic-auth password and the key of webhook signatures
 * @param messagingServiceSid the Messaging Service ({@code MG...}) messages are sent through; may be null
 * @param fromNumber          the sender number (E.164 or {@code whatsapp:+...}) when no Messaging Service is used;
 *                            may be null
 */
public record TwilioAccount(URI baseUrl, String accountSid, String authToken, String messagingServiceSid,
                            String fromNumber) {

    public static final URI PRODUCTION_BASE_URL = URI.create("https://api.twilio.com");

    public TwilioAccount {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry a query or fragment: " + baseUrl);
        }
        requireText(accountSid, "accountSid");
        requireText(authToken, "authToken");
    }

    /** The real Twilio API. */
    public static TwilioAccount production(String accountSid, String authToken, String messagingServiceSid,
                                           String fromNumber) {
        return new TwilioAccount(PRODUCTION_BASE_URL, accountSid, authToken, messagingServiceSid, fromNumber);
    }

    /** Whether requests go to Twilio itself rather than to a sandbox. */
    public boolean isProduction() {
        return PRODUCTION_BASE_URL.equals(baseUrl);
    }

    /** Keeps the auth token out of logs. */
    @Override
    public String toString() {
        return "TwilioAccount[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", authToken=***"
                + ", messagingServiceSid=" + messagingServiceSid + ", fromNumber=" + fromNumber + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
