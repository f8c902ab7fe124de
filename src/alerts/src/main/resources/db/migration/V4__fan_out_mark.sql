-- Fan-out progress as one mark per campaign instead of a flag per recipient: a batch reads the
-- recipients after the mark (national_id order), writes their requests to the outbox and moves
-- the mark, in one transaction. Marking a thousand recipients one by one was the most expensive
-- statement of a batch (a new row version and index entry each).
ALTER TABLE campaign ADD COLUMN fan_out_through UUID;
COMMENT ON COLUMN campaign.fan_out_through IS
    'the last recipient (national_id order) whose delivery requests are in the outbox; null: none yet';

-- Campaigns part-way through under the flag: the mark goes before the first recipient not yet
-- requested, so nobody is lost; anyone requested after it is requested again with the same
-- request id, which campaign_delivery (ON CONFLICT DO NOTHING) treats as the same request.
-- (uuid has no max(); its text form in the C collation sorts the same way.)
WITH pending AS (
    SELECT campaign_id, CAST(min(CAST(national_id AS text) COLLATE "C") AS uuid) AS first_pending
    FROM campaign_recipient WHERE NOT requested GROUP BY campaign_id),
marks AS (
    SELECT r.campaign_id, CAST(max(CAST(r.national_id AS text) COLLATE "C") AS uuid) AS through
    FROM campaign_recipient r LEFT JOIN pending p ON p.campaign_id = r.campaign_id
    WHERE r.requested AND (p.first_pending IS NULL OR r.national_id < p.first_pending)
    GROUP BY r.campaign_id)
UPDATE campaign c SET fan_out_through = m.through FROM marks m WHERE m.campaign_id = c.id;

ALTER TABLE campaign_recipient DROP COLUMN requested;
