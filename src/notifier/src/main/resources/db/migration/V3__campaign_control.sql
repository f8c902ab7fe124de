-- A campaign an officer paused, resumed or cancelled (alerts' CampaignStateChanged). Its messages not yet
-- handed to the provider are held (dispatch PAUSED) while it is paused and cancelled once it is cancelled;
-- a campaign without a row runs. Requests may arrive before or after the change: the claim skips held
-- campaigns, and the dispatcher's housekeeping settles stragglers every second.
CREATE TABLE campaign_control (
    campaign_id  uuid         PRIMARY KEY,
    state        varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'CANCELLED')),
    changed_by   text         NOT NULL,
    changed_at   timestamptz  NOT NULL
);
CREATE INDEX campaign_control_held ON campaign_control (changed_at) WHERE state <> 'RUNNING';
-- The deliveries of a paused campaign, released when it is resumed.
CREATE INDEX delivery_paused ON delivery (campaign_id) WHERE dispatch = 'PAUSED';
