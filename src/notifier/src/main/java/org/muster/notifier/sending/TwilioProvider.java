package org.muster.notifier.sending;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.contracts.common.Channel;
import org.muster.notifier.delivery.Outgoing;
import org.muster.notifier.delivery.SendResult;
import org.muster.platform.contact.PhoneNumbers;
import org.muster.twilio.BaseUrlHttpClient;
import org.muster.twilio.TwilioAccount;

/** SMS and WhatsApp through the Messages API, voice through the Calls API, each with its status callback. */
@ApplicationScoped
public class TwilioProvider {

    @ConfigProperty(name = "muster.twilio.base-url")
    URI baseUrl;

    @ConfigProperty(name = "muster.twilio.account-sid")
    Optional<String> accountSid;

    @ConfigProperty(name = "muster.twilio.auth-token")
    Optional<String> authToken;

    @ConfigProperty(name = "muster.twilio.messaging-service-sid")
    Optional<String> messagingServiceSid;

    @ConfigProperty(name = "muster.twilio.from-number")
    Optional<String> fromNumber;

    @ConfigProperty(name = "muster.notifier.public-base-url")
    String publicBaseUrl;

    /** One connection per worker that may call Twilio at once: none waits for a connection. */
    @ConfigProperty(name = "muster.notifier.dispatch.concurrency")
    int concurrency;

    private TwilioAccount account;
    private ProviderHttpClient http;
    private TwilioRestClient client;

    @PostConstruct
    void connect() {
        if (accountSid.isEmpty() || authToken.isEmpty()) {
            return;
        }
        account = new TwilioAccount(baseUrl, accountSid.get(), authToken.get(), messagingServiceSid.orElse(null),
                fromNumber.orElse(null));
        http = new ProviderHttpClient(account.baseUrl(), BaseUrlHttpClient.DEFAULT_CONNECT_TIMEOUT,
                BaseUrlHttpClient.DEFAULT_READ_TIMEOUT, concurrency);
        client = new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .accountSid(account.accountSid())
                .httpClient(http)
                .build();
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close();
        }
    }

    /** The account rate limits are counted against. */
    public String accountName() {
        return account == null ? "twilio-unconfigured" : "twilio:" + account.accountSid();
    }

    public SendResult send(Outgoing outgoing) {
        if (client == null) {
            return new SendResult.Permanent("TWILIO_NOT_CONFIGURED", "no Twilio account configured");
        }
        boolean hasNumber = account.fromNumber() != null && !account.fromNumber().isBlank();
        boolean hasService = account.messagingServiceSid() != null && !account.messagingServiceSid().isBlank();
        if (outgoing.channel() == Channel.VOICE ? !hasNumber : !hasNumber && !hasService) {
            return new SendResult.Permanent("TWILIO_NO_SENDER",
                    "no sender: set muster.twilio.from-number (messages may use muster.twilio.messaging-service-sid instead)");
        }
        try {
            return outgoing.channel() == Channel.VOICE ? call(outgoing) : message(outgoing);
        } catch (ApiException e) {
            int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
            String code = e.getCode() != null ? String.valueOf(e.getCode()) : "HTTP_" + status;
            if (status == 429 || Integer.valueOf(20429).equals(e.getCode()) || status >= 500 || status == 0) {
                return new SendResult.Retryable(code, ProviderHttpClient.lastRetryAfter(), e.getMessage());
            }
            return new SendResult.Permanent(code, e.getMessage());
        } catch (TwilioException e) {
            // No answer (connection refused, timeout): may have gone through; retrying risks a duplicate, not
            // retrying risks a lost "leave now".
            return new SendResult.Retryable("CONNECTION", null, e.getMessage());
        }
    }

    private SendResult message(Outgoing outgoing) {
        boolean whatsApp = outgoing.channel() == Channel.WHATSAPP;
        PhoneNumber to = new PhoneNumber(whatsApp ? PhoneNumbers.toWhatsapp(outgoing.address()) : outgoing.address());
        var creator = account.messagingServiceSid() != null && !account.messagingServiceSid().isBlank()
                ? Message.creator(to, account.messagingServiceSid(), outgoing.body())
                : Message.creator(to, new PhoneNumber(whatsApp ? PhoneNumbers.toWhatsapp(account.fromNumber())
                        : account.fromNumber()), outgoing.body());
        Message message = creator
                .setStatusCallback(URI.create(publicBaseUrl + "/twilio/messages/" + outgoing.id() + "/status"))
                .create(client);
        if (whatsApp) {
            return new SendResult.Accepted(message.getSid(), null, null);
        }
        SmsEncoding.Count count = SmsEncoding.of(outgoing.body());
        return new SendResult.Accepted(message.getSid(), count.encoding(), count.segments());
    }

    private SendResult call(Outgoing outgoing) {
        String twiml = VoiceScript.alert(outgoing.body(), outgoing.language(),
                publicBaseUrl + "/twilio/calls/" + outgoing.id() + "/gather");
        Call call = Call.creator(new PhoneNumber(outgoing.address()), new PhoneNumber(account.fromNumber()),
                        new Twiml(twiml))
                .setStatusCallback(URI.create(publicBaseUrl + "/twilio/calls/" + outgoing.id() + "/status"))
                .create(client);
        return new SendResult.Accepted(call.getSid(), null, null);
    }
}
