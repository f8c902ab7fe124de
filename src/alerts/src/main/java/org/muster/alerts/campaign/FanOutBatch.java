package org.muster.alerts.campaign;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.platform.tracing.TraceParents;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One batch of a campaign's fan-out. Prepared outside the transaction ({@link #prepare}): read the
 * recipients after the mark ({@code fan_out_through}, in {@code national_id} order) and render one
 * {@link DeliveryRequested} per recipient and channel step. Written in one transaction
 * ({@link #write}): check the mark, put the requests on Kafka and wait for its acknowledgement, add
 * them to the campaign's counts per channel and region ({@code campaign_requested}), and move the
 * mark to the last recipient.
 *
 * <p>The requests skip the outbox table: the launch committed the campaign and its recipient rows,
 * and a batch's requests are a function of those rows (each request's event id is derived from its
 * request id), so the recipient rows after the mark are the campaign's outbox, as the outbox's
 * unsent rows are a service's. Like the relay, a batch is published, then marked: a crash between
 * the two leaves the batch to be published again, with the same event ids, which consumers drop as
 * already seen. Nobody is lost; nobody is requested twice (two event ids for one request). Writing
 * every request into the outbox and reading it back cost more than rendering them (measured in
 * {@code docs/benchmarks.md}). Instances work different campaigns side by side; a batch of one
 * campaign is written by one instance at a time (an advisory lock), without the campaign's row
 * lock, so a pause or a cancel does not wait for Kafka.
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
    DeliveryRequestPublisher kafka;

    @Inject
    Engine engine;

    @Inject
    FanOutFaults faults;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "muster.alerts.fan-out.batch-size", defaultValue = "1000")
    int batchSize;

    @SuppressWarnings("unchecked")
    @Transactional
    public List<UUID> running() {
        return entityManager.createNativeQuery("SELECT id FROM campaign WHERE state = 'RUNNING' ORDER BY launched_at")
                .getResultList();
    }

    /**
     * A batch read and built ahead of its transaction: the recipients after {@code after} (null: from
     * the start) and their requests, already serialised. Recipient rows do not change once the
     * campaign is launched, so it stays right for as long as the campaign's mark is still {@code after}.
     *
     * @param last the last recipient, the mark once written; null when there was nobody left
     */
    public record Prepared(UUID campaignId, UUID after, UUID last, int recipients, List<DeliveryRequestPublisher.Request> requests,
                           Map<String, Integer> requested, List<UUID> noRequest) {
    }

    /** The campaign's mark as last committed. */
    @Transactional
    public UUID mark(UUID campaignId) {
        return (UUID) entityManager.createNativeQuery("SELECT fan_out_through FROM campaign WHERE id = ?1")
                .setParameter(1, campaignId).getSingleResult();
    }

    /**
     * Reads the recipients after {@code after} and renders their requests, in a read-only
     * transaction of its own: the fan-out prepares the next batch this way while the current one is
     * written.
     *
     * @return null when the campaign is not running
     */
    @Transactional
    public Prepared prepare(UUID campaignId, UUID after) {
        // Read-only: nothing to check for changes at commit.
        Campaign c = entityManager.find(Campaign.class, campaignId, Map.of(HibernateHints.HINT_READ_ONLY, true));
        if (c == null || c.state != Campaign.State.RUNNING) {
            return null;
        }
        List<Recipient> recipients = next(campaignId, after);
        Templates templates = new Templates(engine, c);
        List<Channel> plan = c.channelPlan();
        Instant now = Instant.now();
        List<DeliveryRequestPublisher.Request> events = new ArrayList<>();
        RequestJson json = new RequestJson();
        Map<String, Integer> requested = new HashMap<>();
        List<UUID> noRequest = new ArrayList<>();
        for (Recipient r : recipients) {
            List<Contacts.Request> requests = Contacts.requests(Contacts.parse(r.contacts()), plan);
            if (requests.isEmpty()) {
                noRequest.add(r.id());
                continue;
            }
            String language = templates.languageFor(r.language());
            String body = templates.render(language, r.name(), r.region());
            String subject = Optional.ofNullable(templates.subject(language)).orElse(c.name);
            for (Contacts.Request request : requests) {
                Channel channel = request.channel();
                // ALL: every channel is a first attempt; FIRST_THAT_WORKS: notifier sends step n only if n-1 failed.
                int fallbackStep = c.channelMode == Campaign.ChannelMode.ALL ? 0 : request.step();
                String requestId = DeliveryRequested.requestIdOf(campaignId, r.id(), channel);
                String key = r.id().toString();
                byte[] requestJson = json.write(new DeliveryRequested(requestId, campaignId, r.id(), channel,
                        request.address(), language, channel == Channel.EMAIL ? subject : null, body, c.priority,
                        c.validUntil, fallbackStep, now));
                events.add(new DeliveryRequestPublisher.Request(eventIdOf(requestId), key, requestJson, now));
                requested.merge(channel.name() + "\n" + regionOf(r.region()), 1, Integer::sum);
            }
        }
        UUID last = recipients.isEmpty() ? null : recipients.get(recipients.size() - 1).id();
        return new Prepared(campaignId, after, last, recipients.size(), events, requested, noRequest);
    }

    /**
     * The CloudEvents id of a delivery request: the same each time the request is published, so that
     * a batch published again after a crash carries the ids consumers have already seen.
     */
    static UUID eventIdOf(String requestId) {
        return UUID.nameUUIDFromBytes(("org.muster.alerts.DeliveryRequested:" + requestId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a prepared batch in one transaction: if no other instance is writing a batch of the
     * campaign, the campaign is still running and its mark is still where the batch starts, the
     * requests go to Kafka, then the counts and the mark move; a batch with nobody completes the
     * campaign. A pause or cancel that commits while the requests are sent lets this batch finish.
     *
     * @return recipients requested; 0 when the campaign is not running, was completed or is being
     * written by another instance; -1 when the mark has moved since the batch was prepared (prepare
     * it again)
     */
    @Transactional
    public int write(Prepared batch) {
        UUID campaignId = batch.campaignId();
        Boolean mine = (Boolean) entityManager.createNativeQuery(
                        "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.campaign-fan-out'), hashtext(?1))")
                .setParameter(1, campaignId.toString()).getSingleResult();
        if (!mine) {
            return 0;
        }
        Object[] campaign = (Object[]) entityManager.createNativeQuery(
                        "SELECT state, fan_out_through, launch_trace_parent FROM campaign WHERE id = ?1")
                .setParameter(1, campaignId).getResultStream().findFirst().orElse(null);
        if (campaign == null || !Campaign.State.RUNNING.name().equals(campaign[0])) {
            return 0;
        }
        if (!Objects.equals(campaign[1], batch.after())) {
            return -1;
        }
        if (batch.recipients() == 0) {
            complete(campaignId);
            return 0;
        }
        List<DeliveryRequestPublisher.Request> requests = batch.requests();
        // A span of the launch's trace: each request carries it to notifier, and notifier's to the provider.
        Span span = tracer.spanBuilder("campaign fan-out batch").setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceParents.context((String) campaign[2]))
                .setAttribute("muster.campaign.id", campaignId.toString())
                .setAttribute("messaging.batch.message_count", (long) requests.size())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            kafka.publish(requests, i -> {
                // A recipient's requests are next to each other: after their last one, the recipient is done.
                if (i + 1 == requests.size() || !requests.get(i + 1).recipient().equals(requests.get(i).recipient())) {
                    faults.afterRecipient(campaignId);
                }
            });
        } finally {
            span.end();
        }
        recordRequested(campaignId, batch.requested(), batch.noRequest());
        entityManager.createNativeQuery("UPDATE campaign SET fan_out_through = ?2 WHERE id = ?1")
                .setParameter(1, campaignId).setParameter(2, batch.last()).executeUpdate();
        return batch.recipients();
    }

    /** @param contacts the contact points' JSON, UTF-8 */
    private record Recipient(UUID id, String region, String language, String name, byte[] contacts) {
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
                                rs.getString(4), rs.getBytes(5)));
                    }
                }
            }
        });
        return recipients;
    }

    /** As progress shows a recipient with no region. */
    static String regionOf(String region) {
        return region == null ? "unknown" : region;
    }

    /**
     * Adds the batch's requests to the campaign's counts per channel and region, and flags the
     * recipients it had no channel for: a few rows per batch instead of a row per request.
     * {@code campaign_delivery} gets a request's row from its first status ({@link DeliveryProgress}).
     *
     * @param requested "channel\nregion" → requests of this batch
     */
    private void recordRequested(UUID campaignId, Map<String, Integer> requested, List<UUID> noRequest) {
        int n = requested.size();
        String[] channels = new String[n];
        String[] regions = new String[n];
        Integer[] counts = new Integer[n];
        int i = 0;
        for (Map.Entry<String, Integer> e : requested.entrySet()) {
            int cut = e.getKey().indexOf('\n');
            channels[i] = e.getKey().substring(0, cut);
            regions[i] = e.getKey().substring(cut + 1);
            counts[i++] = e.getValue();
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (n > 0) {
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO campaign_requested (campaign_id, channel, region, requested)
                        SELECT ?, ch, g, k FROM unnest(?, ?, ?) AS t(ch, g, k)
                        ON CONFLICT (campaign_id, channel, region)
                        DO UPDATE SET requested = campaign_requested.requested + excluded.requested""")) {
                    upsert.setObject(1, campaignId);
                    upsert.setArray(2, connection.createArrayOf("text", channels));
                    upsert.setArray(3, connection.createArrayOf("text", regions));
                    upsert.setArray(4, connection.createArrayOf("int4", counts));
                    upsert.executeUpdate();
                }
            }
            if (!noRequest.isEmpty()) {
                try (PreparedStatement flag = connection.prepareStatement(
                        "UPDATE campaign_recipient SET no_request = true WHERE campaign_id = ? AND national_id = ANY(?)")) {
                    flag.setObject(1, campaignId);
                    flag.setArray(2, connection.createArrayOf("uuid", noRequest.toArray()));
                    flag.executeUpdate();
                }
            }
        });
    }

    private void complete(UUID campaignId) {
        entityManager.createNativeQuery("UPDATE campaign SET state = 'COMPLETED', fanned_out_at = ?2, version = version + 1 "
                        + "WHERE id = ?1 AND state = 'RUNNING'")
                .setParameter(1, campaignId).setParameter(2, Instant.now()).executeUpdate();
    }
}
