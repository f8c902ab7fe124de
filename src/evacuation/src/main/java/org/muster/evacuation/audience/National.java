package org.muster.evacuation.audience;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.Vulnerability;
import org.muster.contracts.registry.NationalSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Evacuation's copy of a national as registry last published them: who may need a seat. */
@Entity
@Table(name = "national")
public class National extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID householdId;
    public String nationality;
    public String preferredLanguage;
    public String displayName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> vulnerabilities = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public EvacuationStatus evacuationStatus;
    @Convert(converter = ContactPointsConverter.class)
    public List<NationalSnapshot.ContactPoint> contactPoints = new ArrayList<>();
    public long snapshotVersion;
    public Instant requestedAt;
    public Instant updatedAt;

    public Set<Vulnerability> vulnerabilitySet() {
        Set<Vulnerability> set = EnumSet.noneOf(Vulnerability.class);
        vulnerabilities.forEach(v -> set.add(Vulnerability.valueOf(v)));
        return set;
    }
}
