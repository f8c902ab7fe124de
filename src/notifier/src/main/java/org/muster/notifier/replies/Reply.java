package org.muster.notifier.replies;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.ReplyKeyword;

/** An answer from a phone, kept with its text for staff. */
@Entity
@Table(name = "reply")
public class Reply extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Twilio's message SID, or the call SID for a keypad answer: a webhook Twilio resends is recorded once. */
    public String providerId;
    public UUID recipientId;
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String fromAddress;
    @Enumerated(EnumType.STRING)
    public ReplyKeyword keyword;
    public String text;
    public Instant receivedAt;
}
