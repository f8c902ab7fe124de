package org.muster.alerts.advisory;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A part of the country an advisory is about, beyond its regions: a circle or a polygon, as CAP
 * 1.2 draws them (WGS 84). Exactly one of {@code circle} and {@code polygon}.
 *
 * @param description what the area is, e.g. "Kabul airport and its approaches" (CAP areaDesc)
 * @param polygon at least 4 points, the first and the last the same (CAP closes polygons so)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Area(@NotBlank @Size(max = 200) String description, @Valid Circle circle,
                   @Size(min = 4, max = 500) List<@Valid Point> polygon) {

    /** A point: latitude and longitude in decimal degrees. */
    public record Point(double latitude, double longitude) {
    }

    /** A centre and a radius in kilometres. */
    public record Circle(@Valid Point centre, double radiusKm) {
    }
}
