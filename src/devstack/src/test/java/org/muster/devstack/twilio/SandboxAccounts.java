package org.muster.devstack.twilio;

import com.twilio.http.TwilioRestClient;
import org.muster.twilio.TwilioAccount;
import org.muster.twilio.TwilioClients;

/** The account tests use against a sandbox, and SDK clients for it. */
final class SandboxAccounts {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    static final String SENDER = "+15005550006";
    static final String SERVICE_SID = "MG0123456789abcdef0123456789abcdef";

    private SandboxAccounts() {
    }

    static TwilioSandbox.Config.Builder config() {
        return TwilioSandbox.Config.builder().accountSid(ACCOUNT_SID).authToken(AUTH_TOKEN);
    }

    /** The project's client, pointed at the sandbox by configuration only. */
    static TwilioRestClient client(TwilioSandbox sandbox) {
        return TwilioClients.create(new TwilioAccount(sandbox.baseUrl(), ACCOUNT_SID, AUTH_TOKEN, SERVICE_SID, SENDER));
    }

    static TwilioRestClient clientWithToken(TwilioSandbox sandbox, String authToken) {
        return TwilioClients.create(new TwilioAccount(sandbox.baseUrl(), ACCOUNT_SID, authToken, null, SENDER));
    }
}
