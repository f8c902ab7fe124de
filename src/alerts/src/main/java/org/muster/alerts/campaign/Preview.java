package org.muster.alerts.campaign;

import java.util.List;
import java.util.Map;

/**
 * What a launch would do, before it is done.
 *
 * @param people audience size
 * @param perRegion region (ISO 3166-2, "unknown" when none) → people, and people reachable per channel
 * @param unreachable people with no contact point on any channel of the plan (opted-out ones do not count)
 * @param messages delivery requests the launch would make
 * @param sms per language: encoding and parts of the rendered SMS (for the first person of that language, or a sample)
 * @param estimatedSeconds time to send every message at the configured provider rate
 * @param approvalRequired whether the launch waits for a second officer
 */
public record Preview(int people, Map<String, RegionFigures> perRegion, Map<String, Integer> perChannel,
                      int unreachable, List<String> unreachableSample, int messages,
                      Map<String, SmsFigures> sms, long estimatedSeconds, boolean approvalRequired) {

    public record RegionFigures(int people, Map<String, Integer> reachableByChannel) {
    }

    public record SmsFigures(SmsSegments.Encoding encoding, int characters, int segments, String sample) {
    }
}
