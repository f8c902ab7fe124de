package org.muster.alerts.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An alert campaign: a message in several languages to an audience over an ordered channel plan. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    public enum State { DRAFT, AWAITING_APPROVAL, RUNNING, PAUSED, COMPLETED, CANCELLED }

    /** ALL: a request on every channel of the plan at once; FIRST_THAT_WORKS: the next channel only when the one before fails. */
    public enum ChannelMode { ALL, FIRST_THAT_WORKS }

    @Id
    public UUID id;
    public UUID advisoryId;
    public String name;
    @Enumerated(EnumType.STRING)
    public State state;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public AudienceFilter audience;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> channels = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public ChannelMode channelMode;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, CampaignRequest.Template> templates = new LinkedHashMap<>();
    public String defaultLanguage;
    public String assemblyPoint;
    public String replyInstructions;
    @Enumerated(EnumType.STRING)
    public DeliveryPriority priority;
    public Instant validUntil;
    public String createdBy;
    public Instant createdAt;
    public String approvedBy;
    public String launchedBy;
    public Instant launchedAt;
    public Instant fannedOutAt;
    public Integer recipients;
    /** The W3C trace context of the request that started it: its fan-out batches continue that trace. */
    @JsonIgnore
    public String launchTraceParent;
    @Version
    public long version;

    public List<Channel> channelPlan() {
        return channels.stream().map(Channel::valueOf).toList();
    }
}
