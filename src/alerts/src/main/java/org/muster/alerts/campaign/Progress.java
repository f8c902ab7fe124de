package org.muster.alerts.campaign;

import java.util.List;
import java.util.UUID;

/**
 * How a campaign is going, per channel and region.
 *
 * @param rows one per channel and region
 * @param unreachedCount how many people no channel reached
 * @param unreached those people (no delivered or read message, and nothing still pending), at most the first
 *                  10,000 by region and name: compare with {@code unreachedCount}
 */
public record Progress(UUID campaignId, Campaign.State state, Integer recipients, int requestedRecipients,
                       List<Row> rows, int repliedSafe, int repliedHelp, int unreachedCount, List<Unreached> unreached) {

    /**
     * @param sent handed to the provider, whatever came after
     * @param failed failed, undelivered or expired
     * @param cancelled not sent, and not to be: an earlier channel of the plan reached the person, or the campaign
     *                  was cancelled
     */
    public record Row(String channel, String region, int requested, int sent, int delivered, int failed,
                      int cancelled, int repliedSafe, int repliedHelp) {
    }

    public record Unreached(UUID nationalId, String name, String region, String language) {
    }
}
