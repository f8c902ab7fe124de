package org.muster.platform.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationStoppingTest {

    private final ApplicationStopping stopping = new ApplicationStopping();

    @Test
    void a_wait_lasts_its_delay_while_the_application_runs() {
        long start = System.nanoTime();

        boolean stopped = stopping.await(Duration.ofMillis(150));

        assertThat(stopped).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
        assertThat(stopping.isStopping()).isFalse();
    }

    @Test
    void a_long_wait_ends_as_soon_as_the_application_begins_to_stop() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> stopping.await(Duration.ofMinutes(5)));

        stopping.begin();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stopping.isStopping()).isTrue();
        assertThat(stopping.await(Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void an_interrupt_does_not_end_the_wait_and_is_kept_for_the_caller() {
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        try {
            boolean stopped = stopping.await(Duration.ofMillis(150));

            assertThat(stopped).isFalse();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
