package org.muster.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.inject.Inject;

/** Wakes the dispatcher when work became due, instead of letting it wait for its next poll. */
@ApplicationScoped
public class DispatchSignal {

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Object monitor = new Object();
    private boolean pending;

    /** Wakes the dispatcher once the current transaction committed (the rows are not visible before). */
    public void afterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    public void wake() {
        synchronized (monitor) {
            pending = true;
            monitor.notifyAll();
        }
    }

    /** Waits until woken or {@code millis} passed. */
    public void await(long millis) throws InterruptedException {
        synchronized (monitor) {
            if (!pending && millis > 0) {
                monitor.wait(millis);
            }
            pending = false;
        }
    }
}
