package org.muster.notifier.sending;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.muster.notifier.delivery.Outgoing;

/**
 * Deliveries claimed (committed IN_FLIGHT) but not yet handed to a worker, most urgent first, then in claim order.
 * The dispatcher claims ahead of its workers in chunks, so that a claim is one transaction for many deliveries
 * instead of one per freed worker. A delivery that waited here longer than {@code maxWait} is not sent but handed
 * to {@code stale}: by then its lease may be about to expire and the delivery to be claimed again, and sending it
 * from here too would send it twice.
 */
final class ClaimedQueue {

    private record Entry(Outgoing outgoing, long sequence, long claimedNanos) {
    }

    private static final Comparator<Entry> MOST_URGENT_FIRST = Comparator
            .<Entry>comparingInt(entry -> entry.outgoing().priority())
            .thenComparingLong(Entry::sequence);

    private final PriorityBlockingQueue<Entry> entries = new PriorityBlockingQueue<>(256, MOST_URGENT_FIRST);
    private final AtomicLong sequence = new AtomicLong();
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private final Consumer<Outgoing> stale;

    ClaimedQueue(Duration maxWait, LongSupplier nanoTime, Consumer<Outgoing> stale) {
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.stale = stale;
    }

    /**
     * How many deliveries of a channel to claim now.
     *
     * @param rateLimited whether the channel has a rate: then no more than idle workers can send at once, so that a
     *                    token taken is a message sent at once (a queued token would let messages bunch up)
     * @param freeSlots   claims this replica may still hold without a written answer
     * @param idleWorkers workers not calling a provider
     * @param queued      claimed deliveries waiting here for a worker
     * @param workers     the workers in all
     * @param maxClaim    the most one claim takes
     */
    static int toClaim(boolean rateLimited, int freeSlots, int idleWorkers, int queued, int workers, int maxClaim) {
        if (rateLimited) {
            return Math.max(0, Math.min(Math.min(freeSlots, maxClaim), idleWorkers - queued));
        }
        // Enough queued to keep every worker busy: claim later, and more at once.
        if (queued >= workers) {
            return 0;
        }
        // A few free slots while the workers still have work: wait for the answer writer to free a batch of them.
        if (queued > 0 && freeSlots < Math.max(1, workers / 4)) {
            return 0;
        }
        return Math.min(freeSlots, maxClaim);
    }

    /** Adds deliveries just claimed (the claim committed). */
    void addAll(List<Outgoing> claimed) {
        long now = nanoTime.getAsLong();
        for (Outgoing outgoing : claimed) {
            entries.add(new Entry(outgoing, sequence.getAndIncrement(), now));
        }
    }

    /** The most urgent delivery to send, waiting up to {@code timeoutMillis}; null if none. */
    Outgoing take(long timeoutMillis) throws InterruptedException {
        long deadline = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - nanoTime.getAsLong();
            Entry entry = left > 0 ? entries.poll(left, TimeUnit.NANOSECONDS) : entries.poll();
            if (entry == null) {
                return null;
            }
            if (nanoTime.getAsLong() - entry.claimedNanos() <= maxWaitNanos) {
                return entry.outgoing();
            }
            stale.accept(entry.outgoing());
        }
    }

    int size() {
        return entries.size();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }
}
