package org.muster.evacuation.manifest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.muster.contracts.common.ManifestStatus;
import org.muster.evacuation.allocation.PriorityClass;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One passenger on one flight's manifest. */
@Entity
@Table(name = "manifest_entry")
public class ManifestEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID flightId;
    public UUID nationalId;
    public UUID householdId;
    public String nationality;
    public String displayName;
    public String preferredLanguage;
    /** 0 for an infant on a lap. */
    public int seats;
    @Enumerated(EnumType.STRING)
    public PriorityClass priority;
    @Enumerated(EnumType.STRING)
    public ManifestStatus status;
    /** Why the passenger is on this flight: the allocation's explanation, or the officer's. */
    public String reason;
    public String documentNumber;
    public String documentType;
    public String issuingState;
    public String surname;
    public String givenNames;
    public LocalDate dateOfBirth;
    public String sex;
    public String documentNationality;
    public LocalDate documentExpiresOn;
    public Instant confirmedAt;
    public Instant checkedInAt;
    public Instant boardedAt;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public boolean hasDocument() {
        return documentNumber != null;
    }
}
