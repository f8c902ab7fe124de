package org.muster.registry.registration;

import java.util.List;
import java.util.UUID;

/**
 * The answer to a registration: a reference to quote on the phone, the ids of the people
 * registered, and a signed self-service link for updating the record later without an account.
 */
public record Registered(String reference, UUID householdId, List<UUID> nationalIds, String selfServiceToken,
                         String selfServiceLink) {
}
