-- The W3C trace context of the delivery request (alerts' fan-out batch): the provider call continues
-- that trace, so a message's spans from the campaign's launch to the provider are one trace.
ALTER TABLE delivery ADD COLUMN trace_parent TEXT;
