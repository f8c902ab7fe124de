package org.muster.registry.replies;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.EventJson;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.platform.inbox.InboxTransactions;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.inbox.ProcessedEvents;

/**
 * Citizens' answers to alerts, as notifier publishes them on {@code muster.delivery.events}:
 * SAFE and HELP change welfare, STOP and START the opt-out of the number that sent them. Each
 * event is applied once, however often Kafka delivers it.
 */
@ApplicationScoped
public class Replies {

    static final String CONSUMER = "registry-replies";

    @Inject
    ProcessedEvents processed;

    @Inject
    ReplyRules rules;

    @Inject
    InboxTransactions inbox;

    @Incoming("delivery-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        // The topic also carries delivery status changes: those are the campaign's business.
        if (!ReplyReceived.TYPE.equals(event.type()) || event.isTombstone()) {
            return;
        }
        ReplyReceived reply = EventJson.fromJson(event.data(), ReplyReceived.class);
        // A reply that comes while the database is away waits for it: a HELP must not end in
        // the dead-letter topic because PostgreSQL was restarting.
        inbox.apply(CONSUMER, () -> {
            if (processed.firstTime(CONSUMER, event.id())) {
                rules.apply(reply);
            }
        });
    }
}
