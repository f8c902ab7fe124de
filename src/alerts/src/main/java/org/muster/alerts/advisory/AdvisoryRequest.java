package org.muster.alerts.advisory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.AdvisoryStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an officer writes to issue, update or supersede an advisory.
 *
 * @param level EXERCISE_NORMAL_PRECAUTIONS, INCREASED_CAUTION, RECONSIDER_TRAVEL or DO_NOT_TRAVEL
 * @param action what people in the area should do now: LEAVE_IMMEDIATELY, SHELTER_IN_PLACE,
 *               GO_TO_ASSEMBLY_POINT, or NONE (the level alone is the advice)
 * @param regions ISO 3166-2 codes of {@code country}; empty for the whole country
 * @param texts text per BCP 47 language tag, in the order the feeds should show them
 * @param status ACTUAL when left out
 */
public record AdvisoryRequest(
        @NotBlank String country,
        @NotNull AdvisoryLevel level,
        @NotNull AdvisoryAction action,
        AdvisoryStatus status,
        @Size(max = 100) List<@NotBlank String> regions,
        @Size(max = 50) List<@NotNull @Valid Area> areas,
        @NotEmpty Map<String, @NotNull @Valid Text> texts,
        @NotNull Instant effectiveAt,
        Instant expiresAt) {

    /** The advisory in one language. */
    public record Text(@NotBlank @Size(max = 160) String headline,
                       @NotBlank @Size(max = 10000) String body,
                       @Size(min = 1, max = 2000) String instruction) {
    }
}
