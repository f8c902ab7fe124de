package org.muster.registry.national;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.muster.contracts.common.Channel;

import java.time.Instant;
import java.util.UUID;

/** One way to reach a person: an E.164 number for SMS, WhatsApp or voice, or an email address. */
@Entity
@Table(name = "contact_point")
public class ContactPoint extends PanacheEntityBase {

    @Id
    public UUID id;
    @JsonIgnore
    @ManyToOne(optional = false)
    public National national;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    /** Normalised: E.164 for phone channels, lower-case for email. */
    public String address;
    public boolean verified;
    public boolean optedOut;
    public Instant optedOutAt;
    /** 1 is tried first. */
    public int preference;
}
