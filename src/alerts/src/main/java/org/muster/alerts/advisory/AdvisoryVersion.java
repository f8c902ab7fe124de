package org.muster.alerts.advisory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.AdvisoryStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One published version of an advisory. Versions are never changed once written. */
@Entity
@Table(name = "advisory_version")
public class AdvisoryVersion extends PanacheEntityBase {

    /** What a version did; the CAP msgType follows from it (Alert, Update, Cancel). */
    public enum Change { ISSUED, UPDATED, CANCELLED, SUPERSEDED }

    @Id
    public UUID id;
    public UUID advisoryId;
    public int version;
    @Enumerated(EnumType.STRING)
    public Change change;
    /** ISO 3166-1 alpha-2. */
    public String country;
    @Enumerated(EnumType.STRING)
    public AdvisoryLevel level;
    @Enumerated(EnumType.STRING)
    public AdvisoryAction action;
    @Enumerated(EnumType.STRING)
    public AdvisoryStatus status;
    /** ISO 3166-2. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> regions = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<Area> areas = new ArrayList<>();
    /** Texts per language, in the order the officer wrote them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "advisory_text", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    public List<AdvisoryText> texts = new ArrayList<>();
    public Instant effectiveAt;
    public Instant expiresAt;
    public UUID supersedes;
    public String publishedBy;
    public Instant publishedAt;

    public static List<AdvisoryVersion> of(UUID advisoryId) {
        return list("advisoryId = ?1 order by version", advisoryId);
    }

    public static AdvisoryVersion find(UUID advisoryId, int version) {
        return find("advisoryId = ?1 and version = ?2", advisoryId, version).firstResult();
    }
}
