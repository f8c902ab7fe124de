package org.muster.alerts.campaign;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.platform.outbox.Outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One batch of a campaign's fan-out, in one transaction: lock the campaign, read the recipients
 * after its mark ({@code fan_out_through}, in {@code national_id} order), record one
 * {@link DeliveryRequested} per recipient and channel step in the platform outbox
 * ({@link Outbox#recordAll}, one statement) and in {@code campaign_delivery}, and move the mark to
 * the last of them. A crash before the commit leaves the whole batch to do again; after it, the
 * batch is done for good: nobody is lost, nobody is requested twice. Instances work different
 * campaigns side by side; batches of one campaign follow each other (the campaign's row lock).
 */
@ApplicationScoped
public class FanOutBatch {

    /** The next recipients: a range of the primary key, after the mark (from the start when there is none). */
    private static final String NEXT = """
            SELECT national_id, region, language, display_name, CAST(contacts AS text) FROM campaign_recipient
            WHERE campaign_id = ? AND national_id > ? ORDER BY national_id LIMIT ?""";
    private static final String FIRST = """
            SELECT national_id, region, language, display_name, CAST(contacts AS text) FROM campaign_recipient
            WHERE campaign_id = ? ORDER BY national_id LIMIT ?""";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Engine engine;

    @Inject
    FanOutFaults faults;

    @ConfigProperty(name = "muster.alerts.fan-out.batch-size", defaultValue = "1000")
    int batchSize;

    @SuppressWarnings("unchecked")
    @Transactional
    public List<UUID> running() {
        return entityManager.createNativeQuery("SELECT id FROM campaign WHERE state = 'RUNNING' ORDER BY launched_at")
                .getResultList();
    }

    /** @return recipients requested in this batch; 0 when the campaign is not running or has no one left */
    @Transactional
    public int run(UUID campaignId) {
        // Exclusive: another instance's batch of this campaign, a pause or a cancel waits for this one.
        Campaign c = entityManager.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.state != Campaign.State.RUNNING) {
            return 0;
        }
        UUID mark = (UUID) entityManager.createNativeQuery("SELECT fan_out_through FROM campaign WHERE id = ?1")
                .setParameter(1, campaignId).getSingleResult();
        List<Recipient> recipients = next(campaignId, mark);
        if (recipients.isEmpty()) {
            complete(campaignId);
            return 0;
        }
        Templates templates = new Templates(engine, c);
        List<Channel> plan = c.channelPlan();
        Instant now = Instant.now();
        List<DeliveryRequested> events = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (Recipient r : recipients) {
            String language = templates.languageFor(r.language());
            List<NationalSnapshot.ContactPoint> contacts = Contacts.parse(r.contacts());
            String body = null;
            for (int step = 0; step < plan.size(); step++) {
                Channel channel = plan.get(step);
                Optional<String> address = Contacts.addressOn(contacts, channel);
                if (address.isEmpty()) {
                    continue;
                }
                if (body == null) {
                    body = templates.render(language, r.name(), r.region());
                }
                // ALL: every channel is a first attempt; FIRST_THAT_WORKS: notifier sends step n only if n-1 failed.
                int fallbackStep = c.channelMode == Campaign.ChannelMode.ALL ? 0 : step;
                events.add(new DeliveryRequested(DeliveryRequested.requestIdOf(campaignId, r.id(), channel), campaignId,
                        r.id(), channel, address.get(), language,
                        channel == Channel.EMAIL ? Optional.ofNullable(templates.subject(language)).orElse(c.name) : null,
                        body, c.priority, c.validUntil, fallbackStep, now));
                steps.add(step);
                regions.add(r.region());
            }
            faults.afterRecipient(campaignId);
        }
        // In recipient order, so that the outbox ids (the relay's order) follow it.
        outbox.recordAll(events);
        recordDeliveries(campaignId, events, steps, regions, now);
        UUID last = recipients.get(recipients.size() - 1).id();
        entityManager.createNativeQuery("UPDATE campaign SET fan_out_through = ?2 WHERE id = ?1")
                .setParameter(1, campaignId).setParameter(2, last).executeUpdate();
        return recipients.size();
    }

    private record Recipient(UUID id, String region, String language, String name, String contacts) {
    }

    private List<Recipient> next(UUID campaignId, UUID after) {
        List<Recipient> recipients = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement next = connection.prepareStatement(after == null ? FIRST : NEXT)) {
                int p = 1;
                next.setObject(p++, campaignId);
                if (after != null) {
                    next.setObject(p++, after);
                }
                next.setInt(p, batchSize);
                try (ResultSet rs = next.executeQuery()) {
                    while (rs.next()) {
                        recipients.add(new Recipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
            }
        });
        return recipients;
    }

    /** One row per request in {@code campaign_delivery} (status REQUESTED), one statement. */
    private void recordDeliveries(UUID campaignId, List<DeliveryRequested> events, List<Integer> stepOf,
                                  List<String> regionOf, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[] requestIds = new String[n];
        UUID[] nationals = new UUID[n];
        String[] channels = new String[n];
        Integer[] steps = new Integer[n];
        String[] regions = new String[n];
        for (int i = 0; i < n; i++) {
            DeliveryRequested e = events.get(i);
            requestIds[i] = e.requestId();
            nationals[i] = e.recipientId();
            channels[i] = e.channel().name();
            steps[i] = stepOf.get(i);
            regions[i] = regionOf.get(i);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO campaign_delivery (request_id, campaign_id, national_id, channel, step, region, status, status_at)
                    SELECT r, ?, n, ch, s, g, 'REQUESTED', ?
                    FROM unnest(?, ?, ?, ?, ?) AS t(r, n, ch, s, g)
                    ON CONFLICT (request_id) DO NOTHING""")) {
                insert.setObject(1, campaignId);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setArray(3, connection.createArrayOf("text", requestIds));
                insert.setArray(4, connection.createArrayOf("uuid", nationals));
                insert.setArray(5, connection.createArrayOf("text", channels));
                insert.setArray(6, connection.createArrayOf("int4", steps));
                insert.setArray(7, connection.createArrayOf("text", regions));
                insert.executeUpdate();
            }
        });
    }

    private void complete(UUID campaignId) {
        entityManager.createNativeQuery("UPDATE campaign SET state = 'COMPLETED', fanned_out_at = ?2, version = version + 1 "
                        + "WHERE id = ?1 AND state = 'RUNNING'")
                .setParameter(1, campaignId).setParameter(2, Instant.now()).executeUpdate();
    }
}
