package org.muster.notifier.delivery;

import java.time.Duration;

/** What the provider answered to one attempt. */
public sealed interface SendResult {

    /** Accepted: the provider's id; encoding and segments for SMS, else null. */
    record Accepted(String providerId, String encoding, Integer segments) implements SendResult {
    }

    /** Worth another attempt (429, 20429, 5xx, a network failure); {@code retryAfter} from the provider or null. */
    record Retryable(String errorCode, Duration retryAfter, String detail) implements SendResult {
    }

    /** Its validity ended before it could be sent. */
    record Expired() implements SendResult {
    }

    /** Will never work (invalid number, unsubscribed, landline, hard SMTP rejection). */
    record Permanent(String errorCode, String detail) implements SendResult {
    }
}
