package org.muster.notifier.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.contracts.common.Channel;

/**
 * The provider's rate limit per account and channel, as a token bucket in PostgreSQL that every replica draws
 * from: a replica takes a handful of tokens in one short transaction (the row lock serialises replicas), so
 * together they never send faster than the configured rate, and a replica that stops simply stops drawing.
 * The bucket holds at most half a second's worth: a slow dispatch round loses no tokens, and a pause is never
 * followed by a burst the provider (one second of burst) would refuse. Rate 0 means unlimited (no bucket).
 */
@ApplicationScoped
public class RateLimits {

    /** Seconds of sending the bucket may save up. */
    private static final double BURST_SECONDS = 0.5;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "muster.notifier.rate.sms")
    double sms;

    @ConfigProperty(name = "muster.notifier.rate.whatsapp")
    double whatsapp;

    @ConfigProperty(name = "muster.notifier.rate.voice")
    double voice;

    @ConfigProperty(name = "muster.notifier.rate.email")
    double email;

    private final Map<Channel, Double> overrides = new EnumMap<>(Channel.class);

    /** Messages per second allowed on {@code channel}; 0 for unlimited. */
    public synchronized double rate(Channel channel) {
        Double override = overrides.get(channel);
        if (override != null) {
            return override;
        }
        return switch (channel) {
            case SMS -> sms;
            case WHATSAPP -> whatsapp;
            case VOICE -> voice;
            case EMAIL -> email;
        };
    }

    /** Changes the rate of a channel at run time (benchmarks; an operator reacting to a provider's notice). */
    public synchronized void setRate(Channel channel, double perSecond) {
        overrides.put(channel, perSecond);
    }

    /**
     * Takes up to {@code wanted} tokens from the bucket of {@code account} and {@code channel}.
     *
     * @return how many may be sent now, 0 to {@code wanted}
     */
    @Transactional
    public int acquire(String account, Channel channel, int wanted) {
        double rate = rate(channel);
        if (rate <= 0) {
            return wanted;
        }
        String bucket = account + ":" + channel.name();
        double capacity = Math.max(1, rate * BURST_SECONDS);
        entityManager.createNativeQuery("""
                        INSERT INTO rate_bucket (name, tokens, refilled_at) VALUES (?1, 0, clock_timestamp())
                        ON CONFLICT (name) DO NOTHING""")
                .setParameter(1, bucket)
                .executeUpdate();
        // Refill by the time elapsed, take what is there, all under the row lock and by the database's clock.
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        UPDATE rate_bucket b
                        SET tokens = s.available - floor(LEAST(?2, s.available)), refilled_at = s.now
                        FROM (SELECT name, clock_timestamp() AS now,
                                     LEAST(?3, tokens + ?4 * EXTRACT(EPOCH FROM clock_timestamp() - refilled_at))
                                         AS available
                              FROM rate_bucket WHERE name = ?1 FOR UPDATE) s
                        WHERE b.name = s.name
                        RETURNING floor(LEAST(?2, s.available)), b.tokens""")
                .setParameter(1, bucket)
                .setParameter(2, (double) wanted)
                .setParameter(3, capacity)
                .setParameter(4, rate)
                .getSingleResult();
        return Math.max(0, ((Number) row[0]).intValue());
    }

    /** Returns tokens that were taken but not used (fewer deliveries were due than tokens granted). */
    @Transactional
    public void giveBack(String account, Channel channel, int unused) {
        double rate = rate(channel);
        if (rate <= 0 || unused <= 0) {
            return;
        }
        entityManager.createNativeQuery("UPDATE rate_bucket SET tokens = LEAST(?2, tokens + ?3) WHERE name = ?1")
                .setParameter(1, account + ":" + channel.name())
                .setParameter(2, Math.max(1, rate * BURST_SECONDS))
                .setParameter(3, (double) unused)
                .executeUpdate();
    }

    /** How long until the bucket of {@code channel} has a token again, at most. */
    public long refillMillis(Channel channel) {
        double rate = rate(channel);
        return rate <= 0 ? 0 : Math.max(1, (long) Math.ceil(1000 / rate));
    }
}
