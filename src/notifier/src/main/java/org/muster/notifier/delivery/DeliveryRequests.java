package org.muster.notifier.delivery;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.EventJson;
import org.muster.contracts.alerts.CampaignStateChanged;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.platform.inbox.InboxTransactions;
import org.muster.platform.inbox.IncomingEvent;
import org.muster.platform.tracing.TraceParents;
import java.nio.charset.StandardCharsets;

/**
 * Delivery requests from alerts, and its campaigns' pauses, resumptions and cancellations, one poll of records at
 * a time (batch mode). A record that can never become a
 * delivery goes to the dead-letter topic on its own; the others of the poll are accepted in one transaction.
 * The connector acknowledges the poll (commits its offsets) only once this method returned, so after the dead
 * letters were written and the transaction committed: a crash before that redelivers the poll, and the inbox
 * and the request's key make the second pass change nothing.
 */
@ApplicationScoped
public class DeliveryRequests {

    @Inject
    InboxTransactions inbox;

    @Inject
    RequestIntake intake;

    @Inject
    DeadLetters deadLetters;

    @Incoming("delivery-requests")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        List<RequestIntake.Incoming> requests = new ArrayList<>(records.count());
        List<RequestIntake.Control> controls = new ArrayList<>();
        List<DeadLetters.Refused> refused = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.of(record);
                if (CampaignStateChanged.TYPE.equals(event.type()) && !event.isTombstone()) {
                    CampaignStateChanged change = EventJson.fromJson(event.data(), CampaignStateChanged.class);
                    if (change.campaignId() == null || change.state() == null || change.changedBy() == null
                            || change.changedAt() == null) {
                        throw new IncomingEvent.MalformedEventException(
                                "a campaign change needs campaignId, state, changedBy and changedAt");
                    }
                    controls.add(new RequestIntake.Control(event.id(), change));
                } else {
                    requests.add(read(record));
                }
            } catch (RuntimeException e) {
                // Reading a record depends on nothing but the record: it would fail the same way every time.
                refused.add(new DeadLetters.Refused(record, e));
            }
        }
        deadLetters.send(refused);
        // While the database is away the poll waits for it (and the channel with it) instead of
        // failing the channel, which would stop taking requests until the next restart.
        inbox.apply(RequestIntake.CONSUMER, () -> intake.accept(requests, controls));
    }

    static RequestIntake.Incoming read(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!DeliveryRequested.TYPE.equals(event.type()) || event.isTombstone()) {
            throw new IncomingEvent.MalformedEventException("not a delivery request: " + event.type()
                    + (event.isTombstone() ? " (tombstone)" : ""));
        }
        DeliveryRequested request = EventJson.fromJson(event.data(), DeliveryRequested.class);
        RequestChecks.check(request);
        Header traceParent = record.headers().lastHeader(TraceParents.HEADER);
        return new RequestIntake.Incoming(event.id(), request,
                traceParent == null || traceParent.value() == null ? null : new String(traceParent.value(), StandardCharsets.US_ASCII));
    }
}
