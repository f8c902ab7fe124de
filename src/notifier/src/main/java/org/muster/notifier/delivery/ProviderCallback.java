package org.muster.notifier.delivery;

import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.common.DeliveryStatus;

/** What a provider's status callback says about a delivery: its message or call id and its new status. */
public record ProviderCallback(UUID deliveryId, String providerId, DeliveryStatus status, String errorCode,
                               Instant at) {
}
