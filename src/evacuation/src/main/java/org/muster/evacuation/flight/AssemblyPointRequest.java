package org.muster.evacuation.flight;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** An assembly point: instructions keyed by BCP 47 language tag (checked by the service). */
public record AssemblyPointRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) String place,
        @NotNull @NotEmpty Map<String, @NotBlank @Size(max = 1000) String> instructions) {
}
