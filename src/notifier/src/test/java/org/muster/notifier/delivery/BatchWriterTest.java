package org.muster.notifier.delivery;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.muster.platform.inbox.TransientFailures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BatchWriterTest {

    private final List<List<Integer>> written = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private BatchWriter<Integer> writer;

    @AfterEach
    void close() {
        release.countDown();
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void what_queues_up_while_a_batch_is_written_is_written_together_and_only_then_completes() {
        writer = new BatchWriter<Integer>("test", 100, 1, Duration.ZERO, this::blockOnFirst).start();
        CompletableFuture<Void> first = writer.submit(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> !written.isEmpty());
        List<CompletableFuture<Void>> next = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            next.add(writer.submit(i));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.waiting() == 5);
        assertThat(first).isNotDone();
        assertThat(next).noneMatch(CompletableFuture::isDone);

        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> next.stream().allMatch(CompletableFuture::isDone));
        assertThat(first).isCompleted();
        assertThat(next).allMatch(f -> !f.isCompletedExceptionally());
        assertThat(written).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
    }

    @Test
    void a_failed_batch_is_written_item_by_item_and_only_the_bad_item_fails() {
        writer = new BatchWriter<Integer>("test", 100, 2, Duration.ZERO, batch -> {
            blockOnFirst(batch);
            if (batch.contains(13)) {
                throw new IllegalStateException("bad item");
            }
        }).start();
        writer.submit(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> !written.isEmpty());
        CompletableFuture<Void> good = writer.submit(1);
        CompletableFuture<Void> bad = writer.submit(13);
        CompletableFuture<Void> alsoGood = writer.submit(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.waiting() == 3);

        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> good.isDone() && bad.isDone() && alsoGood.isDone());
        assertThat(good).isCompleted();
        assertThat(alsoGood).isCompleted();
        assertThat(bad).isCompletedExceptionally();
        // The batch, then each alone; the bad one twice.
        assertThat(written).containsExactly(List.of(0), List.of(1, 13, 2), List.of(1), List.of(13), List.of(13),
                List.of(2));
    }

    @Test
    void after_close_nothing_is_accepted() {
        writer = new BatchWriter<Integer>("test", 100, 1, Duration.ZERO, written::add).start();
        writer.close(Duration.ofSeconds(5));

        assertThat(writer.submit(1)).isCompletedExceptionally();
        assertThat(written).isEmpty();
    }

    @Test
    void a_batch_that_meets_a_database_blip_waits_for_the_database_and_is_written_whole() {
        AtomicInteger failures = new AtomicInteger(3);
        AtomicInteger retries = new AtomicInteger();
        writer = new BatchWriter<Integer>("test", 100, 1, Duration.ZERO, batch -> {
            written.add(List.copyOf(batch));
            if (failures.getAndDecrement() > 0) {
                throw databaseAway();
            }
        }).waitOutTransientFailures(TransientFailures::isTransient, Duration.ofSeconds(10), retries::incrementAndGet)
                .start();

        CompletableFuture<Void> status = writer.submit(7);

        await().atMost(Duration.ofSeconds(10)).until(status::isDone);
        assertThat(status).isCompleted();
        assertThat(retries).hasValue(3);
        assertThat(written).containsExactly(List.of(7), List.of(7), List.of(7), List.of(7));
    }

    @Test
    void a_batch_gives_up_on_a_database_away_for_longer_than_its_items_may_wait() {
        writer = new BatchWriter<Integer>("test", 100, 1, Duration.ZERO, batch -> {
            written.add(List.copyOf(batch));
            throw databaseAway();
        }).waitOutTransientFailures(TransientFailures::isTransient, Duration.ofMillis(400), () -> { })
                .start();
        long start = System.nanoTime();

        CompletableFuture<Void> status = writer.submit(7);

        await().atMost(Duration.ofSeconds(5)).until(status::isDone);
        assertThat(status).isCompletedExceptionally();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(written.size()).isGreaterThan(2);
    }

    @Test
    void a_failure_of_an_item_is_not_waited_out_but_written_item_by_item() {
        writer = new BatchWriter<Integer>("test", 100, 1, Duration.ZERO, batch -> {
            blockOnFirst(batch);
            if (batch.contains(13)) {
                throw new IllegalStateException("bad item");
            }
        }).waitOutTransientFailures(TransientFailures::isTransient, Duration.ofSeconds(10), () -> { }).start();
        writer.submit(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> !written.isEmpty());
        CompletableFuture<Void> good = writer.submit(1);
        CompletableFuture<Void> bad = writer.submit(13);
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.waiting() == 2);

        release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> good.isDone() && bad.isDone());
        assertThat(good).isCompleted();
        assertThat(bad).isCompletedExceptionally();
        assertThat(written).containsExactly(List.of(0), List.of(1, 13), List.of(1), List.of(13));
    }

    /** What Hibernate throws when PostgreSQL refuses the connection (SQLSTATE 08001). */
    private static RuntimeException databaseAway() {
        return new RuntimeException("could not obtain a connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    }

    private void blockOnFirst(List<Integer> batch) {
        written.add(List.copyOf(batch));
        if (batch.contains(0)) {
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
