package org.muster.devstack.twilio;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A call the sandbox placed, as it stands now. Immutable: a status change replaces the stored instance.
 *
 * @param twiml                the TwiML given inline, or null
 * @param url                  the TwiML URL given instead, or null (it is not fetched)
 * @param statusCallbackEvents events reported to {@code statusCallback}: {@code initiated ringing answered completed}
 * @param startTime            when answered, else null
 * @param endTime              when finished, else null
 */
public record SandboxCall(String sid, String accountSid, String from, String to, String status, String twiml,
                          URI url, URI statusCallback, Set<String> statusCallbackEvents, Instant dateCreated,
                          Instant dateUpdated, Instant startTime, Instant endTime) {

    public SandboxCall {
        statusCallbackEvents = Set.copyOf(statusCallbackEvents);
    }

    public boolean finished() {
        return endTime != null;
    }

    /** Whole seconds between answer and hang-up; 0 for unanswered calls. */
    public long durationSeconds() {
        return startTime == null || endTime == null ? 0 : endTime.getEpochSecond() - startTime.getEpochSecond();
    }

    SandboxCall withStatus(String newStatus, Instant now) {
        Instant started = startTime == null && "in-progress".equals(newStatus) ? now : startTime;
        boolean terminal = !Set.of("queued", "initiated", "ringing", "in-progress").contains(newStatus);
        Instant ended = terminal && endTime == null ? now : endTime;
        return new SandboxCall(sid, accountSid, from, to, newStatus, twiml, url, statusCallback, statusCallbackEvents,
                dateCreated, now, started, ended);
    }
}
