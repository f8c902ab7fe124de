package org.muster.alerts.advisory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An advisory's current state; what it says is in its versions ({@link AdvisoryVersion}). */
@Entity
@Table(name = "advisory")
public class Advisory extends PanacheEntityBase {

    public enum State { ACTIVE, CANCELLED, SUPERSEDED }

    @Id
    public UUID id;
    public int currentVersion;
    @Enumerated(EnumType.STRING)
    public State state;
    public UUID supersededBy;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
}
