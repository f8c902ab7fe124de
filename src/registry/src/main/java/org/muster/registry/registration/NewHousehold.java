package org.muster.registry.registration;

import org.muster.registry.national.National;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A household checked and ready to be written: its people (the registrant first, with the
 * contact points), the idempotency key that came with it (or null) and the request's hash.
 */
record NewHousehold(UUID id, String idempotencyKey, String requestHash, Instant at, String actor,
                    National registrant, List<National> people) {
}
