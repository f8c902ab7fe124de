package org.muster.twilio;

import com.twilio.http.TwilioRestClient;

import java.time.Duration;

/**
 * Builds the SDK's {@link TwilioRestClient} for an account, so that {@code Message.creator(...).create(client)} goes
 * to Twilio or to the sandbox purely by {@link TwilioAccount#baseUrl()}.
 */
public final class TwilioClients {

    private TwilioClients() {
    }

    /** A client with {@link BaseUrlHttpClient}'s default timeouts (connect 5 s, read 10 s). */
    public static TwilioRestClient create(TwilioAccount account) {
        return create(account, BaseUrlHttpClient.DEFAULT_CONNECT_TIMEOUT, BaseUrlHttpClient.DEFAULT_READ_TIMEOUT);
    }

    public static TwilioRestClient create(TwilioAccount account, Duration connectTimeout, Duration readTimeout) {
        return new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .accountSid(account.accountSid())
                .httpClient(new BaseUrlHttpClient(account.baseUrl(), connectTimeout, readTimeout))
                .build();
    }
}
