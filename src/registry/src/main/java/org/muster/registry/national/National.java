package org.muster.registry.national;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.muster.contracts.common.EvacuationStatus;
import org.muster.contracts.common.WelfareStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person the embassy is responsible for, or travels with someone who is. */
@Entity
@Table(name = "national")
public class National extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Short reference a person can read out on the phone, e.g. MST-7K2F-9QXD. */
    public String reference;
    public UUID householdId;
    public String givenNames;
    public String familyName;
    public LocalDate dateOfBirth;
    /** ISO 3166-1 alpha-2; family members of other nationalities travel in the household too. */
    public String nationality;
    /** BCP 47. */
    public String preferredLanguage;
    public String locationCountry;
    /** ISO 3166-2. */
    public String locationRegion;
    public String locationCity;
    public Double latitude;
    public Double longitude;
    public Instant locationReportedAt;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> vulnerabilities = new ArrayList<>();
    public String vulnerabilityNotes;
    @Enumerated(EnumType.STRING)
    public WelfareStatus welfareStatus;
    @Enumerated(EnumType.STRING)
    public EvacuationStatus evacuationStatus;
    public Instant consentAt;
    public String consentVersion;
    /** "self" for self-registration, otherwise the officer's user name. */
    public String registeredBy;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    @OneToMany(mappedBy = "national", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("preference")
    public List<ContactPoint> contactPoints = new ArrayList<>();

    @OneToMany(mappedBy = "national", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<IdentityDocument> documents = new ArrayList<>();

    public void addContactPoint(ContactPoint contact) {
        contact.national = this;
        contactPoints.add(contact);
    }

    public void addDocument(IdentityDocument document) {
        document.national = this;
        documents.add(document);
    }

    public String displayName() {
        return givenNames + " " + familyName;
    }
}
