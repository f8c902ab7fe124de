package org.muster.devstack.twilio;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Delivers webhooks the way Twilio does: asynchronously, form-encoded, signed with {@code X-Twilio-Signature}.
 *
 * <p>A message's status changes run as a chain of steps, each {@code delay} after the previous one finished
 * (including its webhook), so one message's callbacks always arrive in order while different messages proceed
 * side by side. Like Twilio's, the webhooks of different messages are in flight at the same time (up to
 * {@link #MAX_IN_FLIGHT}): a receiver that answers only once a callback is stored (a group commit) is not held to
 * one callback per thread here. Like Twilio's status callbacks, a failed delivery is logged and not retried.
 */
final class WebhookDispatcher implements AutoCloseable {

    /** A signed POST to make. */
    record Webhook(URI url, Map<String, String> params) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Webhooks awaiting their answer at once. With two threads each waiting for its answer, a receiver that
     * batches got one or two callbacks per batch and the callbacks fell behind the messages under load.
     */
    static final int MAX_IN_FLIGHT = 64;
    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded");

    private final WebhookSigner signer;
    private final Duration delay;
    private final ScheduledExecutorService scheduler;
    private final CloseableHttpAsyncClient http;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    WebhookDispatcher(WebhookSigner signer, Duration delay) {
        this.signer = signer;
        this.delay = delay;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "twilio-sandbox-webhooks-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Apache HttpClient 5 on one I/O thread, connections kept alive: the JDK HttpClient it replaces
        // cost the machine about 0.2 ms of CPU per webhook in its worker threads, more than the
        // receiving service spent on it (DispatchBench), and the sandbox stands in for Twilio, whose
        // costs are not on the machine in production.
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_IN_FLIGHT).setMaxConnPerRoute(MAX_IN_FLIGHT)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(REQUEST_TIMEOUT)).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .setThreadFactory(runnable -> {
                    Thread thread = new Thread(runnable, "twilio-sandbox-webhook-io");
                    thread.setDaemon(true);
                    return thread;
                })
                .disableAutomaticRetries()
                .build();
        this.http.start();
    }

    /**
     * Runs the steps one after another, {@code delay} apart. Each step changes state and returns the webhook that
     * reports the change, if someone asked for it.
     */
    void runInOrder(List<Supplier<Optional<Webhook>>> steps) {
        schedule(steps, 0);
    }

    private void schedule(List<Supplier<Optional<Webhook>>> steps, int index) {
        if (index >= steps.size()) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                CompletableFuture<Void> delivered = CompletableFuture.completedFuture(null);
                try {
                    Optional<Webhook> webhook = steps.get(index).get();
                    if (webhook.isPresent()) {
                        delivered = deliver(webhook.get());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Twilio sandbox: a status step failed", e);
                }
                // The next step only once this one's webhook was answered: callbacks of one message stay in order.
                delivered.whenComplete((done, failure) -> schedule(steps, index + 1));
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // The sandbox is stopping: remaining steps are dropped, as a stopped Twilio would drop them.
        }
    }

    /** Posts the webhook; completes (never exceptionally) once it was answered or failed. */
    private CompletableFuture<Void> deliver(Webhook webhook) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(webhook.url())
                .setHeader("User-Agent", "TwilioProxy/1.1")
                .setHeader("X-Twilio-Signature", signer.sign(webhook.url(), webhook.params()))
                // Percent-encoded UTF-8, so ASCII; the header as Twilio's, without a charset parameter.
                .setBody(Forms.encode(webhook.params()).getBytes(StandardCharsets.US_ASCII), FORM)
                .build();
        try {
            // At the limit this holds up the scheduler, so other messages' steps wait too (backpressure).
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> answered = new CompletableFuture<>();
        http.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                if (response.getCode() >= 400) {
                    LOG.warn("Twilio sandbox: webhook {} answered {}", webhook.url(), response.getCode());
                }
                done();
            }

            @Override
            public void failed(Exception failure) {
                LOG.warn("Twilio sandbox: webhook {} unreachable: {}", webhook.url(), failure.toString());
                done();
            }

            @Override
            public void cancelled() {
                done();
            }

            private void done() {
                inFlight.release();
                answered.complete(null);
            }
        });
        return answered;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }
}
