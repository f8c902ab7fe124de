package org.muster.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One event waiting in the outbox, or already relayed ({@code sentAt} set). */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "event_key", nullable = false, updatable = false)
    public String key;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String type;

    @Column(updatable = false)
    public String subject;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", updatable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public short slot;

    @Column(name = "trace_parent", updatable = false)
    public String traceParent;

    @Column(name = "sent_at", insertable = false, updatable = false)
    public Instant sentAt;
}
