package org.muster.alerts.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an officer writes to build a campaign, from an advisory ({@code advisoryId}: the
 * templates default to its texts and the priority to its action and level) or from free text.
 *
 * @param templates per BCP 47 language: Qute templates with {name}, {region}, {regionName},
 *                  {assemblyPoint}, {replyInstructions}; a person whose language has none gets
 *                  {@code defaultLanguage}
 * @param priority LEAVE_NOW for a campaign that moves people now; when left out, from the advisory:
 *                 LEAVE_NOW for action LEAVE_IMMEDIATELY or GO_TO_ASSEMBLY_POINT, otherwise URGENT
 *                 for level DO_NOT_TRAVEL, otherwise ROUTINE
 */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        UUID advisoryId,
        @NotNull @Valid AudienceFilter audience,
        @NotEmpty @Size(max = 4) List<@NotNull Channel> channels,
        @NotNull Campaign.ChannelMode channelMode,
        Map<String, @NotNull @Valid Template> templates,
        String defaultLanguage,
        @Size(max = 300) String assemblyPoint,
        @Size(max = 300) String replyInstructions,
        DeliveryPriority priority,
        Instant validUntil) {

    /** A message in one language: the subject is for e-mail only. */
    public record Template(@Size(max = 200) String subject, @NotBlank @Size(max = 1600) String body) {
    }
}
