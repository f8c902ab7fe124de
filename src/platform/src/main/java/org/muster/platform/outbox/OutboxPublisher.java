package org.muster.platform.outbox;

import java.util.concurrent.CompletableFuture;

/** Where the relay sends events: Kafka in every service; something else only in a unit test. */
public interface OutboxPublisher extends AutoCloseable {

    /** Sends one event; the future completes when the broker has acknowledged it. */
    CompletableFuture<Void> publish(OutboxRecord event);

    /** Pushes out whatever is buffered. */
    void flush();

    @Override
    void close();
}
