package org.muster.alerts.campaign;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.registry.NationalSnapshot;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.muster.platform.outbox.OutboxRelayService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One batch of a campaign's fan-out, in one transaction: take recipients not yet requested
 * (rows locked, others' locked rows skipped, so instances share the work), record one
 * {@link DeliveryRequested} per recipient and channel step in the outbox ({@link OutboxRows}), and mark the
 * recipients requested. A crash before the commit leaves the whole batch to do again; after it,
 * the batch is done for good: nobody is lost, nobody is requested twice.
 */
@ApplicationScoped
public class FanOutBatch {

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelayService relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

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
    @SuppressWarnings("unchecked")
    @Transactional
    public int run(UUID campaignId) {
        // Shared lock: a pause or cancel waits for this batch, and this batch sees its state.
        Campaign c = entityManager.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_READ);
        if (c == null || c.state != Campaign.State.RUNNING) {
            return 0;
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT national_id, region, language, display_name, CAST(contacts AS text)
                        FROM campaign_recipient WHERE campaign_id = ?1 AND NOT requested
                        ORDER BY national_id LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, campaignId).setParameter(2, batchSize).getResultList();
        if (rows.isEmpty()) {
            complete(campaignId);
            return 0;
        }
        Templates templates = new Templates(engine, c);
        List<Channel> plan = c.channelPlan();
        Instant now = Instant.now();
        StringBuilder ids = new StringBuilder();
        List<DeliveryRequested> events = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        List<String> nationals = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        for (Object[] row : rows) {
            UUID recipient = (UUID) row[0];
            String region = (String) row[1];
            String language = templates.languageFor((String) row[2]);
            List<NationalSnapshot.ContactPoint> contacts = Contacts.parse((String) row[4]);
            String body = null;
            for (int step = 0; step < plan.size(); step++) {
                Channel channel = plan.get(step);
                Optional<String> address = Contacts.addressOn(contacts, channel);
                if (address.isEmpty()) {
                    continue;
                }
                if (body == null) {
                    body = templates.render(language, (String) row[3], region);
                }
                String requestId = DeliveryRequested.requestIdOf(campaignId, recipient, channel);
                // ALL: every channel is a first attempt; FIRST_THAT_WORKS: notifier sends step n only if n-1 failed.
                int fallbackStep = c.channelMode == Campaign.ChannelMode.ALL ? 0 : step;
                events.add(new DeliveryRequested(requestId, campaignId, recipient, channel, address.get(), language,
                        channel == Channel.EMAIL ? Optional.ofNullable(templates.subject(language)).orElse(c.name) : null,
                        body, c.priority, c.validUntil, fallbackStep, now));
                requestIds.add(requestId);
                nationals.add(recipient.toString());
                channels.add(channel.name());
                steps.add(Integer.toString(step));
                regions.add(region == null ? "~" : region);
            }
            faults.afterRecipient(campaignId);
            ids.append(ids.isEmpty() ? "" : ",").append(recipient);
        }
        // In recipient order, so that the outbox ids (the relay's order) follow it.
        OutboxRows.record(entityManager, transactions, relay, events, now);
        if (!requestIds.isEmpty()) {
            entityManager.createNativeQuery("""
                            INSERT INTO campaign_delivery (request_id, campaign_id, national_id, channel, step, region, status, status_at)
                            SELECT r, CAST(?2 AS uuid), CAST(n AS uuid), ch, CAST(s AS integer), g, 'REQUESTED', ?7
                            FROM unnest(string_to_array(?1, ','), string_to_array(?3, ','), string_to_array(?4, ','),
                                        string_to_array(?5, ','), string_to_array(?6, ',', '~')) AS t(r, n, ch, s, g)
                            ON CONFLICT (request_id) DO NOTHING""")
                    .setParameter(1, String.join(",", requestIds))
                    .setParameter(2, campaignId.toString())
                    .setParameter(3, String.join(",", nationals))
                    .setParameter(4, String.join(",", channels))
                    .setParameter(5, String.join(",", steps))
                    .setParameter(6, String.join(",", regions))
                    .setParameter(7, now)
                    .executeUpdate();
        }
        entityManager.createNativeQuery("UPDATE campaign_recipient SET requested = true WHERE campaign_id = ?1 "
                        + "AND national_id = ANY(CAST(string_to_array(?2, ',') AS uuid[]))")
                .setParameter(1, campaignId).setParameter(2, ids.toString()).executeUpdate();
        return rows.size();
    }

    private void complete(UUID campaignId) {
        entityManager.createNativeQuery("UPDATE campaign SET state = 'COMPLETED', fanned_out_at = ?2, version = version + 1 "
                        + "WHERE id = ?1 AND state = 'RUNNING'")
                .setParameter(1, campaignId).setParameter(2, Instant.now()).executeUpdate();
    }
}
