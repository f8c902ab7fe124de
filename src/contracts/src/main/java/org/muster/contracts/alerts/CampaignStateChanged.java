package org.muster.contracts.alerts;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.EventPayload;

/**
 * An officer paused, resumed or cancelled a campaign. On {@code muster.delivery.requests}, key
 * {@link #campaignId()}: a campaign's requests are fanned out in seconds and then wait in notifier
 * for the provider's rate, so pausing or cancelling must reach notifier, which holds (PAUSED),
 * releases (RUNNING) or cancels (CANCELLED) the campaign's messages not yet handed to the provider.
 *
 * @param campaignId the campaign
 * @param state RUNNING (resumed), PAUSED or CANCELLED
 * @param changedBy the officer
 * @param changedAt when the officer changed it: of two changes, the later one holds
 */
public record CampaignStateChanged(
        UUID campaignId,
        State state,
        String changedBy,
        Instant changedAt) implements EventPayload {

    public static final String TYPE = "org.muster.alerts.CampaignStateChanged.v1";

    /** What notifier does with the campaign's messages not yet sent. */
    public enum State {
        /** Send them again. */
        RUNNING,
        /** Hold them. */
        PAUSED,
        /** Cancel them. */
        CANCELLED
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String eventKey() {
        return campaignId.toString();
    }

    @Override
    public Instant eventTime() {
        return changedAt;
    }
}
