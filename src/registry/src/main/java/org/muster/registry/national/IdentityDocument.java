package org.muster.registry.national;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A passport or identity card; its number never leaves the registry. */
@Entity
@Table(name = "identity_document")
public class IdentityDocument extends PanacheEntityBase {

    @Id
    public UUID id;
    @JsonIgnore
    @ManyToOne(optional = false)
    public National national;
    /** PASSPORT, ID_CARD, TRAVEL_DOCUMENT or RESIDENCE_PERMIT. */
    public String type;
    /** Upper case, without spaces, as printed in the MRZ. */
    public String number;
    public String issuingCountry;
    public LocalDate expiresOn;
}
