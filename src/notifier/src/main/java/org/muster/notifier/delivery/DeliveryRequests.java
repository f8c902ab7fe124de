package org.muster.notifier.delivery;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.EventJson;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.inbox.ProcessedEvents;

/**
 * Delivery requests from alerts. Idempotent twice over: by event id (a redelivered record) and by the request's
 * own key (the same request published again as a new event) — either way one delivery, one send.
 */
@ApplicationScoped
public class DeliveryRequests {

    static final String CONSUMER = "notifier-requests";

    @Inject
    ProcessedEvents processed;

    @Inject
    Deliveries deliveries;

    @Incoming("delivery-requests")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!DeliveryRequested.TYPE.equals(event.type()) || event.isTombstone()) {
            throw new IncomingEvent.MalformedEventException("not a delivery request: " + event.type());
        }
        if (!processed.firstTime(CONSUMER, event.id())) {
            return;
        }
        DeliveryRequested request = EventJson.fromJson(event.data(), DeliveryRequested.class);
        RequestChecks.check(request);
        deliveries.accept(request);
    }
}
