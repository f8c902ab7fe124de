package org.muster.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.muster.contracts.alerts.CampaignStateChanged;

/**
 * An officer's pause, resumption or cancellation of a campaign (alerts' {@link CampaignStateChanged}), applied to
 * its deliveries not yet handed to the provider: held (dispatch PAUSED), made due again, or cancelled. A campaign's
 * requests wait here for the provider's rate long after alerts fanned them out, so this is where "cancel" takes
 * effect.
 *
 * <p>A change and a poll of requests of the same campaign can be written at the same moment: each takes a lock on
 * the campaign (a change exclusively, an intake shared), so the change's update sees every delivery committed
 * before it and an intake after it sees the change.
 */
@ApplicationScoped
public class CampaignControls {

    private static final Logger LOG = Logger.getLogger(CampaignControls.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Deliveries deliveries;

    /** Applies the changes in their order; of two changes of a campaign, the later one holds. In the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<CampaignStateChanged> changes) {
        for (CampaignStateChanged change : changes) {
            lock(change.campaignId(), false);
            int recorded = entityManager.createNativeQuery("""
                            INSERT INTO campaign_control (campaign_id, state, changed_by, changed_at) VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT (campaign_id) DO UPDATE
                                SET state = EXCLUDED.state, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
                                WHERE campaign_control.changed_at < EXCLUDED.changed_at""")
                    .setParameter(1, change.campaignId())
                    .setParameter(2, change.state().name())
                    .setParameter(3, change.changedBy())
                    .setParameter(4, Timestamp.from(change.changedAt()))
                    .executeUpdate();
            if (recorded == 0) {
                // A later change of this campaign was applied before this one arrived.
                continue;
            }
            switch (change.state()) {
                case PAUSED -> deliveries.holdCampaign(change.campaignId());
                case RUNNING -> deliveries.releaseCampaign(change.campaignId());
                case CANCELLED -> LOG.infof("campaign %s cancelled by %s: %d deliveries not sent",
                        change.campaignId(), change.changedBy(), deliveries.cancelCampaign(change.campaignId()));
            }
        }
    }

    /**
     * The campaigns among {@code campaignIds} that are paused or cancelled, for an intake about to write their
     * deliveries: it holds their locks shared until it commits. In the caller's transaction.
     */
    Map<UUID, CampaignStateChanged.State> heldAmong(Set<UUID> campaignIds) {
        Map<UUID, CampaignStateChanged.State> held = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return held;
        }
        // In a fixed order, so that two intakes and a change never wait for each other in a circle.
        campaignIds.stream().sorted().forEach(id -> lock(id, true));
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT campaign_id, state FROM campaign_control WHERE campaign_id = ANY(?) AND state <> 'RUNNING'")) {
                select.setArray(1, connection.createArrayOf("uuid", campaignIds.toArray(UUID[]::new)));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        held.put(rs.getObject(1, UUID.class), CampaignStateChanged.State.valueOf(rs.getString(2)));
                    }
                }
            }
        });
        return held;
    }

    private void lock(UUID campaignId, boolean shared) {
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT "
                        + (shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")
                        + "(hashtextextended(CAST(?1 AS text), 0))) locked")
                .setParameter(1, "campaign:" + campaignId).getSingleResult();
    }
}
