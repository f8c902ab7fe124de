package org.muster.devstack.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered in Twilio's format: {@code {"code", "message", "more_info", "status"}}. */
final class TwilioApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int httpStatus;
    final int code;
    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    final long retryAfterSeconds;

    TwilioApiError(int httpStatus, int code, String message) {
        this(httpStatus, code, message, 0);
    }

    private TwilioApiError(int httpStatus, int code, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static TwilioApiError badRequest(int code, String message) {
        return new TwilioApiError(400, code, message);
    }

    static TwilioApiError notFound(String path) {
        return new TwilioApiError(404, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioApiError tooManyRequests(long nanosUntilNextToken) {
        long seconds = Math.max(1, (nanosUntilNextToken + 999_999_999L) / 1_000_000_000L);
        return new TwilioApiError(429, 20429, "Too Many Requests", seconds);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("code", code);
        body.put("message", getMessage());
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", httpStatus);
        return body;
    }
}
