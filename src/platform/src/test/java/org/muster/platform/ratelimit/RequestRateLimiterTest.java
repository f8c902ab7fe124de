package org.muster.platform.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RequestRateLimiter limiter = new RequestRateLimiter(3, Duration.ofMinutes(1), clock);

    @Test
    void a_client_within_the_limit_is_allowed_and_the_next_request_is_refused_until_the_window_ends() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("198.51.100.7").allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(20));
        RequestRateLimiter.Decision refused = limiter.tryAcquire("198.51.100.7");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));

        clock.advance(Duration.ofSeconds(40));
        assertThat(limiter.tryAcquire("198.51.100.7").allowed()).isTrue();
    }

    @Test
    void clients_are_counted_apart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("198.51.100.7");
        }
        assertThat(limiter.tryAcquire("198.51.100.7").allowed()).isFalse();
        assertThat(limiter.tryAcquire("203.0.113.9").allowed()).isTrue();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2021-08-15T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
