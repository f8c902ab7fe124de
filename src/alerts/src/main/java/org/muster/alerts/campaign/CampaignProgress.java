package org.muster.alerts.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reads a campaign's progress from its requests' last statuses and its recipients' replies. */
@ApplicationScoped
public class CampaignProgress {

    @Inject
    EntityManager entityManager;

    @Inject
    Campaigns campaigns;

    @SuppressWarnings("unchecked")
    @Transactional
    public Progress of(UUID id) {
        Campaign c = campaigns.get(id);
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT d.channel, COALESCE(d.region, 'unknown'), count(*),
                            count(*) FILTER (WHERE d.status IN ('SENT', 'DELIVERED', 'READ', 'UNDELIVERED')),
                            count(*) FILTER (WHERE d.status IN ('DELIVERED', 'READ')),
                            count(*) FILTER (WHERE d.status IN ('FAILED', 'UNDELIVERED', 'EXPIRED', 'CANCELLED')),
                            count(*) FILTER (WHERE r.reply = 'SAFE'), count(*) FILTER (WHERE r.reply = 'HELP')
                        FROM campaign_delivery d JOIN campaign_recipient r
                            ON r.campaign_id = d.campaign_id AND r.national_id = d.national_id
                        WHERE d.campaign_id = ?1 GROUP BY 1, 2 ORDER BY 1, 2""")
                .setParameter(1, id).getResultList();
        Object[] totals = (Object[]) entityManager.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE r.national_id <= c.fan_out_through), count(*) FILTER (WHERE r.reply = 'SAFE'),
                            count(*) FILTER (WHERE r.reply = 'HELP')
                        FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE r.campaign_id = ?1""")
                .setParameter(1, id).getSingleResult();
        List<Object[]> unreached = entityManager.createNativeQuery("""
                        SELECT r.national_id, r.display_name, r.region, r.language
                        FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id
                        WHERE r.campaign_id = ?1 AND r.national_id <= c.fan_out_through AND NOT EXISTS (
                            SELECT 1 FROM campaign_delivery d WHERE d.campaign_id = r.campaign_id AND d.national_id = r.national_id
                            AND d.status IN ('REQUESTED', 'QUEUED', 'SENT', 'DELIVERED', 'READ'))
                        ORDER BY r.region, r.display_name LIMIT 10000""")
                .setParameter(1, id).getResultList();
        return new Progress(id, c.state, c.recipients, number(totals[0]),
                rows.stream().map(r -> new Progress.Row((String) r[0], (String) r[1], number(r[2]), number(r[3]),
                        number(r[4]), number(r[5]), number(r[6]), number(r[7]))).toList(),
                number(totals[1]), number(totals[2]),
                unreached.stream().map(r -> new Progress.Unreached((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                        .toList());
    }

    private static int number(Object o) {
        return ((Number) o).intValue();
    }
}
