package org.muster.notifier.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a random delay between 0 and {@code base * 2^(attempt-1)}, capped), so
 * that messages refused together do not come back together; never sooner than the provider's Retry-After.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The delay before the attempt after {@code attempt} (1 = the first attempt failed). */
    public Duration after(int attempt, Duration retryAfter) {
        double ceiling = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, Math.min(attempt - 1, 30)));
        Duration jittered = Duration.ofMillis((long) (random.getAsDouble() * ceiling));
        if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
            return retryAfter;
        }
        return jittered;
    }
}
