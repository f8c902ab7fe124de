package org.muster.notifier.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.contracts.common.ReplyKeyword;
import org.muster.notifier.delivery.Delivery;
import org.muster.notifier.delivery.DeliveryHistory;
import org.muster.notifier.replies.Reply;

/** What staff see of deliveries and replies. */
public final class DeliveryViews {

    private DeliveryViews() {
    }

    public record HistoryView(DeliveryStatus status, int attempt, String providerId, String errorCode, String detail,
                              Instant occurredAt) {
        static HistoryView of(DeliveryHistory entry) {
            return new HistoryView(entry.status, entry.attempt, entry.providerId, entry.errorCode, entry.detail,
                    entry.occurredAt);
        }
    }

    public record DeliveryView(UUID id, String requestId, UUID campaignId, UUID recipientId, Channel channel,
                               String address, String language, DeliveryPriority priority, int fallbackStep,
                               DeliveryStatus status, int attempts, String providerId, String errorCode,
                               String encoding, Integer segments, Instant createdAt, Instant updatedAt,
                               List<HistoryView> history) {
        static DeliveryView of(Delivery d, List<DeliveryHistory> history) {
            return new DeliveryView(d.id, d.requestId, d.campaignId, d.recipientId, d.channel, d.address, d.language,
                    d.priority, d.fallbackStep, d.status, d.attempts, d.providerId, d.errorCode, d.encoding,
                    d.segments, d.createdAt, d.updatedAt, history.stream().map(HistoryView::of).toList());
        }
    }

    public record ReplyView(UUID id, UUID recipientId, UUID campaignId, Channel channel, String from,
                            ReplyKeyword keyword, String text, Instant receivedAt) {
        static ReplyView of(Reply r) {
            return new ReplyView(r.id, r.recipientId, r.campaignId, r.channel, r.fromAddress, r.keyword, r.text,
                    r.receivedAt);
        }
    }
}
