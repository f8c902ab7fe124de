package org.muster.notifier.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Group commit: many threads hand items to one writer thread, which writes whatever has queued up meanwhile (up
 * to {@code maxBatch}) in one call, so one transaction, and completes each item's future once that call returned.
 * Under no load a batch is one item written at once (no waiting for a batch to fill); under load the batches grow
 * by themselves while the previous one is being written. If a batch fails, each of its items is written alone,
 * so that one bad item cannot hold the others back; an item that still fails after {@code attemptsAlone} tries
 * completes exceptionally. With {@link #waitOutTransientFailures}, a batch that fails because of the database (not
 * of its items) is written again, whole, until it succeeds or its items' time is up.
 */
public final class BatchWriter<T> {

    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private record Pending<T>(T item, CompletableFuture<Void> written, long submittedAt) {
    }

    /** Pauses between two tries of a batch while the database is away: from 50 ms, doubling, at most 1 s. */
    private static final Duration FIRST_TRANSIENT_PAUSE = Duration.ofMillis(50);
    private static final Duration MAX_TRANSIENT_PAUSE = Duration.ofSeconds(1);

    private final String name;
    private final int maxBatch;
    private final int attemptsAlone;
    private final Duration retryPause;
    private final Consumer<List<T>> write;
    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object submitLock = new Object();
    private volatile boolean closing;
    private Predicate<Throwable> transientFailure = failure -> false;
    private Duration transientWait = Duration.ZERO;
    private Runnable onTransientFailure = () -> { };

    /**
     * @param write         writes a batch in one transaction; throws if nothing of it was written
     * @param attemptsAlone tries of each item alone after its batch failed, {@code retryPause} times the try apart
     */
    public BatchWriter(String name, int maxBatch, int attemptsAlone, Duration retryPause, Consumer<List<T>> write) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.attemptsAlone = attemptsAlone;
        this.retryPause = retryPause;
        this.write = write;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /**
     * Writes a batch again, whole, while it fails with a failure {@code isTransient} accepts (the database is away,
     * not the items at fault), for up to {@code within} after each item was submitted: an item still unwritten then
     * completes exceptionally. {@code onRetry} runs before each wait. Call before {@link #start()}.
     */
    public BatchWriter<T> waitOutTransientFailures(Predicate<Throwable> isTransient, Duration within, Runnable onRetry) {
        this.transientFailure = isTransient;
        this.transientWait = within;
        this.onTransientFailure = onRetry;
        return this;
    }

    public BatchWriter<T> start() {
        thread.start();
        return this;
    }

    /** Queues the item; the future completes once it is written, exceptionally if it cannot be. */
    public CompletableFuture<Void> submit(T item) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        // Under the lock, so that nothing is queued once close() let the writer run out.
        synchronized (submitLock) {
            if (closing) {
                written.completeExceptionally(new IllegalStateException(name + " is stopped"));
            } else {
                queue.add(new Pending<>(item, written, System.nanoTime()));
            }
        }
        return written;
    }

    /** Items waiting for the writer (not counting the batch being written). */
    public int waiting() {
        return queue.size();
    }

    /** Writes what is queued, then stops; what could not be written in {@code timeout} completes exceptionally. */
    public void close(Duration timeout) {
        synchronized (submitLock) {
            closing = true;
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        failRemaining();
    }

    private void run() {
        while (!(closing && queue.isEmpty())) {
            Pending<T> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                continue;
            }
            List<Pending<T>> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            write(batch);
        }
        failRemaining();
    }

    private void write(List<Pending<T>> whole) {
        List<Pending<T>> batch = whole;
        Duration pause = FIRST_TRANSIENT_PAUSE;
        while (true) {
            try {
                write.accept(batch.stream().map(Pending::item).toList());
                batch.forEach(pending -> pending.written().complete(null));
                return;
            } catch (RuntimeException e) {
                if (!transientFailure.test(e)) {
                    LOG.warn(name + ": writing a batch of " + batch.size() + " failed; writing its items one by one", e);
                    break;
                }
                batch = withTimeLeft(batch, e);
                if (batch.isEmpty()) {
                    return;
                }
                onTransientFailure.run();
                Duration wait = min(pause, timeLeft(batch));
                LOG.warnf("%s: the database failed (%s); a batch of %d waits and is written again in %d ms", name,
                        e.getMessage(), batch.size(), wait.toMillis());
                if (!pause(wait)) {
                    batch.forEach(pending -> pending.written().completeExceptionally(e));
                    return;
                }
                pause = min(pause.multipliedBy(2), MAX_TRANSIENT_PAUSE);
            }
        }
        for (Pending<T> single : batch) {
            for (int attempt = 1; ; attempt++) {
                try {
                    write.accept(List.of(single.item()));
                    single.written().complete(null);
                    break;
                } catch (RuntimeException e) {
                    if (attempt >= attemptsAlone) {
                        LOG.error(name + ": cannot write " + single.item(), e);
                        single.written().completeExceptionally(e);
                        break;
                    }
                    if (!pause(retryPause.multipliedBy(attempt))) {
                        single.written().completeExceptionally(e);
                        break;
                    }
                }
            }
        }
    }

    /** Completes exceptionally the items whose time is up; returns the others. */
    private List<Pending<T>> withTimeLeft(List<Pending<T>> batch, RuntimeException failure) {
        long now = System.nanoTime();
        List<Pending<T>> left = new ArrayList<>(batch.size());
        for (Pending<T> pending : batch) {
            if (now - pending.submittedAt() < transientWait.toNanos()) {
                left.add(pending);
            } else {
                LOG.error(name + ": cannot write " + pending.item() + " within " + transientWait, failure);
                pending.written().completeExceptionally(failure);
            }
        }
        return left;
    }

    /** Until the first item of the batch is out of time. */
    private Duration timeLeft(List<Pending<T>> batch) {
        long oldest = batch.stream().mapToLong(Pending::submittedAt).min().orElseThrow();
        return Duration.ofNanos(Math.max(0, oldest + transientWait.toNanos() - System.nanoTime()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void failRemaining() {
        for (Pending<T> pending = queue.poll(); pending != null; pending = queue.poll()) {
            pending.written().completeExceptionally(new IllegalStateException(name + " stopped before writing"));
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
