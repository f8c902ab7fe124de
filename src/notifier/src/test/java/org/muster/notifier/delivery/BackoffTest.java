package org.muster.notifier.delivery;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff atMost = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999999);
    private final Backoff atLeast = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);

    @Test
    void the_ceiling_doubles_per_attempt_up_to_the_maximum() {
        assertThat(atMost.after(1, null)).isEqualTo(Duration.ofMillis(999));
        assertThat(atMost.after(2, null)).isEqualTo(Duration.ofMillis(1999));
        assertThat(atMost.after(4, null)).isEqualTo(Duration.ofMillis(7999));
        assertThat(atMost.after(20, null)).isEqualTo(Duration.ofMillis(29999));
    }

    @Test
    void jitter_may_bring_it_down_to_zero_but_never_below_retry_after() {
        assertThat(atLeast.after(3, null)).isZero();
        assertThat(atLeast.after(3, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(atMost.after(5, Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(15999));
    }
}
