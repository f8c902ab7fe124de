package org.muster.alerts.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.Channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a campaign's progress: requests from the fan-out's counts ({@code campaign_requested}),
 * statuses from the rows notifier's reports created ({@code campaign_delivery}), replies from the
 * recipients. Which channels a recipient was requested on is {@link Contacts#requests}, the
 * fan-out's own rule, applied to the few recipients that need it (those who replied, and those
 * whose every reported request failed).
 */
@ApplicationScoped
public class CampaignProgress {

    /** Statuses of a request still on its way or arrived (REQUESTED: rows written before V6). */
    private static final String PENDING_OR_REACHED = "('REQUESTED', 'QUEUED', 'SENT', 'DELIVERED', 'READ')";
    private static final int UNREACHED_LIMIT = 10_000;

    @Inject
    EntityManager entityManager;

    @Inject
    Campaigns campaigns;

    @SuppressWarnings("unchecked")
    @Transactional
    public Progress of(UUID id) {
        Campaign c = campaigns.get(id);
        List<Channel> plan = c.channelPlan();
        Map<String, int[]> figures = new TreeMap<>(Comparator.naturalOrder());
        List<Object[]> requested = entityManager.createNativeQuery(
                        "SELECT channel, region, requested FROM campaign_requested WHERE campaign_id = ?1")
                .setParameter(1, id).getResultList();
        for (Object[] r : requested) {
            figures(figures, (String) r[0], (String) r[1])[0] += number(r[2]);
        }
        List<Object[]> statuses = entityManager.createNativeQuery("""
                        SELECT channel, COALESCE(region, 'unknown'),
                            count(*) FILTER (WHERE status IN ('SENT', 'DELIVERED', 'READ', 'UNDELIVERED')),
                            count(*) FILTER (WHERE status IN ('DELIVERED', 'READ')),
                            count(*) FILTER (WHERE status IN ('FAILED', 'UNDELIVERED', 'EXPIRED')),
                            count(*) FILTER (WHERE status = 'CANCELLED')
                        FROM campaign_delivery WHERE campaign_id = ?1 GROUP BY 1, 2""")
                .setParameter(1, id).getResultList();
        for (Object[] s : statuses) {
            int[] f = figures(figures, (String) s[0], (String) s[1]);
            f[1] += number(s[2]);
            f[2] += number(s[3]);
            f[3] += number(s[4]);
            f[6] += number(s[5]);
        }
        // A reply counts on the channel it came by; one recorded before that was kept (V10), on every channel the
        // person was requested on.
        List<Object[]> replies = entityManager.createNativeQuery("""
                        SELECT r.region, r.reply, CAST(r.contacts AS text), r.reply_channel
                        FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
                        WHERE r.campaign_id = ?1 AND r.reply IN ('SAFE', 'HELP') AND r.national_id <= c.fan_out_through""")
                .setParameter(1, id).getResultList();
        for (Object[] r : replies) {
            int column = "SAFE".equals(r[1]) ? 4 : 5;
            String region = FanOutBatch.regionOf((String) r[0]);
            if (r[3] != null) {
                figures(figures, (String) r[3], region)[column]++;
                continue;
            }
            for (Contacts.Request request : Contacts.requests(Contacts.parse((String) r[2]), plan)) {
                figures(figures, request.channel().name(), region)[column]++;
            }
        }
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE r.national_id <= c.fan_out_through), count(*) FILTER (WHERE r.reply = 'SAFE'),
                            count(*) FILTER (WHERE r.reply = 'HELP')
                        FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE r.campaign_id = ?1""")
                .setParameter(1, id).getSingleResult();
        List<Progress.Row> rows = new ArrayList<>();
        figures.forEach((key, f) -> {
            int cut = key.indexOf('\n');
            rows.add(new Progress.Row(key.substring(0, cut), key.substring(cut + 1), f[0], f[1], f[2], f[3], f[6], f[4],
                    f[5]));
        });
        List<Progress.Unreached> unreached = new ArrayList<>();
        int unreachedCount = unreached(id, plan, unreached);
        return new Progress(id, c.state, c.recipients, number(totals[0]), rows, number(totals[1]), number(totals[2]),
                unreachedCount, unreached);
    }

    /**
     * People requested on no channel, or whose every request failed: candidates are the flagged ones
     * and those with only failed statuses so far; a candidate with fewer failed requests than it was
     * sent still has one on its way.
     */
    @SuppressWarnings("unchecked")
    private int unreached(UUID id, List<Channel> plan, List<Progress.Unreached> unreached) {
        List<Object[]> candidates = entityManager.createNativeQuery("""
                        SELECT r.national_id, r.display_name, r.region, r.language, r.no_request, CAST(r.contacts AS text),
                            (SELECT count(*) FROM campaign_delivery d WHERE d.campaign_id = r.campaign_id AND d.national_id = r.national_id)
                        FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
                        WHERE r.campaign_id = ?1 AND r.national_id <= c.fan_out_through
                        AND (r.no_request OR EXISTS (
                            SELECT 1 FROM campaign_delivery d WHERE d.campaign_id = r.campaign_id AND d.national_id = r.national_id))
                        AND NOT EXISTS (
                            SELECT 1 FROM campaign_delivery d WHERE d.campaign_id = r.campaign_id AND d.national_id = r.national_id
                            AND d.status IN %s)
                        ORDER BY r.region, r.display_name""".formatted(PENDING_OR_REACHED))
                .setParameter(1, id).getResultList();
        int count = 0;
        for (Object[] r : candidates) {
            boolean noRequest = (Boolean) r[4];
            if (noRequest || number(r[6]) >= Contacts.requests(Contacts.parse((String) r[5]), plan).size()) {
                count++;
                if (unreached.size() < UNREACHED_LIMIT) {
                    unreached.add(new Progress.Unreached((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]));
                }
            }
        }
        return count;
    }

    /** requested, sent, delivered, failed, replied SAFE, replied HELP, cancelled of one channel and region. */
    private static int[] figures(Map<String, int[]> figures, String channel, String region) {
        return figures.computeIfAbsent(channel + "\n" + region, k -> new int[7]);
    }

    private static int number(Object o) {
        return ((Number) o).intValue();
    }
}
