package org.muster.registry.registration;

import org.muster.registry.national.National;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A household checked and ready to be written: its people (the registrant first, with the
 * contact points), the idempotency key that came with it (or null), the request's hash, and the
 * request's trace context (or null), which its snapshots continue although a writer thread
 * writes them.
 */
record NewHousehold(UUID id, String idempotencyKey, String requestHash, Instant at, String actor,
                    National registrant, List<National> people, String traceParent) {
}
