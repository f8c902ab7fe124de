package org.muster.notifier.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.muster.contracts.common.DeliveryStatus;

/** A status change or an attempt of a delivery, with what the provider said. */
@Entity
@Table(name = "delivery_history")
public class DeliveryHistory extends PanacheEntityBase {

    @Id
    // Pooled ids (the sequence steps by 50): history rows are inserted in JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_history")
    @SequenceGenerator(name = "delivery_history", sequenceName = "delivery_history_seq", allocationSize = 50)
    public Long id;
    public UUID deliveryId;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempt;
    public String providerId;
    public String errorCode;
    public String detail;
    public Instant occurredAt;
}
