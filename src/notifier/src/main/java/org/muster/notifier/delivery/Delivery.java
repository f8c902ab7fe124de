package org.muster.notifier.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.common.DeliveryStatus;

/** One message to one person on one channel, for one delivery request. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public String requestId;
    public UUID campaignId;
    public UUID recipientId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String address;
    public String language;
    public String subject;
    public String body;
    /** Stored as the ordinal: LEAVE_NOW (0) is dispatched first. */
    @Enumerated(EnumType.ORDINAL)
    public DeliveryPriority priority;
    public Instant validUntil;
    public int fallbackStep;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    @Enumerated(EnumType.STRING)
    public Dispatch dispatch;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant claimedAt;
    public String providerId;
    public String errorCode;
    public String encoding;
    public Integer segments;
    public Instant createdAt;
    public Instant updatedAt;
    /** The request's W3C trace context: the provider call continues it. */
    public String traceParent;
}
