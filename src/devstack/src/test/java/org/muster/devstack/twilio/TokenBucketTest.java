package org.muster.devstack.twilio;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void a_full_bucket_lets_one_seconds_worth_through_then_refuses() {
        TokenBucket bucket = new TokenBucket(3, now::get);

        assertThat(List.of(bucket.tryAcquire(), bucket.tryAcquire(), bucket.tryAcquire())).containsOnly(0L);
        assertThat(bucket.tryAcquire()).isEqualTo(333_333_334L);
    }

    @Test
    void tokens_come_back_at_the_configured_rate_and_never_beyond_capacity() {
        TokenBucket bucket = new TokenBucket(2, now::get);
        bucket.tryAcquire();
        bucket.tryAcquire();

        now.addAndGet(499_000_000L);
        assertThat(bucket.tryAcquire()).isPositive();
        now.addAndGet(1_000_000L);
        assertThat(bucket.tryAcquire()).isZero();

        now.addAndGet(60_000_000_000L);
        assertThat(List.of(bucket.tryAcquire(), bucket.tryAcquire())).containsOnly(0L);
        assertThat(bucket.tryAcquire()).isPositive();
    }

    @Test
    void a_rate_below_one_per_second_still_lets_a_single_message_through() {
        TokenBucket bucket = new TokenBucket(0.5, now::get);

        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isEqualTo(2_000_000_000L);
    }

    @Test
    void zero_means_unlimited() {
        TokenBucket bucket = new TokenBucket(0, now::get);

        for (int i = 0; i < 10_000; i++) {
            assertThat(bucket.tryAcquire()).isZero();
        }
    }

    @Test
    void concurrent_senders_never_get_more_tokens_than_the_bucket_holds() throws Exception {
        TokenBucket bucket = new TokenBucket(50, now::get);
        int threads = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> granted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> sender = () -> {
                    go.await();
                    int mine = 0;
                    for (int i = 0; i < 100; i++) {
                        if (bucket.tryAcquire() == 0) {
                            mine++;
                        }
                    }
                    return mine;
                };
                granted.add(pool.submit(sender));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> future : granted) {
                total += future.get();
            }
            assertThat(total).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reset_refills_the_bucket() {
        TokenBucket bucket = new TokenBucket(1, now::get);
        bucket.tryAcquire();

        bucket.reset();

        assertThat(bucket.tryAcquire()).isZero();
    }
}
