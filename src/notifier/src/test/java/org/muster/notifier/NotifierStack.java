package org.muster.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.muster.devstack.twilio.TwilioSandbox;
import org.muster.testing.MusterStackResource;

/**
 * The shared test stack (PostgreSQL, Kafka, SMTP) plus a Twilio sandbox of notifier's own: it posts inbound
 * messages to this application's webhook, and knows a landline and an unsubscribed number. The application
 * listens on a port chosen here, so that the status-callback URLs it gives Twilio reach it.
 */
public class NotifierStack extends MusterStackResource {

    /** Refused for SMS with 21614. */
    public static final String LANDLINE = "+93700990614";
    /** Refused for SMS with 21610. */
    public static final String UNSUBSCRIBED = "+93700990610";
    /** Our sender. */
    public static final String SENDER = "+15005550006";

    private static TwilioSandbox twilio;
    private static int port;

    public static synchronized TwilioSandbox twilio() {
        if (twilio == null) {
            port = freePort();
            twilio = new TwilioSandbox(TwilioSandbox.Config.builder()
                    .inboundWebhookUrl(URI.create(baseUrl() + "/twilio/inbound"))
                    .callbackDelay(Duration.ofMillis(5))
                    .landlineNumbers(Set.of(LANDLINE))
                    .unsubscribedNumbers(Set.of(UNSUBSCRIBED))
                    .serviceSenderNumber(SENDER)
                    .build()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(twilio::close, "stop-notifier-sandbox"));
        }
        return twilio;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new java.util.HashMap<>(super.start());
        TwilioSandbox sandbox = twilio();
        config.put("quarkus.http.test-port", String.valueOf(port));
        config.put("muster.notifier.public-base-url", baseUrl());
        config.put("muster.twilio.base-url", sandbox.baseUrl().toString());
        config.put("muster.twilio.account-sid", sandbox.config().accountSid());
        config.put("muster.twilio.auth-token", sandbox.config().authToken());
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
