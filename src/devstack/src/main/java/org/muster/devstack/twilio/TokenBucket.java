package org.muster.devstack.twilio;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} tokens a second, holding at most one second's worth (at least one token), so a
 * sender may burst up to its per-second rate and is then paced. Methods are synchronized: the check and the take
 * must be one step, or two concurrent senders could both spend the last token.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    /** @param perSecond tokens per second; 0 or less means unlimited */
    TokenBucket(double perSecond, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1.0, perSecond);
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    boolean unlimited() {
        return perSecond <= 0;
    }

    /**
     * Takes a token if one is available.
     *
     * @return 0 if a token was taken, otherwise the nanoseconds until the next token (always positive)
     */
    synchronized long tryAcquire() {
        if (unlimited()) {
            return 0;
        }
        refill();
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return 0;
        }
        return Math.max(1L, (long) Math.ceil((1.0 - tokens) / perSecond * NANOS_PER_SECOND));
    }

    /** Back to a full bucket. */
    synchronized void reset() {
        tokens = capacity;
        refilledAt = nanoClock.getAsLong();
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perSecond / NANOS_PER_SECOND);
            refilledAt = now;
        }
    }
}
