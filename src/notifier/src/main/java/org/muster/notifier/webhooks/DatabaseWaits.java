package org.muster.notifier.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.muster.platform.inbox.TransientFailures;

/**
 * Twilio sends an inbound message or a keypad answer once: a webhook that meets a database blip is written again
 * until the database answers, within {@link StatusCallbacks#WAIT_FOR_DATABASE} (below Twilio's 15 s timeout),
 * instead of answering 503 at once and losing a "HELP". Each wait counts in {@code muster.notifier.replies.retries}.
 */
@ApplicationScoped
public class DatabaseWaits {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    @Inject
    MeterRegistry metrics;

    private Counter retries;

    @PostConstruct
    void start() {
        retries = Counter.builder("muster.notifier.replies.retries")
                .description("Waits of an inbound message or keypad answer for an unreachable database")
                .register(metrics);
    }

    /** Runs {@code write} (a transaction of its own) until it succeeds, fails for another reason, or time is up. */
    public <T> T write(Supplier<T> write) {
        Instant giveUp = Instant.now().plus(StatusCallbacks.WAIT_FOR_DATABASE);
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || Instant.now().plus(pause).isAfter(giveUp)) {
                    throw e;
                }
            }
            retries.increment();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", interrupted);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
