package org.muster.platform.security;

/** Conventions for webhooks that Twilio calls. */
public final class TwilioWebhooks {

    /** Twilio signs every webhook request with this header; anything unsigned is refused (403). */
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private TwilioWebhooks() {
    }
}
