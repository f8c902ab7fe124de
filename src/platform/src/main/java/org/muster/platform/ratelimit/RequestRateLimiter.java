package org.muster.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits how many requests one client (by address) may make in a window, for public endpoints
 * that anyone can call. A fixed window per client is coarse but cheap and enough to stop a
 * script flooding registrations; each replica counts on its own, so the limit a client sees is
 * at most the configured one times the number of replicas.
 */
public final class RequestRateLimiter {

    /** The outcome of one request: allowed, or refused until {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private record Window(long start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RequestRateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    public Decision tryAcquire(String client) {
        long now = clock.millis();
        long length = window.toMillis();
        Window current = windows.compute(client, (key, w) ->
                w == null || now - w.start() >= length ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().start() >= length);
        }
        if (current.count() <= limit) {
            return new Decision(true, Duration.ZERO);
        }
        long waitMillis = current.start() + length - now;
        return new Decision(false, Duration.ofMillis(Math.max(waitMillis, 1)));
    }
}
