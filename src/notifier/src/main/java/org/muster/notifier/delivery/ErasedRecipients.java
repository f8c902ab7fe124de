package org.muster.notifier.delivery;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.platform.inbox.InboxTransactions;
import org.muster.platform.inbox.IncomingEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forgets a person registry erased (a tombstone on {@code muster.registry.nationals}): their
 * deliveries not yet handed to a provider are cancelled, and the addresses, subjects and texts of
 * all their deliveries, the details of their history (a provider's error text can quote the
 * number) and their replies' numbers and texts are cleared. What stays is what accounts for every
 * message without saying who or where: ids, channels, statuses, provider ids and codes, times.
 * A delivery in flight at that moment keeps its result; if it is to be tried again, it is
 * cancelled instead ({@link StatusBatch}). Snapshots are ignored: notifier keeps nothing of them.
 */
@ApplicationScoped
public class ErasedRecipients {

    static final String CONSUMER = "notifier-erasure";
    /** The history's detail of a delivery cancelled for it. */
    static final String ERASED = "recipient erased";

    @Inject
    InboxTransactions inbox;

    @Inject
    EntityManager entityManager;

    @Inject
    Deliveries deliveries;

    @Incoming("registry-nationals")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        // A tombstone, with or without CloudEvents headers; a typed erasure event too. Forgetting twice is harmless.
        if (record.value() == null || NationalSnapshot.ERASED_TYPE.equals(IncomingEvent.of(record).type())) {
            UUID recipient = UUID.fromString(record.key());
            inbox.apply(CONSUMER, () -> forget(recipient));
        }
    }

    /** In the caller's transaction. */
    void forget(UUID recipient) {
        Instant now = Instant.now();
        // Locked as the dispatcher claims (it skips locked rows); one it claimed first is in flight and left to finish.
        List<Delivery> pending = Delivery.<Delivery>find("recipientId = ?1 and dispatch in (?2, ?3, ?4)", recipient,
                Dispatch.WAITING, Dispatch.READY, Dispatch.PAUSED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        // Replies from their numbers that matched nobody too: before the numbers are cleared below.
        entityManager.createNativeQuery("""
                        UPDATE reply SET from_address = '', text = ''
                        WHERE recipient_id = ?1
                           OR recipient_id IS NULL AND from_address IN (SELECT address FROM delivery WHERE recipient_id = ?1)""")
                .setParameter(1, recipient).executeUpdate();
        entityManager.createNativeQuery("""
                        UPDATE delivery_history SET detail = NULL
                        WHERE delivery_id IN (SELECT id FROM delivery WHERE recipient_id = ?1)""")
                .setParameter(1, recipient).executeUpdate();
        for (Delivery delivery : pending) {
            deliveries.move(delivery, DeliveryStatus.CANCELLED, null, null, ERASED, now);
        }
        entityManager.flush();
        entityManager.createNativeQuery("""
                        UPDATE delivery SET address = '', subject = NULL, body = '', updated_at = ?2
                        WHERE recipient_id = ?1""")
                .setParameter(1, recipient).setParameter(2, now).executeUpdate();
    }

    /** Whether the delivery's recipient was erased: its address is gone. */
    static boolean erased(Delivery delivery) {
        return "".equals(delivery.address);
    }
}
