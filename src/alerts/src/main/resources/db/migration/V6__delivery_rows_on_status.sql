-- The fan-out no longer writes a campaign_delivery row per request (it cost about as much as the
-- request's outbox row). A batch adds its requests to per-channel and per-region counts, and flags
-- the recipients it could not request on any channel, in its own transaction; campaign_delivery
-- gets a request's row when notifier reports its first status.
CREATE TABLE campaign_requested (
    campaign_id  UUID    NOT NULL REFERENCES campaign (id),
    channel      TEXT    NOT NULL,
    -- the recipient's region, 'unknown' when none (as progress shows it)
    region       TEXT    NOT NULL,
    requested    INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, channel, region)
);

ALTER TABLE campaign_recipient ADD COLUMN no_request BOOLEAN NOT NULL DEFAULT false;
COMMENT ON COLUMN campaign_recipient.no_request IS
    'true when the fan-out found no channel of the plan to request this recipient on';

-- Campaigns fanned out before: their counts from their rows (which stay), and their recipients
-- up to the mark who have none flagged.
INSERT INTO campaign_requested (campaign_id, channel, region, requested)
SELECT campaign_id, channel, COALESCE(region, 'unknown'), count(*) FROM campaign_delivery GROUP BY 1, 2, 3;

UPDATE campaign_recipient r SET no_request = true
FROM campaign c
WHERE c.id = r.campaign_id AND r.national_id <= c.fan_out_through
  AND NOT EXISTS (SELECT 1 FROM campaign_delivery d WHERE d.campaign_id = r.campaign_id AND d.national_id = r.national_id);
