-- The W3C trace context of the request that started the campaign (launch or approval): each
-- fan-out batch continues it, so a message's spans from the launch to the provider are one trace.
ALTER TABLE campaign ADD COLUMN launch_trace_parent TEXT;
