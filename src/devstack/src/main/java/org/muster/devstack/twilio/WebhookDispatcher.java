package org.muster.devstack.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Delivers webhooks the way Twilio does: asynchronously, form-encoded, signed with {@code X-Twilio-Signature}.
 *
 * <p>A message's status changes run as a chain of steps, each {@code delay} after the previous one finished
 * (including its webhook), so one message's callbacks always arrive in order while different messages proceed
 * side by side. Like Twilio's status callbacks, a failed delivery is logged and not retried.
 */
final class WebhookDispatcher implements AutoCloseable {

    /** A signed POST to make. */
    record Webhook(URI url, Map<String, String> params) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final WebhookSigner signer;
    private final Duration delay;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;

    WebhookDispatcher(WebhookSigner signer, Duration delay) {
        this.signer = signer;
        this.delay = delay;
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "twilio-sandbox-webhooks-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
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
                try {
                    steps.get(index).get().ifPresent(this::deliver);
                } catch (RuntimeException e) {
                    LOG.warn("Twilio sandbox: a status step failed", e);
                } finally {
                    schedule(steps, index + 1);
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // The sandbox is stopping: remaining steps are dropped, as a stopped Twilio would drop them.
        }
    }

    private void deliver(Webhook webhook) {
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "TwilioProxy/1.1")
                .header("X-Twilio-Signature", signer.sign(webhook.url(), webhook.params()))
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(webhook.params())))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                LOG.warn("Twilio sandbox: webhook {} answered {}", webhook.url(), response.statusCode());
            }
        } catch (IOException e) {
            LOG.warn("Twilio sandbox: webhook {} unreachable: {}", webhook.url(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
