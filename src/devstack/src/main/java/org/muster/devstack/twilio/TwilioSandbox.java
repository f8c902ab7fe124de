package org.muster.devstack.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Twilio's REST API 2010-04-01, close enough that the official SDK works against it unchanged
 * (point the SDK at {@link #baseUrl()}).
 *
 * <ul>
 *   <li>{@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} and {@code GET .../Messages/{Sid}.json}:
 *       SMS and {@code whatsapp:} messages, with Twilio's validation errors (21211 invalid number, 21602 no body,
 *       21610 unsubscribed, 21614 landline, ...) and 429 / 20429 past {@link Config#messagesPerSecond()}.</li>
 *   <li>{@code POST .../Calls.json} and {@code GET .../Calls/{Sid}.json}: voice calls (TwiML is kept, not run).</li>
 *   <li>HTTP Basic auth with the configured account SID and auth token, else 401 / 20003.</li>
 *   <li>Status callbacks, signed with {@code X-Twilio-Signature}, in order per message or call,
 *       {@link Config#callbackDelay()} apart. Outcomes depend on the recipient's number:
 *       <table>
 *         <caption>Outcome by recipient number</caption>
 *         <tr><th>Number ends in</th><th>Message</th><th>Call</th></tr>
 *         <tr><td>0003</td><td>failed, 30003</td><td>no-answer</td></tr>
 *         <tr><td>0005</td><td>undelivered, 30005</td><td>failed</td></tr>
 *         <tr><td>0006</td><td>undelivered, 30006</td><td>completed</td></tr>
 *         <tr><td>0007</td><td>sent, never a report after it</td><td>completed</td></tr>
 *         <tr><td>anything else</td><td>delivered</td><td>completed</td></tr>
 *       </table>
 *       (see {@link DeliveryOutcome}).</li>
 *   <li>Transient API faults by number: 0429 answers 429 / 20429 twice, 0500 answers 500 twice, 0599 always
 *       (see {@link ApiFault}).</li>
 *   <li>Inbound SMS from a phone ({@link #injectInboundSms}, {@code POST /sandbox/inbound}) posted signed to
 *       {@link Config#inboundWebhookUrl()}; STOP opts the number out, START back in.</li>
 *   <li>What each phone got: {@code GET /sandbox} (HTML), {@code /sandbox/messages}, {@code /sandbox/phones/{number}}
 *       and the Java API below.</li>
 * </ul>
 *
 * <p>Thread-safe. The sandbox does not depend on the Twilio SDK: it is the server side.
 */
public final class TwilioSandbox implements AutoCloseable {

    /**
     * The JDK's HTTP server writes a response's headers and its body as two TCP segments and, unless told
     * otherwise, leaves Nagle's algorithm on: the body then waits for the client's delayed ACK of the headers,
     * about 40 ms on Linux. Every API call took at least that long, which capped the sandbox at about 25 calls per
     * second per connection (about 400/s over the SDK's 20 connections). The server reads this property once per
     * JVM, when the first {@code HttpServer} is created, so it is set here, before this class creates one;
     * {@code -Dsun.net.httpserver.nodelay=false} on the command line still wins.
     */
    public static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    /**
     * @param bindAddress          interface to listen on; loopback by default
     * @param port                 0 for a free port
     * @param accountSid           the account SID clients authenticate as ({@code AC} + 32 hex)
     * @param authToken            the auth token clients authenticate with; also signs webhooks
     * @param messagesPerSecond    messages accepted per second before 429 / 20429 (bursts up to one second's worth);
     *                             0 for unlimited
     * @param inboundWebhookUrl    where inbound SMS are posted, as Twilio posts to a number's messaging webhook;
     *                             null to only store them
     * @param callbackDelay        time before each status change (and its callback)
     * @param publicWebhookBaseUrl scheme and authority the application is reached at behind a proxy; webhooks are
     *                             signed over that instead of the URL called; null to sign the URL called
     * @param serviceSenderNumber  the number a Messaging Service sends from
     * @param unsubscribedNumbers  numbers that start opted out of SMS (21610)
     * @param landlineNumbers      numbers that are landlines, refused for SMS (21614)
     */
    public record Config(String bindAddress, int port, String accountSid, String authToken, double messagesPerSecond,
                         URI inboundWebhookUrl, Duration callbackDelay, URI publicWebhookBaseUrl,
                         String serviceSenderNumber, Set<String> unsubscribedNumbers, Set<String> landlineNumbers) {

        public static final String DEFAULT_ACCOUNT_SID = "AC00000000000000000000000000000000";
        public static final String DEFAULT_AUTH_TOKEN = "sandbox-auth-token";

        public Config {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(accountSid, "accountSid");
            Objects.requireNonNull(authToken, "authToken");
            Objects.requireNonNull(callbackDelay, "callbackDelay");
            Objects.requireNonNull(serviceSenderNumber, "serviceSenderNumber");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (messagesPerSecond < 0 || Double.isNaN(messagesPerSecond)) {
                throw new IllegalArgumentException("messagesPerSecond must be 0 (unlimited) or more");
            }
            if (callbackDelay.isNegative()) {
                throw new IllegalArgumentException("callbackDelay must not be negative");
            }
            unsubscribedNumbers = Set.copyOf(unsubscribedNumbers);
            landlineNumbers = Set.copyOf(landlineNumbers);
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private String bindAddress = "127.0.0.1";
            private int port;
            private String accountSid = DEFAULT_ACCOUNT_SID;
            private String authToken = DEFAULT_AUTH_TOKEN;
            private double messagesPerSecond;
            private URI inboundWebhookUrl;
            private Duration callbackDelay = Duration.ofMillis(5);
            private URI publicWebhookBaseUrl;
            private String serviceSenderNumber = "+15005550006";
            private Set<String> unsubscribedNumbers = Set.of();
            private Set<String> landlineNumbers = Set.of();

            private Builder() {
            }

            public Builder bindAddress(String bindAddress) {
                this.bindAddress = bindAddress;
                return this;
            }

            public Builder port(int port) {
                this.port = port;
                return this;
            }

            public Builder accountSid(String accountSid) {
                this.accountSid = accountSid;
                return this;
            }

            public Builder authToken(String authToken) {
                this.authToken = authToken;
                return this;
            }

            public Builder messagesPerSecond(double messagesPerSecond) {
                this.messagesPerSecond = messagesPerSecond;
                return this;
            }

            public Builder inboundWebhookUrl(URI inboundWebhookUrl) {
                this.inboundWebhookUrl = inboundWebhookUrl;
                return this;
            }

            public Builder callbackDelay(Duration callbackDelay) {
                this.callbackDelay = callbackDelay;
                return this;
            }

            public Builder publicWebhookBaseUrl(URI publicWebhookBaseUrl) {
                this.publicWebhookBaseUrl = publicWebhookBaseUrl;
                return this;
            }

            public Builder serviceSenderNumber(String serviceSenderNumber) {
                this.serviceSenderNumber = serviceSenderNumber;
                return this;
            }

            public Builder unsubscribedNumbers(Set<String> unsubscribedNumbers) {
                this.unsubscribedNumbers = unsubscribedNumbers;
                return this;
            }

            public Builder landlineNumbers(Set<String> landlineNumbers) {
                this.landlineNumbers = landlineNumbers;
                return this;
            }

            public Config build() {
                return new Config(bindAddress, port, accountSid, authToken, messagesPerSecond, inboundWebhookUrl,
                        callbackDelay, publicWebhookBaseUrl, serviceSenderNumber, unsubscribedNumbers,
                        landlineNumbers);
            }
        }
    }

    private final Config config;
    private final SandboxStore store;
    private final TokenBucket rateLimiter;
    private final WebhookDispatcher webhooks;
    private final Messaging messaging;
    private final ApiHandler apiHandler;
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    private ExecutorService httpThreads;
    private boolean stopped;

    public TwilioSandbox(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        Clock clock = Clock.systemUTC();
        this.store = new SandboxStore(config.unsubscribedNumbers());
        this.rateLimiter = new TokenBucket(config.messagesPerSecond(), System::nanoTime);
        this.webhooks = new WebhookDispatcher(new WebhookSigner(config.authToken(), config.publicWebhookBaseUrl()),
                config.callbackDelay());
        this.messaging = new Messaging(config, store, rateLimiter, webhooks, clock);
        Voice voice = new Voice(config, store, webhooks, clock);
        this.apiHandler = new ApiHandler(config, store, messaging, voice, json);
    }

    /** Starts listening; returns this. A stopped sandbox cannot be started again: its callback threads are gone. */
    public synchronized TwilioSandbox start() {
        if (server != null || stopped) {
            throw new IllegalStateException(stopped ? "stopped sandboxes cannot be restarted" : "already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Twilio sandbox cannot listen on " + config.bindAddress() + ":"
                    + config.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        httpThreads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "twilio-sandbox-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(httpThreads);
        server.createContext("/2010-04-01/", apiHandler);
        server.createContext("/sandbox", new InspectionHandler(this, json));
        server.start();
        return this;
    }

    /** Stops listening and drops pending callbacks. */
    public synchronized void stop() {
        stopped = true;
        webhooks.close();
        if (server != null) {
            server.stop(0);
            httpThreads.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public Config config() {
        return config;
    }

    /** Where the SDK should send requests, e.g. {@code http://127.0.0.1:41234}. */
    public synchronized URI baseUrl() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : config.bindAddress();
        return URI.create("http://" + host + ":" + server.getAddress().getPort());
    }

    /** Every message, outbound and inbound, oldest first. */
    public List<SandboxMessage> allMessages() {
        return store.messages();
    }

    /** Messages sent to the phone with this number, on every channel ({@code whatsapp:} prefix optional). */
    public List<SandboxMessage> messagesTo(String number) {
        return store.messagesTo(PhoneNumbers.normalize(number));
    }

    public Optional<SandboxMessage> message(String sid) {
        return store.message(sid);
    }

    public List<SandboxCall> allCalls() {
        return store.calls();
    }

    public List<SandboxCall> callsTo(String number) {
        return store.callsTo(PhoneNumbers.normalize(number));
    }

    /**
     * A phone sends an SMS (or WhatsApp message, with {@code whatsapp:} addresses) to one of our numbers: it is
     * stored, STOP / START opt the phone out of or back into SMS, and it is posted to the inbound webhook if one is
     * configured.
     *
     * @throws IllegalArgumentException if {@code from} or {@code to} is not a number, or {@code body} is null
     */
    public SandboxMessage injectInboundSms(String from, String to, String body) {
        return messaging.receive(from, to, body);
    }

    public boolean isUnsubscribed(String number) {
        return store.isUnsubscribed(PhoneNumbers.normalize(number));
    }

    public Set<String> unsubscribedNumbers() {
        return store.unsubscribed();
    }

    /** Forgets all messages, calls and STOPs (the configured opt-outs stay) and refills the rate limiter. */
    public void reset() {
        store.clear();
        rateLimiter.reset();
    }
}
