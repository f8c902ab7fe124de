package org.muster.notifier.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Group commit: many threads hand items to one writer thread, which writes whatever has queued up meanwhile (up
 * to {@code maxBatch}) in one call, so one transaction, and completes each item's future once that call returned.
 * Under no load a batch is one item written at once (no waiting for a batch to fill); under load the batches grow
 * by themselves while the previous one is being written. If a batch fails, each of its items is written alone,
 * so that one bad item cannot hold the others back; an item that still fails after {@code attemptsAlone} tries
 * completes exceptionally.
 */
public final class BatchWriter<T> {

    private static final Logger LOG = Logger.getLogger(BatchWriter.class);

    private record Pending<T>(T item, CompletableFuture<Void> written) {
    }

    private final String name;
    private final int maxBatch;
    private final int attemptsAlone;
    private final Duration retryPause;
    private final Consumer<List<T>> write;
    private final LinkedBlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object submitLock = new Object();
    private volatile boolean closing;

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
                queue.add(new Pending<>(item, written));
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

    private void write(List<Pending<T>> batch) {
        try {
            write.accept(batch.stream().map(Pending::item).toList());
            batch.forEach(pending -> pending.written().complete(null));
            return;
        } catch (RuntimeException e) {
            LOG.warn(name + ": writing a batch of " + batch.size() + " failed; writing its items one by one", e);
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
