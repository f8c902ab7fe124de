-- The channel a recipient replied on: progress credits the reply to that channel only. Null for replies
-- recorded before, which are credited to every channel the recipient was requested on, as then.
ALTER TABLE campaign_recipient ADD COLUMN reply_channel varchar(16);
