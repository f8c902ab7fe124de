package org.muster.alerts.campaign;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seam for proving the fan-out crash-safe: a test arms a crash after the n-th recipient of a
 * campaign, inside the batch's transaction, as a process dying there would. Unarmed in service.
 */
@ApplicationScoped
public class FanOutFaults {

    private volatile UUID campaign;
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger crashes = new AtomicInteger();

    /** Crash once, after {@code recipients} more recipients of {@code campaignId} were handled. */
    public void crashAfter(UUID campaignId, int recipients) {
        remaining.set(recipients);
        campaign = campaignId;
    }

    public int crashes() {
        return crashes.get();
    }

    void afterRecipient(UUID campaignId) {
        if (campaignId.equals(campaign) && remaining.decrementAndGet() == 0) {
            campaign = null;
            crashes.incrementAndGet();
            throw new IllegalStateException("simulated crash in the middle of a fan-out batch");
        }
    }
}
