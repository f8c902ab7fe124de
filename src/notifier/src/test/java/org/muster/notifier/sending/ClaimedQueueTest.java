package org.muster.notifier.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.notifier.delivery.Outgoing;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimedQueueTest {

    private final AtomicLong now = new AtomicLong();
    private final List<Outgoing> stale = new ArrayList<>();
    private final ClaimedQueue queue = new ClaimedQueue(Duration.ofSeconds(60), now::get, stale::add);

    @Test
    void the_most_urgent_goes_first_then_the_order_of_claims() throws InterruptedException {
        Outgoing routine1 = outgoing(DeliveryPriority.ROUTINE);
        Outgoing routine2 = outgoing(DeliveryPriority.ROUTINE);
        Outgoing leaveNow = outgoing(DeliveryPriority.LEAVE_NOW);
        Outgoing urgent = outgoing(DeliveryPriority.URGENT);
        queue.addAll(List.of(routine1, routine2));
        queue.addAll(List.of(urgent, leaveNow));

        assertThat(List.of(queue.take(0), queue.take(0), queue.take(0), queue.take(0)))
                .containsExactly(leaveNow, urgent, routine1, routine2);
        assertThat(queue.take(0)).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void a_delivery_that_waited_longer_than_allowed_is_handed_back_not_sent() throws InterruptedException {
        Outgoing old = outgoing(DeliveryPriority.LEAVE_NOW);
        queue.addAll(List.of(old));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        Outgoing fresh = outgoing(DeliveryPriority.ROUTINE);
        queue.addAll(List.of(fresh));
        now.addAndGet(Duration.ofSeconds(31).toNanos());

        assertThat(queue.take(0)).isEqualTo(fresh);
        assertThat(stale).containsExactly(old);
        assertThat(queue.size()).isZero();
    }

    @Test
    void unthrottled_it_claims_in_chunks_ahead_of_the_workers() {
        // 64 workers, 256 slots: an empty queue gets as much as one claim takes.
        assertThat(ClaimedQueue.toClaim(false, 256, 64, 0, 64, 200)).isEqualTo(200);
        assertThat(ClaimedQueue.toClaim(false, 56, 0, 63, 64, 200)).isEqualTo(56);
        // Enough queued for every worker: nothing now.
        assertThat(ClaimedQueue.toClaim(false, 200, 0, 64, 64, 200)).isZero();
        // Work queued and only a few free slots: wait for a batch of answers to be written.
        assertThat(ClaimedQueue.toClaim(false, 15, 0, 10, 64, 200)).isZero();
        assertThat(ClaimedQueue.toClaim(false, 16, 0, 10, 64, 200)).isEqualTo(16);
        // Nothing queued: even one free slot is claimed, the workers must not idle.
        assertThat(ClaimedQueue.toClaim(false, 1, 64, 0, 64, 200)).isEqualTo(1);
        assertThat(ClaimedQueue.toClaim(false, 0, 64, 0, 64, 200)).isZero();
    }

    @Test
    void rate_limited_it_claims_only_what_idle_workers_send_at_once() {
        assertThat(ClaimedQueue.toClaim(true, 256, 64, 0, 64, 200)).isEqualTo(64);
        assertThat(ClaimedQueue.toClaim(true, 256, 10, 4, 64, 200)).isEqualTo(6);
        assertThat(ClaimedQueue.toClaim(true, 3, 10, 0, 64, 200)).isEqualTo(3);
        assertThat(ClaimedQueue.toClaim(true, 256, 2, 5, 64, 200)).isZero();
    }

    private static Outgoing outgoing(DeliveryPriority priority) {
        return new Outgoing(UUID.randomUUID(), Channel.SMS, "+93700000001", "en", null, "Leave now.", 1,
                Instant.parse("2030-01-01T00:00:00Z"), priority.ordinal(), null);
    }
}
