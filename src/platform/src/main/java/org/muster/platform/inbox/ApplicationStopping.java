package org.muster.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Knows that the application has begun to stop. From then on Kafka may still hand a consumer
 * events while Hibernate, the connection pool and the CDI contexts close one after the other: an
 * event that fails now may have failed only because of that, and must be left to the next consumer
 * of its partition (see {@link DeadLetterUnlessStopping}), not dead-lettered.
 */
@Singleton
public class ApplicationStopping {

    private static final Logger LOG = Logger.getLogger(ApplicationStopping.class);

    private final CountDownLatch stopping = new CountDownLatch(1);

    /** Before every other observer: the database and the contexts are still open at this point. */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        begin();
    }

    /** Marks the application as stopping; what the shutdown observer does, callable by a test. */
    public void begin() {
        if (stopping.getCount() > 0) {
            LOG.info("stopping: events that fail from now on are left for the next consumer, not dead-lettered");
        }
        stopping.countDown();
    }

    public boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /**
     * Waits {@code delay}, or less if the application begins to stop meanwhile, so that a wait
     * never holds up shutdown. An interrupt does not end the wait early; it is kept for the caller.
     *
     * @return true if the application is stopping
     */
    public boolean await(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        boolean interrupted = false;
        try {
            for (long left = delay.toNanos(); left > 0; left = until - System.nanoTime()) {
                try {
                    if (stopping.await(left, TimeUnit.NANOSECONDS)) {
                        return true;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return isStopping();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
