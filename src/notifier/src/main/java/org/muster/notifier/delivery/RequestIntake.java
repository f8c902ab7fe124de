package org.muster.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.muster.contracts.alerts.CampaignStateChanged;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.platform.inbox.ProcessedEvents;

/**
 * Takes in the valid requests of one poll in one transaction: the inbox (event ids, the platform's
 * {@link ProcessedEvents}) and the deliveries, each written with one statement for the whole poll.
 */
@ApplicationScoped
public class RequestIntake {

    static final String CONSUMER = "notifier-requests";

    @Inject
    ProcessedEvents processed;

    @Inject
    Deliveries deliveries;

    @Inject
    CampaignControls campaignControls;

    /** A request as read from Kafka, with the event id it came under. */
    /** @param traceParent the W3C trace context the request's record carried, or null */
    public record Incoming(String eventId, DeliveryRequested request, String traceParent) {
    }

    /** An officer's change of a campaign, with the event id it came under. */
    public record Control(String eventId, CampaignStateChanged change) {
    }

    /** Accepts the requests whose event ids this consumer has not applied yet, in their order. */
    @Transactional
    public void accept(List<Incoming> incoming) {
        accept(incoming, List.of());
    }

    /**
     * Applies the campaign changes, then accepts the requests, of those whose event ids this consumer has not
     * applied yet: a request of the poll then finds its campaign's change of the same poll.
     */
    @Transactional
    public void accept(List<Incoming> incoming, List<Control> controls) {
        if (!controls.isEmpty()) {
            Set<String> freshControls = processed.firstTime(CONSUMER, controls.stream().map(Control::eventId).toList());
            campaignControls.apply(controls.stream().filter(c -> freshControls.remove(c.eventId()))
                    .map(Control::change).toList());
        }
        if (incoming.isEmpty()) {
            return;
        }
        Set<String> fresh = processed.firstTime(CONSUMER, incoming.stream().map(Incoming::eventId).toList());
        List<DeliveryRequested> requests = new ArrayList<>(fresh.size());
        Map<String, String> traceParents = new HashMap<>();
        for (Incoming next : incoming) {
            // remove: an event delivered twice within one poll is applied once.
            if (fresh.remove(next.eventId())) {
                requests.add(next.request());
                if (next.traceParent() != null) {
                    traceParents.put(next.request().requestId(), next.traceParent());
                }
            }
        }
        deliveries.acceptAll(requests, traceParents);
    }
}
